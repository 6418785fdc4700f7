import type { DataSource } from 'typeorm';
import { AgentDirectory } from '../../shared/agentDirectory';
import type { Config } from '../../shared/config';
import type { Identity } from '../../shared/identity';
import type { JobQueue } from '../../shared/jobs/queue';
import { SyncRunLoaders, syncRunLoaders } from '../../shared/jobs/syncRunGraph';
import type { PageLimits } from '../../shared/pagination';
import type { SubgraphDependencies } from '../../shared/subgraph';
import { SubgraphClient, subgraphClient } from '../../shared/subgraphClient';
import { Integration, ProfilePermission } from './entities';
import { inventorySyncRuns } from './jobs/runs';
import { createInventoryLoaders, InventoryLoaders } from './loaders';
import { ALL_PERMISSIONS, levelsOf, PermissionLevels } from './permissionLevels';

/** Who is asking, in desk's terms, and what their profile may do in inventory. */
export interface InventoryViewer {
  /** The desk agent, or null for a peer service acting on its own behalf. */
  agentId: string | null;
  email: string | null;
  /** Desk administrators may do everything, and set the integration and permissions up. */
  isAdministrator: boolean;
  levels: PermissionLevels;
}

export interface InventoryContext {
  identity: Identity;
  db: DataSource;
  jobs: JobQueue;
  config: Config;
  limits: PageLimits;
  loaders: InventoryLoaders;
  syncRuns: SyncRunLoaders;
  /** Resolved once per request, on first use. */
  viewer(): Promise<InventoryViewer>;
  /** The integration's row as this request first saw it. */
  integration(): Promise<Integration>;
  /** Desk's API, called on behalf of whoever this request acts for. */
  desk(): SubgraphClient;
}

/** One directory per desk, kept for the process so that its cache outlives requests. */
const directories = new Map<string, AgentDirectory>();

function agentDirectory(config: Config): AgentDirectory {
  const deskUrl = config.subgraphs.desk.url;
  let directory = directories.get(deskUrl);
  if (!directory) {
    directory = new AgentDirectory({
      deskUrl,
      auth: config.auth,
      cacheSeconds: config.auth.agentProfileCacheSeconds,
      timeoutMs: config.gateway.subgraphTimeoutMs,
    });
    directories.set(deskUrl, directory);
  }
  return directory;
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= load());
}

async function viewerFor(identity: Identity, deps: SubgraphDependencies): Promise<InventoryViewer> {
  if (identity.kind === 'service' && !identity.onBehalfOf) {
    // Peer services act for work inventory has already accepted.
    return { agentId: null, email: null, isAdministrator: true, levels: ALL_PERMISSIONS };
  }
  const ref = await agentDirectory(deps.config).lookup(identity);
  if (ref.isAdministrator) {
    return {
      agentId: ref.agentId,
      email: ref.email,
      isAdministrator: true,
      levels: ALL_PERMISSIONS,
    };
  }
  const row = await deps.dataSource
    .getRepository(ProfilePermission)
    .findOneBy({ profileId: ref.profileId });
  return { agentId: ref.agentId, email: ref.email, isAdministrator: false, levels: levelsOf(row) };
}

export async function createInventoryContext(
  identity: Identity,
  deps: SubgraphDependencies,
): Promise<InventoryContext> {
  const limits = deps.config.pagination;
  const integration = once(() =>
    deps.dataSource.getRepository(Integration).findOneByOrFail({ id: 1 }),
  );
  return {
    identity,
    db: deps.dataSource,
    jobs: deps.jobs,
    config: deps.config,
    limits,
    loaders: createInventoryLoaders(deps.dataSource, limits, integration),
    syncRuns: syncRunLoaders(deps.dataSource, inventorySyncRuns, limits),
    viewer: once(() => viewerFor(identity, deps)),
    integration,
    desk: () =>
      subgraphClient({
        target: 'desk',
        url: deps.config.subgraphs.desk.url,
        identity,
        auth: deps.config.auth,
        timeoutMs: deps.config.gateway.subgraphTimeoutMs,
      }),
  };
}
