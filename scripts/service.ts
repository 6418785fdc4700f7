import { config } from '../shared/config';
import { logger } from '../shared/logger';

const WORKER_SUFFIX = '-worker';

/**
 * One service per process, chosen by SERVICE: `gateway`, a subgraph (`desk`, …) serving its API
 * and, unless JOB_WORKERS_IN_PROCESS=false, running its workers, or `<subgraph>-worker` for the
 * workers alone. This is what the container image runs and what `npm start` spawns.
 */
async function main(): Promise<void> {
  const settings = config();
  const name = process.env.SERVICE ?? '';
  const log = logger(name || 'service');
  let stop: () => Promise<void>;
  if (!settings.database.url) throw new Error(`DATABASE_URL is required to run ${name}`);
  // Each process loads only what it runs: the gateway none of the subgraphs' code (their
  // resolvers, entities and seeds held about 40 MiB of its heap), a subgraph not the gateway's.
  if (name === 'gateway') {
    const { startGateway } = await import('../gateway/server.js');
    const gateway = await startGateway({
      config: settings,
      log,
      databaseUrl: settings.database.url,
      sandboxAuthorization: process.env.SANDBOX_AUTHORIZATION,
    });
    log.info({ url: gateway.url }, 'gateway listening');
    stop = gateway.stop;
  } else {
    const { subgraphNamed } = await import('../subgraphs/index.js');
    const { runSubgraph } = await import('../subgraphs/run.js');
    const workerOnly = name.endsWith(WORKER_SUFFIX);
    const subgraph = subgraphNamed(workerOnly ? name.slice(0, -WORKER_SUFFIX.length) : name);
    const running = await runSubgraph(subgraph, {
      url: settings.database.url,
      config: settings,
      log,
      port: settings.subgraphs[subgraph.name].port,
      serve: !workerOnly,
      workers: workerOnly || settings.jobs.workersInProcess,
    });
    log.info(
      { url: running.url, workers: workerOnly || settings.jobs.workersInProcess },
      `${name} started`,
    );
    stop = running.stop;
  }
  const shutdown = async (signal: string) => {
    log.info({ signal }, `${name} stopping`);
    await stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  logger('service').fatal({ err: error }, 'service failed to start');
  process.exit(1);
});
