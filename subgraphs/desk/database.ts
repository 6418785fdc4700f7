import { createSubgraphDataSource } from '../../shared/database/dataSource';
import type { Logger } from '../../shared/logger';
import { deskEntities } from './entities';
import { deskMigrations } from './migrations';

export const DESK_SCHEMA = 'desk';

export const createDeskDataSource = (url: string, log: Logger) =>
  createSubgraphDataSource({
    schema: DESK_SCHEMA,
    url,
    entities: deskEntities,
    migrations: deskMigrations,
    log,
  });
