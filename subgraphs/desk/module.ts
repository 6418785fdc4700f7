import fs from 'node:fs';
import path from 'node:path';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse } from 'graphql';
import { SYNC_RUN_SDL } from '../../shared/jobs/syncRunGraph';
import type { SubgraphModule } from '../../shared/subgraph';
import { createDeskContext, DeskContext } from './context';
import { deskPermissions } from './permissions';
import { deskResolvers } from './resolvers';

export const deskModule: SubgraphModule<DeskContext> = {
  name: 'desk',
  typeDefs: parse(
    `${fs.readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8')}\n${SYNC_RUN_SDL}`,
  ),
  // Typed by codegen against DeskContext; Apollo's map only knows an untyped context.
  resolvers: deskResolvers as GraphQLResolverMap<unknown>,
  permissions: deskPermissions,
  createContext: createDeskContext,
};
