import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The agent console, built to console/dist with every URL under /console/, where the gateway
 * serves it. VITE_GATEWAY_URL, read when building, points a console served elsewhere at a gateway.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  // The .graphql operations are imported as text (`?raw`) and parsed by Apollo Client's gql.
  build: { outDir: 'dist', emptyOutDir: true },
  logLevel: 'warn',
});
