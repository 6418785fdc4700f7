import cors from 'cors';
import helmet from 'helmet';
import type { Config } from '../shared/config';
import { REQUEST_ID_HEADER } from './requestId';

/**
 * Where Apollo's landing page (Sandbox in development, the static page in production) loads its
 * scripts, styles, icons and frames from: the lists its own plugin puts in the page's
 * Content-Security-Policy meta tag (@apollo/server, plugin/landingPage/default), less Apollo's
 * internal development host.
 */
const LANDING_PAGE_CDN = 'https://apollo-server-landing-page.cdn.apollographql.com';
const LANDING_PAGE_SCRIPTS = [
  LANDING_PAGE_CDN,
  'https://embeddable-sandbox.cdn.apollographql.com',
  'https://embeddable-explorer.cdn.apollographql.com',
];
const LANDING_PAGE_FRAMES = [
  'https://sandbox.embed.apollographql.com',
  'https://explorer.embed.apollographql.com',
];

/**
 * Helmet's security headers on every response. Its Content-Security-Policy is widened just enough
 * for the landing page: the page's inline scripts carry a nonce made per render that a header
 * cannot know, so the header allows inline scripts and the page's own meta policy, which browsers
 * enforce as well, still admits only those with the nonce. `upgrade-insecure-requests` is left out:
 * in development the gateway speaks plain HTTP, and Sandbox's requests to it would be sent to an
 * https://localhost that does not exist. The agent console (/console) needs nothing more: its
 * scripts, styles and calls to /graphql are all 'self'.
 */
export function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'", "'unsafe-inline'", ...LANDING_PAGE_SCRIPTS],
        'style-src': [
          "'self'",
          "'unsafe-inline'",
          ...LANDING_PAGE_SCRIPTS,
          'https://fonts.googleapis.com',
        ],
        'font-src': ["'self'", 'https://fonts.gstatic.com'],
        'img-src': ["'self'", 'data:', LANDING_PAGE_CDN],
        'manifest-src': ["'self'", LANDING_PAGE_CDN],
        'frame-src': LANDING_PAGE_FRAMES,
        'upgrade-insecure-requests': null,
      },
    },
  });
}

/** Headers a browser client may send to /graphql, so the preflight lets them through. */
const ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'x-api-key',
  'apollo-require-preflight',
  REQUEST_ID_HEADER,
  'apollographql-client-name',
  'apollographql-client-version',
];

/**
 * Which browser origins may call /graphql. Agents and partners authenticate with a header, never a
 * cookie, so no credentials are allowed; the request id is readable for a client's bug reports.
 */
export function graphqlCors(edge: Config['edge']) {
  return cors({
    origin: edge.corsOrigins,
    methods: ['GET', 'POST'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: [REQUEST_ID_HEADER],
    maxAge: 600,
  });
}
