import type { DataSource } from 'typeorm';
import type { Config } from '../../shared/config';
import type { Identity } from '../../shared/identity';
import {
  deskClientFor,
  type IntegrationViewer,
  type LevelStore,
  once,
  viewerFor,
} from '../../shared/integration/context';
import type { JobQueue } from '../../shared/jobs/queue';
import { SyncRunLoaders, syncRunLoaders } from '../../shared/jobs/syncRunGraph';
import type { PageLimits } from '../../shared/pagination';
import type { SubgraphDependencies } from '../../shared/subgraph';
import type { SubgraphClient } from '../../shared/subgraphClient';
import { ALL_LEVELS, type BooksLevels, levelsOf } from './domain/permissions';
import { Connection, ProfilePermission } from './entities';
import { booksSyncRuns } from './jobs/runs';
import { BooksLoaders, createBooksLoaders } from './loaders';

export type BooksViewer = IntegrationViewer<BooksLevels>;

const NO_ACCESS = { view: false, createEdit: false, email: false };
const NO_LEVELS: BooksLevels = {
  invoices: NO_ACCESS,
  estimates: NO_ACCESS,
  receivables: NO_ACCESS,
};

/** BKS-7: levels are stored per desk profile; a profile without a row may do nothing. */
const booksLevels: LevelStore<BooksLevels> = {
  all: ALL_LEVELS,
  ofProfile: async (dataSource: DataSource, profileId: string) => {
    const row = await dataSource.getRepository(ProfilePermission).findOneBy({ profileId });
    return row ? levelsOf(row) : NO_LEVELS;
  },
};

/**
 * Books' request context. It is not shared/integration's IntegrationContext: books' state is its
 * `connection` row (with a CONNECTED step and an edition), not the shared `integration` row, and
 * its levels are per kind of data rather than one view switch.
 */
export interface BooksContext {
  identity: Identity;
  db: DataSource;
  jobs: JobQueue;
  config: Config;
  limits: PageLimits;
  viewer(): Promise<BooksViewer>;
  /** The connection row as this request first saw it. */
  connection(): Promise<Connection>;
  /** Desk's API, called on behalf of whoever this request acts for. */
  desk(): SubgraphClient;
  loaders: BooksLoaders;
  syncRuns: SyncRunLoaders;
}

export async function createBooksContext(
  identity: Identity,
  deps: SubgraphDependencies,
): Promise<BooksContext> {
  const connection = once(() =>
    deps.dataSource.getRepository(Connection).findOneByOrFail({ id: 1 }),
  );
  const limits = deps.config.pagination;
  return {
    identity,
    db: deps.dataSource,
    jobs: deps.jobs,
    config: deps.config,
    limits,
    viewer: once(() => viewerFor(identity, deps, booksLevels)),
    connection,
    desk: () => deskClientFor(identity, deps),
    loaders: createBooksLoaders(deps.dataSource, limits, connection),
    syncRuns: syncRunLoaders(deps.dataSource, booksSyncRuns, limits),
  };
}
