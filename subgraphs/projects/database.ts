import { createSubgraphDataSource } from '../../shared/database/dataSource';
import type { Logger } from '../../shared/logger';
import { projectsEntities } from './entities';
import { projectsMigrations } from './migrations';

export const PROJECTS_SCHEMA = 'projects';

export const createProjectsDataSource = (url: string, log: Logger) =>
  createSubgraphDataSource({
    schema: PROJECTS_SCHEMA,
    url,
    entities: projectsEntities,
    migrations: projectsMigrations,
    log,
  });
