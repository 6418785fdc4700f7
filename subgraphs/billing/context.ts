import type { DataSource } from 'typeorm';
import type { Config } from '../../shared/config';
import type { Identity } from '../../shared/identity';
import {
  type IntegrationContext,
  integrationContextParts,
  type IntegrationLoaders,
  type IntegrationViewer,
  type LevelStore,
} from '../../shared/integration/context';
import type { PageLimits } from '../../shared/pagination';
import type { SubgraphDependencies } from '../../shared/subgraph';
import { ProfilePermission } from './entities';
import { BillingLoaders, createBillingLoaders } from './loaders';
import { ALL_PERMISSIONS, levelsOf, PermissionLevels } from './permissionLevels';

export type BillingViewer = IntegrationViewer<PermissionLevels>;

export interface BillingContext extends IntegrationContext<PermissionLevels> {
  identity: Identity;
  config: Config;
  limits: PageLimits;
  loaders: BillingLoaders & IntegrationLoaders;
}

/** Levels are stored per desk profile; a profile without a row has everything off. */
const billingLevels: LevelStore<PermissionLevels> = {
  all: ALL_PERMISSIONS,
  ofProfile: async (dataSource: DataSource, profileId: string) =>
    levelsOf(await dataSource.getRepository(ProfilePermission).findOneBy({ profileId })),
};

export async function createBillingContext(
  identity: Identity,
  deps: SubgraphDependencies,
): Promise<BillingContext> {
  const { integrationLoaders, ...parts } = integrationContextParts(identity, deps, billingLevels);
  return {
    ...parts,
    loaders: { ...createBillingLoaders(deps.dataSource, parts.limits), ...integrationLoaders },
  };
}
