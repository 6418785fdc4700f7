import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { GraphQLFormattedError } from 'graphql';
import type { Config, SubgraphName } from '../shared/config';
import { formatErrorFor, REFUSAL_CODES } from '../shared/errors';
import type { Logger } from '../shared/logger';
import { countError, metricsPlugin, metricsRoute } from '../shared/metrics';
import { listen, RunningService } from '../shared/subgraph';
import { PostgresApqCache } from './apqCache';
import { authenticate } from './auth';
import { graphqlCors, securityHeaders } from './browserPolicy';
import { consoleRoutes } from './console';
import { createGatewayDataSource } from './database';
import { documentRoutes } from './documents';
import { graphqlHttpErrors } from './httpErrors';
import { limitPlugin } from './limits/plugin';
import { withLimitRefusals } from './limits/refusals';
import { limitRules } from './limits/rules';
import { PartnerDirectory } from './partnerDirectory';
import { partnerOf, partnerRequests } from './partnerRequests';
import { PersistedQueryList } from './persistedQueryList';
import { PartnerRateLimiter } from './rateLimiter';
import { requestIdOf, requestIds, requestLog, withRequestId } from './requestId';
import { gatewayMetrics } from './metrics';
import { GatewayContext, SignedIdentityDataSource } from './subgraphDataSource';

export const SUPERGRAPH_FILE = 'supergraph.graphql';

export interface GatewayOptions {
  config: Config;
  log: Logger;
  /** Where the gateway keeps what its replicas share (APQ cache, rate-limit counters). */
  databaseUrl: string;
  /** Where each subgraph listens; defaults to the configured URLs. */
  subgraphUrls?: Partial<Record<SubgraphName, string>>;
  port?: number;
  /** Development only: prefilled in Sandbox's headers so the first query just works. */
  sandboxAuthorization?: string;
}

function landingPage(options: GatewayOptions) {
  if (!options.config.gateway.landingPage) return ApolloServerPluginLandingPageDisabled();
  if (options.config.env === 'production') return ApolloServerPluginLandingPageProductionDefault();
  return ApolloServerPluginLandingPageLocalDefault({
    embed: true,
    includeCookies: false,
    headers: options.sandboxAuthorization
      ? { Authorization: options.sandboxAuthorization }
      : undefined,
  });
}

/**
 * A subgraph that fails or times out leaves its error in the response next to the other
 * subgraphs' data; the client learns which service failed, never its internals.
 */
function formatGatewayError(options: GatewayOptions) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const log = requestLog(options.log);
    const serviceName = formatted.extensions?.serviceName;
    const code = formatted.extensions?.code;
    const relayedClientError = typeof code === 'string' && REFUSAL_CODES.has(code);
    if (typeof serviceName === 'string' && !relayedClientError) {
      log.warn({ serviceName, message: formatted.message }, 'subgraph failed');
      const unavailable = code === 'SUBGRAPH_UNAVAILABLE';
      return {
        message: unavailable
          ? `The ${serviceName} service could not answer this part of the query`
          : `Internal server error in the ${serviceName} service`,
        path: formatted.path,
        extensions: { code: unavailable ? code : 'INTERNAL_SERVER_ERROR', serviceName },
      };
    }
    return formatErrorFor(log, options.config.env !== 'production')(formatted, error);
  };
}

/** How often expired APQ entries and rate-limit windows are removed. */
const SWEEP_INTERVAL_MS = 10 * 60 * 1000;

export async function startGateway(options: GatewayOptions): Promise<RunningService> {
  const { config, log } = options;
  const db = createGatewayDataSource(options.databaseUrl, log);
  await db.initialize();
  const apqCache = new PostgresApqCache(db);
  const limiter = new PartnerRateLimiter(db, config.partners.rateLimitWindowSeconds);
  const persistedQueries = new PersistedQueryList(config.partners.manifestFile, log);
  const supergraphSdl = fs.readFileSync(path.join(config.projectRoot, SUPERGRAPH_FILE), 'utf8');
  const urlOf = (name: string) =>
    options.subgraphUrls?.[name as SubgraphName] ?? config.subgraphs[name as SubgraphName]?.url;
  const metrics = config.metrics.enabled ? gatewayMetrics(config.metrics) : null;
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new SignedIdentityDataSource(
        {
          name,
          url: urlOf(name) ?? url ?? '',
          timeoutMs: config.gateway.subgraphTimeoutMs,
          fetches: metrics?.subgraphFetches,
        },
        config.auth,
      ),
  });
  const production = config.env === 'production';
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: config.gateway.introspection,
    includeStacktraceInErrorResponses: !production,
    // The public edge (README): what one request may ask, and what a refused client learns.
    hideSchemaDetailsFromClientErrors: !config.edge.fieldSuggestions,
    validationRules: limitRules(config.edge),
    parseOptions: { maxLexicalTokens: config.edge.maxTokens },
    allowBatchedHttpRequests: config.edge.batching,
    csrfPrevention: true,
    formatError: withRequestId(
      withLimitRefusals(formatGatewayError(options), config.edge.exposeLimits),
    ),
    plugins: [
      landingPage(options),
      limitPlugin(config.edge),
      ...(metrics ? [metricsPlugin<GatewayContext>(metrics)] : []),
    ],
    // Agents' apps register queries on first use; the cache is shared by every replica.
    persistedQueries: { cache: apqCache, ttl: config.partners.apqTtlSeconds },
  });
  await apollo.start();
  const partners = new PartnerDirectory({
    deskUrl: urlOf('desk') ?? '',
    auth: config.auth,
    cacheSeconds: config.partners.keyCacheSeconds,
    timeoutMs: config.gateway.subgraphTimeoutMs,
  });
  const sweep = setInterval(() => {
    Promise.all([apqCache.sweepExpired(), limiter.sweepExpired()]).catch((error: unknown) =>
      log.warn({ err: error }, 'sweeping expired APQ entries and rate-limit windows failed'),
    );
  }, SWEEP_INTERVAL_MS);
  sweep.unref();

  const app = express();
  app.disable('x-powered-by');
  app.use(requestIds(), securityHeaders());
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  app.get('/ready', async (_req, res) => {
    const names = Object.keys(config.subgraphs) as SubgraphName[];
    const checks = await Promise.all(
      names.map(async (name) => {
        const url = new URL('/health', urlOf(name));
        const ok = await fetch(url, { signal: AbortSignal.timeout(2000) })
          .then((r) => r.ok)
          .catch(() => false);
        return [name, ok ? 'ok' : 'unavailable'] as const;
      }),
    );
    const ready = checks.every(([, status]) => status === 'ok');
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'degraded', subgraphs: Object.fromEntries(checks) });
  });
  // Open like /health: what Prometheus scrapes; METRICS_ENABLED=false removes it.
  if (metrics) app.get('/metrics', metricsRoute(metrics.registry));
  app.get('/', (_req, res) => res.redirect('/graphql'));
  // Links a browser opens without an Authorization header: each carries its own signed token.
  app.use(documentRoutes({ config, log: options.log, booksUrl: urlOf('books') ?? '' }));
  app.use(consoleRoutes({ config, log: options.log, deskUrl: urlOf('desk') ?? '' }));
  app.use(
    '/graphql',
    graphqlCors(config.edge),
    express.json({ limit: config.requestBodyLimitBytes }),
    partnerRequests({ partners, limiter, list: persistedQueries, config: config.partners }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => ({
        identity: partnerOf(res)?.identity ?? authenticate(req.headers, config.auth),
        requestId: requestIdOf(res),
      }),
    }),
    graphqlHttpErrors({
      ...options,
      countError: metrics ? (code) => countError(metrics, code) : undefined,
    }),
  );
  const port = options.port ?? config.gateway.port;
  return listen(app, port, async () => {
    clearInterval(sweep);
    persistedQueries.close();
    await apollo.stop();
    await db.destroy();
  });
}
