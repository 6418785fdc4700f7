import fs from 'node:fs';
import path from 'node:path';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse } from 'graphql';
import type { SubgraphModule } from '../../shared/subgraph';
import { BillingContext, createBillingContext } from './context';
import { billingPermissions } from './permissions';
import { billingResolvers } from './resolvers';

export const billingModule: SubgraphModule<BillingContext> = {
  name: 'billing',
  typeDefs: parse(fs.readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8')),
  // Typed by codegen against BillingContext; Apollo's map only knows an untyped context.
  resolvers: billingResolvers as GraphQLResolverMap<unknown>,
  permissions: billingPermissions,
  createContext: createBillingContext,
};
