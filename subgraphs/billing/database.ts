import { createSubgraphDataSource } from '../../shared/database/dataSource';
import type { Logger } from '../../shared/logger';
import { billingEntities } from './entities';
import { billingMigrations } from './migrations';

export const BILLING_SCHEMA = 'billing';

export const createBillingDataSource = (url: string, log: Logger) =>
  createSubgraphDataSource({
    schema: BILLING_SCHEMA,
    url,
    entities: billingEntities,
    migrations: billingMigrations,
    log,
  });
