import { DataSource } from 'typeorm';
import { unauthenticated } from '../../shared/errors';
import type { Identity } from '../../shared/identity';
import type { PageLimits } from '../../shared/pagination';
import type { SubgraphDependencies } from '../../shared/subgraph';
import type { Agent } from './entities';
import { PermissionAction, PermissionModule } from './entities/ProfilePermission';
import { createDeskLoaders, DeskLoaders } from './loaders';

/** Who is asking, and what their agent profile allows, as stored right now. */
export interface Viewer {
  agent: Agent | null;
  isAdministrator: boolean;
  can(module: PermissionModule, action: PermissionAction): boolean;
}

export interface DeskContext {
  identity: Identity;
  viewer: Viewer;
  db: DataSource;
  loaders: DeskLoaders;
  limits: PageLimits;
}

async function viewerFor(identity: Identity, loaders: DeskLoaders): Promise<Viewer> {
  if (identity.kind === 'service') {
    // Peer services act for jobs the desk has already accepted; they never manage profiles.
    return { agent: null, isAdministrator: false, can: () => true };
  }
  const agent = await loaders.agent.load(identity.agentId).catch(() => null);
  if (!agent || !agent.active) throw unauthenticated('The agent behind this token is not active');
  const [profile, permissions] = await Promise.all([
    loaders.profile.load(agent.profileId),
    loaders.permissionsByProfile.load(agent.profileId),
  ]);
  const levels = new Map(permissions.map((p) => [p.module, p]));
  return {
    agent,
    isAdministrator: profile.isAdministrator,
    can: (module, action) => profile.isAdministrator || levels.get(module)?.[action] === true,
  };
}

export async function createDeskContext(
  identity: Identity,
  deps: SubgraphDependencies,
): Promise<DeskContext> {
  const limits = deps.config.pagination;
  const loaders = createDeskLoaders(deps.dataSource, limits);
  return {
    identity,
    viewer: await viewerFor(identity, loaders),
    db: deps.dataSource,
    loaders,
    limits,
  };
}
