import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The agent console, built to console/dist. Its asset URLs are relative and its pages live in the
 * URL's hash, so the files work under any path of any web server: the gateway serves them at
 * /console/. VITE_GATEWAY_URL, read when building, points a console served elsewhere at a gateway.
 * JSX is compiled by Vite's own transformer (React's automatic runtime): a production build needs
 * no React plugin.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  // The .graphql operations are imported as text (`?raw`) and parsed by Apollo Client's gql.
  build: { outDir: 'dist', emptyOutDir: true },
  logLevel: 'warn',
});
