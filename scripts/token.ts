import { config } from '../shared/config';
import { logger } from '../shared/logger';
import { DEMO_AGENTS } from '../subgraphs/desk/seed/generate';
import { positionalArguments } from './args';
import { agentToken } from './agentToken';
import { withDesk } from './platform';

/** `npm run token -- <email>` prints a JWT for that agent (the administrator by default). */
async function main(): Promise<void> {
  // Standard output carries only the token, so `$(npm run --silent token)` can be used as is.
  process.env.LOG_LEVEL ??= 'warn';
  const email = positionalArguments()[0] ?? DEMO_AGENTS[0].email;
  const token = await withDesk(logger('token'), (desk) => agentToken(desk, email, config().auth));
  console.log(token);
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
