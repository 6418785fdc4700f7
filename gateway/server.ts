import { randomUUID } from 'node:crypto';
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
import { listen, RunningService } from '../shared/subgraph';
import { PostgresApqCache } from './apqCache';
import { authenticate } from './auth';
import { createGatewayDataSource } from './database';
import { documentRoutes } from './documents';
import { PartnerDirectory } from './partnerDirectory';
import { EdgeRefusal, partnerOf, partnerRequests } from './partnerRequests';
import { PersistedQueryList } from './persistedQueryList';
import { PartnerRateLimiter } from './rateLimiter';
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
  const base = formatErrorFor(options.log, options.config.env !== 'production');
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const serviceName = formatted.extensions?.serviceName;
    const code = formatted.extensions?.code;
    const relayedClientError = typeof code === 'string' && REFUSAL_CODES.has(code);
    if (typeof serviceName === 'string' && !relayedClientError) {
      options.log.warn({ serviceName, message: formatted.message }, 'subgraph failed');
      const unavailable = code === 'SUBGRAPH_UNAVAILABLE';
      return {
        message: unavailable
          ? `The ${serviceName} service could not answer this part of the query`
          : `Internal server error in the ${serviceName} service`,
        path: formatted.path,
        extensions: { code: unavailable ? code : 'INTERNAL_SERVER_ERROR', serviceName },
      };
    }
    return base(formatted, error);
  };
}

/** How often expired APQ entries and rate-limit windows are removed. */
const SWEEP_INTERVAL_MS = 10 * 60 * 1000;

/** A refusal at the edge, before Apollo Server runs, answered as a GraphQL error response. */
function edgeRefusalHandler(
  error: unknown,
  req: express.Request,
  res: express.Response,
  next: express.NextFunction,
): void {
  if (!(error instanceof EdgeRefusal)) return next(error);
  const { http, ...extensions } = error.extensions as { http: { status: number } };
  // As Apollo Server answers: the GraphQL-over-HTTP media type to clients that accept it, whose
  // GraphQL clients then read the error's code rather than only the status.
  const type = req.accepts(['application/graphql-response+json', 'application/json']);
  res
    .status(http.status)
    .type(type || 'application/json')
    .send(JSON.stringify({ errors: [{ message: error.message, extensions }] }));
}

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
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) =>
      new SignedIdentityDataSource(
        { name, url: urlOf(name) ?? url ?? '', timeoutMs: config.gateway.subgraphTimeoutMs },
        config.auth,
      ),
  });
  const production = config.env === 'production';
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: config.gateway.introspection,
    includeStacktraceInErrorResponses: !production,
    hideSchemaDetailsFromClientErrors: production,
    formatError: formatGatewayError(options),
    plugins: [landingPage(options)],
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
  app.get('/', (_req, res) => res.redirect('/graphql'));
  // Links a browser opens without an Authorization header: each carries its own signed token.
  app.use(documentRoutes({ config, log: options.log, booksUrl: urlOf('books') ?? '' }));
  app.use(
    '/graphql',
    express.json({ limit: config.requestBodyLimitBytes }),
    partnerRequests({ partners, limiter, list: persistedQueries, config: config.partners }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => ({
        identity: partnerOf(res)?.identity ?? authenticate(req.headers, config.auth),
        requestId: randomUUID(),
      }),
    }),
    edgeRefusalHandler,
  );
  const port = options.port ?? config.gateway.port;
  return listen(app, port, async () => {
    clearInterval(sweep);
    persistedQueries.close();
    await apollo.stop();
    await db.destroy();
  });
}
