import type { DataSource } from 'typeorm';
import type { Config } from '../../shared/config';
import type { Identity } from '../../shared/identity';
import {
  type IntegrationContext,
  type IntegrationLoaders,
  integrationContextParts,
  type IntegrationViewer,
  type LevelStore,
} from '../../shared/integration/context';
import type { JobQueue } from '../../shared/jobs/queue';
import { SyncRunLoaders, syncRunLoaders } from '../../shared/jobs/syncRunGraph';
import type { PageLimits } from '../../shared/pagination';
import type { SubgraphDependencies } from '../../shared/subgraph';
import { ProfilePermission } from './entities';
import { inventorySyncRuns } from './jobs/runs';
import { createInventoryLoaders, InventoryLoaders } from './loaders';
import { ALL_PERMISSIONS, levelsOf, PermissionLevels } from './permissionLevels';

export type InventoryViewer = IntegrationViewer<PermissionLevels>;

export interface InventoryContext extends IntegrationContext<PermissionLevels> {
  identity: Identity;
  jobs: JobQueue;
  config: Config;
  limits: PageLimits;
  loaders: InventoryLoaders & IntegrationLoaders;
  syncRuns: SyncRunLoaders;
}

/** INV-5: levels are stored per desk profile; a profile without a row has everything off. */
const inventoryLevels: LevelStore<PermissionLevels> = {
  all: ALL_PERMISSIONS,
  ofProfile: async (dataSource: DataSource, profileId: string) =>
    levelsOf(await dataSource.getRepository(ProfilePermission).findOneBy({ profileId })),
};

export async function createInventoryContext(
  identity: Identity,
  deps: SubgraphDependencies,
): Promise<InventoryContext> {
  const { integrationLoaders, ...parts } = integrationContextParts(identity, deps, inventoryLevels);
  return {
    ...parts,
    loaders: { ...createInventoryLoaders(deps.dataSource, parts.limits), ...integrationLoaders },
    syncRuns: syncRunLoaders(deps.dataSource, inventorySyncRuns, parts.limits),
  };
}
