import fs from 'node:fs';
import path from 'node:path';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse } from 'graphql';
import { SYNC_RUN_SDL } from '../../shared/jobs/syncRunGraph';
import type { SubgraphModule } from '../../shared/subgraph';
import { createProjectsContext, type ProjectsContext } from './context';
import { projectsPermissions } from './permissions';
import { projectsResolvers } from './resolvers';

export const projectsModule: SubgraphModule<ProjectsContext> = {
  name: 'projects',
  typeDefs: parse(
    `${fs.readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8')}\n${SYNC_RUN_SDL}`,
  ),
  // Typed by codegen against ProjectsContext; Apollo's map only knows an untyped context.
  resolvers: projectsResolvers as GraphQLResolverMap<unknown>,
  permissions: projectsPermissions,
  createContext: createProjectsContext,
};
