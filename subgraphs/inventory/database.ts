import { createSubgraphDataSource } from '../../shared/database/dataSource';
import type { Logger } from '../../shared/logger';
import { inventoryEntities } from './entities';
import { inventoryMigrations } from './migrations';

export const INVENTORY_SCHEMA = 'inventory';

export const createInventoryDataSource = (url: string, log: Logger) =>
  createSubgraphDataSource({
    schema: INVENTORY_SCHEMA,
    url,
    entities: inventoryEntities,
    migrations: inventoryMigrations,
    log,
  });
