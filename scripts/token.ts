import { config } from '../shared/config';
import { openDatabaseServer } from '../shared/database/server';
import { logger } from '../shared/logger';
import { DEMO_AGENTS } from '../subgraphs/desk/seed/generate';
import { positionalArguments } from './args';
import { agentToken } from './agentToken';
import { closeAll, migrateAll } from './platform';

/** `npm run token -- <email>` prints a JWT for that agent (the administrator by default). */
async function main(): Promise<void> {
  // Standard output carries only the token, so `$(npm run --silent token)` can be used as is.
  process.env.LOG_LEVEL ??= 'warn';
  const log = logger('token');
  const email = positionalArguments()[0] ?? DEMO_AGENTS[0].email;
  const server = await openDatabaseServer(config().database, log);
  try {
    const migrated = await migrateAll(server.url, log);
    const desk = migrated.find((m) => m.subgraph.name === 'desk');
    if (!desk) throw new Error('desk subgraph is missing');
    console.log(await agentToken(desk.dataSource, email, config().auth));
    await closeAll(migrated);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
