import type { DataSource } from 'typeorm';
import type { Config } from '../shared/config';
import { openJobQueue, type JobQueue } from '../shared/jobs/queue';
import { startWorkers } from '../shared/jobs/workers';
import type { Logger } from '../shared/logger';
import type { SubgraphDefinition } from '.';

export interface RunningSubgraph {
  /** The GraphQL endpoint, when the process serves one. */
  url: string | null;
  dataSource: DataSource;
  jobs: JobQueue;
  stop(): Promise<void>;
}

/**
 * One subgraph in this process: its API, its workers, or both (the default). Production runs
 * `SERVICE=<name>` for both or `<name>-worker` for workers alone; tests choose per suite.
 */
export async function runSubgraph(
  subgraph: SubgraphDefinition,
  options: {
    url: string;
    config: Config;
    log: Logger;
    port: number;
    serve: boolean;
    workers: boolean;
  },
): Promise<RunningSubgraph> {
  const { url, config, log } = options;
  const dataSource = subgraph.createDataSource(url, log);
  await dataSource.initialize();
  const jobs = await openJobQueue(url, config.jobs, log, {
    supervise: options.workers,
    application: subgraph.name,
  });
  const workers = options.workers
    ? await startWorkers({
        jobs: subgraph.jobs,
        boss: jobs,
        dataSource,
        url,
        config,
        log,
      })
    : null;
  const http = options.serve
    ? await subgraph.start({ dataSource, config, log, jobs }, options.port)
    : null;
  return {
    url: http?.url ?? null,
    dataSource,
    jobs,
    stop: async () => {
      await http?.stop();
      await workers?.stop();
      await jobs.stop({ graceful: true, timeout: 10_000 });
      await dataSource.destroy();
    },
  };
}
