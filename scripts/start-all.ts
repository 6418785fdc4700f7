import { config } from '../shared/config';
import { openDatabaseServer } from '../shared/database/server';
import { logger } from '../shared/logger';
import { DEMO_AGENTS } from '../subgraphs/desk/seed/generate';
import { scaleArgument } from './args';
import { agentToken } from './agentToken';
import { closeAll, migrateAll, seedWhereEmpty } from './platform';
import { configuredPorts, RunningServices, startServices } from './services';

const COLOURS = ['\x1b[36m', '\x1b[35m', '\x1b[33m', '\x1b[32m', '\x1b[34m', '\x1b[31m'];
const RESET = '\x1b[0m';

/**
 * `npm start`: PostgreSQL (embedded unless DATABASE_URL is set), migrations, demo data on first
 * start, then every subgraph and the gateway as separate processes. Ctrl-C stops them all.
 */
async function main(): Promise<void> {
  // People read this terminal; LOG_FORMAT=json still gives machine-readable lines.
  process.env.LOG_FORMAT ??= 'pretty';
  const settings = config();
  const log = logger('start');
  const server = await openDatabaseServer(settings.database, log);
  let services: RunningServices | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping every service');
    await services?.stop();
    await server.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  try {
    const migrated = await migrateAll(server.url, log);
    await seedWhereEmpty(migrated, scaleArgument(1), log);
    const desk = migrated.find((m) => m.subgraph.name === 'desk');
    const admin = DEMO_AGENTS[0];
    const token = desk ? await agentToken(desk.dataSource, admin.email, settings.auth) : '';
    await closeAll(migrated);

    services = await startServices({
      env: { DATABASE_URL: server.url },
      gatewayEnv: { SANDBOX_AUTHORIZATION: `Bearer ${token}` },
      ports: configuredPorts(settings),
      onLine: (name, index) => {
        const prefix = `${COLOURS[index % COLOURS.length]}${name.padEnd(9)}|${RESET} `;
        return (line) => process.stdout.write(`${prefix}${line}\n`);
      },
    });
    for (const { child } of services.processes) {
      child.once('exit', (code) => {
        if (!stopping) {
          log.error({ code }, 'a service exited; stopping the rest');
          void stop(1);
        }
      });
    }
    const url = `http://localhost:${settings.gateway.port}/graphql`;
    const consoleUrl = settings.console.enabled
      ? `http://localhost:${settings.gateway.port}/console/ (sign in as a demo agent)`
      : 'off (CONSOLE_ENABLED=false)';
    console.log(`
customer-graph is running.

  Gateway and Apollo Sandbox: ${url}
  Agent console: ${consoleUrl}
  Authorization header for ${admin.name} (${admin.profile}):

    Authorization: Bearer ${token}

  Tokens for the other demo agents: npm run token -- ${DEMO_AGENTS.slice(1)
    .map((a) => a.email)
    .join(' | ')}
  Press Ctrl-C to stop.
`);
  } catch (error) {
    log.fatal({ err: error }, 'start failed');
    await stop(1);
  }
}

void main();
