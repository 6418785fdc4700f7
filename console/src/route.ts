import { useEffect, useState } from 'react';

/** The console's pages, kept in the URL's hash so any web server can serve the built files. */
export type Route = { page: 'tickets' } | { page: 'ticket'; id: string } | { page: 'new-ticket' };

function parse(hash: string): Route {
  const ticket = /^#\/tickets\/([^/]+)$/.exec(hash);
  if (ticket) return { page: 'ticket', id: decodeURIComponent(ticket[1]) };
  if (hash === '#/new-ticket') return { page: 'new-ticket' };
  return { page: 'tickets' };
}

export function hrefOf(route: Route): string {
  if (route.page === 'ticket') return `#/tickets/${encodeURIComponent(route.id)}`;
  return route.page === 'new-ticket' ? '#/new-ticket' : '#/tickets';
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(window.location.hash));
  useEffect(() => {
    const follow = () => setRoute(parse(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return route;
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}
