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
import type { PageLimits } from '../../shared/pagination';
import type { SubgraphDependencies } from '../../shared/subgraph';
import type { SubgraphClient } from '../../shared/subgraphClient';
import { ALL_LEVELS, levelsOf, NO_LEVELS, type ProjectsLevels } from './domain/permissions';
import { ProfilePermission } from './entities';
import { createProjectsLoaders, type ProjectsLoaders } from './loaders';

export type ProjectsViewer = IntegrationViewer<ProjectsLevels>;

/** PERM-1: levels are stored per desk profile; a profile without a row may do nothing. */
const projectsLevels: LevelStore<ProjectsLevels> = {
  all: ALL_LEVELS,
  ofProfile: async (dataSource: DataSource, profileId: string) => {
    const row = await dataSource.getRepository(ProfilePermission).findOneBy({ profileId });
    return row ? levelsOf(row) : NO_LEVELS;
  },
};

/**
 * Projects' request context. Projects is not an integration with an external system (no
 * integration row, no organization), so it takes only the viewer and desk client parts of
 * shared/integration.
 */
export interface ProjectsContext {
  identity: Identity;
  db: DataSource;
  jobs: JobQueue;
  config: Config;
  limits: PageLimits;
  viewer(): Promise<ProjectsViewer>;
  /** Desk's API, called on behalf of whoever this request acts for. */
  desk(): SubgraphClient;
  loaders: ProjectsLoaders;
}

export async function createProjectsContext(
  identity: Identity,
  deps: SubgraphDependencies,
): Promise<ProjectsContext> {
  const limits = deps.config.pagination;
  return {
    identity,
    db: deps.dataSource,
    jobs: deps.jobs,
    config: deps.config,
    limits,
    viewer: once(() => viewerFor(identity, deps, projectsLevels)),
    desk: () => deskClientFor(identity, deps),
    loaders: createProjectsLoaders(deps.dataSource, limits),
  };
}
