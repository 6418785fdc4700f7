import type { MutationResolvers } from '../generated/resolvers';
import { stopProjectSyncRun } from '../services/syncRuns';
import { startProjectUserImport } from '../services/userImport';

export const Mutation: MutationResolvers = {
  startProjectUserImport: (_, { kind, clientId }, ctx) =>
    startProjectUserImport(ctx, kind, clientId),
  stopProjectSyncRun: (_, { id }, ctx) => stopProjectSyncRun(ctx, id),
};
