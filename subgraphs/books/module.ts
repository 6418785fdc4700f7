import fs from 'node:fs';
import path from 'node:path';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse } from 'graphql';
import { SYNC_RUN_SDL } from '../../shared/jobs/syncRunGraph';
import type { SubgraphModule } from '../../shared/subgraph';
import { BooksContext, createBooksContext } from './context';
import { booksPermissions } from './permissions';
import { booksResolvers } from './resolvers';

export const booksModule: SubgraphModule<BooksContext> = {
  name: 'books',
  typeDefs: parse(
    `${fs.readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8')}\n${SYNC_RUN_SDL}`,
  ),
  // Typed by codegen against BooksContext; Apollo's map only knows an untyped context.
  resolvers: booksResolvers as GraphQLResolverMap<unknown>,
  permissions: booksPermissions,
  createContext: createBooksContext,
};
