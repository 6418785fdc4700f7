import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { config } from '../shared/config';
import { openDatabaseServer } from '../shared/database/server';
import { logger } from '../shared/logger';
import { DEMO_AGENTS } from '../subgraphs/desk/seed/generate';
import { scaleArgument } from './args';
import { agentToken } from './agentToken';
import { closeAll, migrateAll, seedWhereEmpty } from './platform';
import { SUBGRAPHS } from '../subgraphs';

const COLOURS = ['\x1b[36m', '\x1b[35m', '\x1b[33m', '\x1b[32m', '\x1b[34m', '\x1b[31m'];
const RESET = '\x1b[0m';

/** Runs one service in its own process, as in production, with its output prefixed. */
function spawnService(name: string, env: NodeJS.ProcessEnv, colour: string): ChildProcess {
  const compiled = path.extname(__filename) === '.js';
  const entry = path.join(__dirname, `service${path.extname(__filename)}`);
  const child = spawn(process.execPath, compiled ? [entry] : ['--import', 'tsx', entry], {
    env: { ...process.env, ...env, SERVICE: name },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `${colour}${name.padEnd(9)}|${RESET} `;
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) {
      readline.createInterface({ input: stream }).on('line', (line) => {
        process.stdout.write(`${prefix}${line}\n`);
      });
    }
  }
  return child;
}

async function waitForHealth(name: string, port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
    const ok = await fetch(`http://localhost:${port}/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not become healthy on port ${port} within 60 s`);
}

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
  const children: ChildProcess[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log.info('stopping every service');
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
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

    const env = { DATABASE_URL: server.url };
    for (const [index, subgraph] of SUBGRAPHS.entries()) {
      const child = spawnService(subgraph.name, env, COLOURS[index % COLOURS.length]);
      children.push(child);
      await waitForHealth(subgraph.name, settings.subgraphs[subgraph.name].port, child);
    }
    const gateway = spawnService(
      'gateway',
      { ...env, SANDBOX_AUTHORIZATION: `Bearer ${token}` },
      COLOURS[SUBGRAPHS.length % COLOURS.length],
    );
    children.push(gateway);
    await waitForHealth('gateway', settings.gateway.port, gateway);
    for (const child of children) {
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
