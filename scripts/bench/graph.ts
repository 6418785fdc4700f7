import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Config, loadConfig } from '../../shared/config';
import {
  portEnvironment,
  freePort,
  type RunningServices,
  type ServiceName,
  startServices,
} from '../services';

/** The graph under load: every service in its own process, as in production. */
export interface BenchGraph {
  gatewayUrl: string;
  deskUrl: string;
  /** What the services were configured with, to sign tokens they accept. */
  config: Config;
  services: RunningServices;
  pids: Record<ServiceName, number>;
}

/**
 * Starts the graph on free ports against one dataset, in production mode with secrets made for
 * this run. Workers are left out of the API processes (JOB_WORKERS_IN_PROCESS=false, as with
 * `<name>-worker` processes in production): idle, they would only add their polling to the SQL
 * the benchmark counts. The page size allows operation 3's 200 contacts and the 500 tickets of the agent queue's
 * statement comparison in one page.
 */
export async function startBenchGraph(
  databaseUrl: string,
  logFile: string,
  /** Where each service writes a V8 CPU profile when it stops (`--cpu-prof`), if anywhere. */
  profileDir?: string,
): Promise<BenchGraph> {
  const names: ServiceName[] = ['gateway', 'desk', 'inventory', 'billing', 'books', 'projects'];
  const ports = {} as Record<ServiceName, number>;
  for (const name of names) ports[name] = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...portEnvironment(ports),
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    AGENT_JWT_SECRET: randomBytes(32).toString('hex'),
    SUBGRAPH_SIGNING_SECRET: randomBytes(32).toString('hex'),
    JOB_WORKERS_IN_PROCESS: 'false',
    MAX_PAGE_SIZE: '500',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
  };
  if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
  // Every service reads URLs from its ports; inherited *_URL variables would point elsewhere.
  for (const name of names) env[`${name.toUpperCase()}_URL`] = '';
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.createWriteStream(logFile, { flags: 'a' });
  const services = await startServices({
    env,
    ports,
    onLine: (name) => (line) => log.write(`${name.padEnd(9)}| ${line}\n`),
    nodeArguments: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  });
  const pids = {} as Record<ServiceName, number>;
  for (const { name, child } of services.processes) pids[name] = child.pid ?? 0;
  return {
    gatewayUrl: `http://localhost:${ports.gateway}/graphql`,
    deskUrl: `http://localhost:${ports.desk}/graphql`,
    config: loadConfig({ ...process.env, ...env }),
    services: {
      processes: services.processes,
      stop: async () => {
        await services.stop();
        log.end();
      },
    },
    pids,
  };
}
