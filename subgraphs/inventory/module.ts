import fs from 'node:fs';
import path from 'node:path';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse } from 'graphql';
import { SYNC_RUN_SDL } from '../../shared/jobs/syncRunGraph';
import type { SubgraphModule } from '../../shared/subgraph';
import { createInventoryContext, InventoryContext } from './context';
import { inventoryPermissions } from './permissions';
import { inventoryResolvers } from './resolvers';

export const inventoryModule: SubgraphModule<InventoryContext> = {
  name: 'inventory',
  typeDefs: parse(
    `${fs.readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8')}\n${SYNC_RUN_SDL}`,
  ),
  // Typed by codegen against InventoryContext; Apollo's map only knows an untyped context.
  resolvers: inventoryResolvers as GraphQLResolverMap<unknown>,
  permissions: inventoryPermissions,
  createContext: createInventoryContext,
};
