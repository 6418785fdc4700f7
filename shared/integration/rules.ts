import { and, rule } from 'graphql-shield';
import { forbidden } from '../errors';
import type { IntegrationContext, Levels } from './context';

// Every rule here depends on the caller and the integration alone: one evaluation per request.
const contextual = { cache: 'contextual' } as const;

/**
 * The graphql-shield rules every integration subgraph guards its graph with, named after it so
 * that two subgraphs' rules never share a cache entry.
 */
export function integrationRules(label: string) {
  type Context = IntegrationContext<Levels>;

  const isAgent = rule(
    `${label}-agent`,
    contextual,
  )(async (_parent, _args, ctx: Context) => (await ctx.viewer()).agentId !== null);

  const isAdministrator = rule(
    `${label}-administrator`,
    contextual,
  )(
    async (_parent, _args, ctx: Context) =>
      (await ctx.viewer()).isAdministrator ||
      forbidden(`Only administrators may set the ${label} integration up`),
  );

  /** View off hides the whole integration. */
  const view = rule(
    `${label}-view`,
    contextual,
  )(
    async (_parent, _args, ctx: Context) =>
      (await ctx.viewer()).levels.view || forbidden(`Your profile may not see ${label} data`),
  );

  /** A disabled or deleted integration hides records reached by id or through `_entities` too. */
  const enabled = rule(
    `${label}-enabled`,
    contextual,
  )(
    async (_parent, _args, ctx: Context) =>
      (await ctx.integration()).status === 'ENABLED' ||
      forbidden(`The ${label} integration is not enabled`),
  );

  return { isAgent, isAdministrator, view, enabled, visible: and(view, enabled) };
}
