/**
 * Where the console finds the gateway: the same origin by default (the gateway serves the console
 * at /console), or VITE_GATEWAY_URL when the built files are served by another web server.
 */
const configured: string | undefined = import.meta.env.VITE_GATEWAY_URL;

export const GRAPHQL_URL = new URL(configured || '/graphql', window.location.origin).toString();

/** The gateway's development-only demo sign-in, next to its /graphql. */
export const DEMO_SIGN_IN_URL = new URL('/console/demo-sign-in', GRAPHQL_URL).toString();
