import { config } from '../shared/config';
import { logger } from '../shared/logger';
import { startGateway } from '../gateway/server';
import { subgraphNamed } from '../subgraphs';
import type { RunningService } from '../shared/subgraph';

/**
 * One service per process, chosen by SERVICE (gateway, desk, …): what the container image runs
 * and what `npm start` spawns for each service. Needs DATABASE_URL for subgraphs.
 */
async function main(): Promise<void> {
  const settings = config();
  const name = process.env.SERVICE ?? '';
  const log = logger(name || 'service');
  let running: RunningService;
  if (name === 'gateway') {
    running = await startGateway({
      config: settings,
      log,
      sandboxAuthorization: process.env.SANDBOX_AUTHORIZATION,
    });
  } else {
    const subgraph = subgraphNamed(name);
    if (!settings.database.url) throw new Error(`DATABASE_URL is required to run ${name}`);
    const dataSource = subgraph.createDataSource(settings.database.url, log);
    await dataSource.initialize();
    const service = await subgraph.start(
      { dataSource, config: settings, log },
      settings.subgraphs[subgraph.name].port,
    );
    running = { ...service, stop: async () => (await service.stop(), await dataSource.destroy()) };
  }
  log.info({ url: running.url }, `${name} listening`);
  const shutdown = async (signal: string) => {
    log.info({ signal }, `${name} stopping`);
    await running.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  logger('service').fatal({ err: error }, 'service failed to start');
  process.exit(1);
});
