import { DataSource } from 'typeorm';
import { isNotFound, unauthenticated } from '../../shared/errors';
import type { Identity } from '../../shared/identity';
import type { JobQueue } from '../../shared/jobs/queue';
import { SyncRunLoaders, syncRunLoaders } from '../../shared/jobs/syncRunGraph';
import type { PageLimits } from '../../shared/pagination';
import type { SubgraphDependencies } from '../../shared/subgraph';
import type { Agent } from './entities';
import { PermissionAction, PermissionModule } from './entities/ProfilePermission';
import { deskSyncRuns } from './jobs/runs';
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
  jobs: JobQueue;
  loaders: DeskLoaders;
  syncRuns: SyncRunLoaders;
  limits: PageLimits;
  /** How long finished sync runs stay in the history. */
  retentionDays: number;
}

/** What a profile's stored permission rows allow, administrator or not. */
async function rowsAllow(loaders: DeskLoaders, profileId: string): Promise<Viewer['can']> {
  const levels = new Map(
    (await loaders.permissionsByProfile.load(profileId)).map((p) => [p.module, p]),
  );
  return (module, action) => levels.get(module)?.[action] === true;
}

async function viewerFor(identity: Identity, loaders: DeskLoaders): Promise<Viewer> {
  if (identity.kind === 'service' && !identity.onBehalfOf) {
    // Peer services act for jobs the desk has already accepted; they never manage profiles.
    return { agent: null, isAdministrator: false, can: () => true };
  }
  if (identity.kind === 'partner') {
    // The gateway checked the key; the profile's rows decide. Never administrator powers: desk
    // does not bind a partner to an administrator profile, and would not honour one here.
    return {
      agent: null,
      isAdministrator: false,
      can: await rowsAllow(loaders, identity.profileId),
    };
  }
  // A service acting for an agent gets exactly that agent's permissions, never more.
  const agentId = identity.kind === 'agent' ? identity.agentId : (identity.onBehalfOf as string);
  // Only a missing agent is a bad token; a database failure stays an internal error.
  const agent = await loaders.agent.load(agentId).catch((error: unknown) => {
    if (isNotFound(error)) return null;
    throw error;
  });
  if (!agent || !agent.active) throw unauthenticated('The agent behind this token is not active');
  const [profile, allows] = await Promise.all([
    loaders.profile.load(agent.profileId),
    rowsAllow(loaders, agent.profileId),
  ]);
  return {
    agent,
    isAdministrator: profile.isAdministrator,
    can: (module, action) => profile.isAdministrator || allows(module, action),
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
    jobs: deps.jobs,
    loaders,
    syncRuns: syncRunLoaders(deps.dataSource, deskSyncRuns, limits),
    limits,
    retentionDays: deps.config.jobs.retentionDays,
  };
}
