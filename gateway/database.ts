import { createSubgraphDataSource } from '../shared/database/dataSource';
import type { Logger } from '../shared/logger';
import { GatewayEdgeState1764700000000 } from './migrations/1764700000000-GatewayEdgeState';

/** The gateway's own schema: state its replicas share, never another service's data. */
export const GATEWAY_SCHEMA = 'gateway';

export const createGatewayDataSource = (url: string, log: Logger) =>
  createSubgraphDataSource({
    schema: GATEWAY_SCHEMA,
    url,
    entities: [],
    migrations: [GatewayEdgeState1764700000000],
    log,
    poolSize: 5,
  });
