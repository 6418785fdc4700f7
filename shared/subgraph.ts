import http from 'node:http';
import { AddressInfo } from 'node:net';
import express, { NextFunction, Request, Response } from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { DocumentNode, GraphQLSchema } from 'graphql';
import { applyMiddleware, IMiddlewareGenerator } from 'graphql-middleware';
import { DataSource } from 'typeorm';
import type { Config, SubgraphName } from './config';
import { formatErrorFor } from './errors';
import { Identity, IDENTITY_HEADER, IdentityError, verifyForwardedIdentity } from './identity';
import { type JobQueue, queueDepths } from './jobs/queue';
import type { Logger } from './logger';
import {
  countError,
  metricsPlugin,
  metricsRoute,
  queueDepthGauge,
  serviceMetrics,
} from './metrics';

export interface SubgraphDependencies {
  dataSource: DataSource;
  config: Config;
  log: Logger;
  /** The job queue, for mutations that start sync runs in their own transaction. */
  jobs: JobQueue;
}

/** What a subgraph is: servers, tests and the composition script all import the same module. */
export interface SubgraphModule<Context> {
  name: SubgraphName;
  typeDefs: DocumentNode;
  /** Resolvers are written against the subgraph's own context type; Apollo's map is untyped. */
  resolvers: GraphQLResolverMap<unknown>;
  // graphql-middleware's own generic signature.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  permissions: IMiddlewareGenerator<any, Context, any>;
  /** Builds the per-request context: identity, fresh DataLoaders, anything the resolvers need. */
  createContext(identity: Identity, deps: SubgraphDependencies): Promise<Context>;
}

export function buildPermittedSchema<Context>(module: SubgraphModule<Context>): GraphQLSchema {
  const schema = buildSubgraphSchema({ typeDefs: module.typeDefs, resolvers: module.resolvers });
  return applyMiddleware(schema, module.permissions);
}

function unauthenticatedResponse(res: Response, message: string): void {
  res.status(401).json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
}

/**
 * Every request must carry an identity signed by the gateway (or by a peer service); anything else
 * gets 401, `_service` and `_entities` included, so a client that reaches a subgraph port directly
 * learns nothing.
 */
export function requireSignedIdentity(auth: Config['auth'], onRefused: () => void = () => {}) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.header(IDENTITY_HEADER);
    if (!header) {
      onRefused();
      return unauthenticatedResponse(res, `Missing ${IDENTITY_HEADER} header`);
    }
    try {
      res.locals.identity = verifyForwardedIdentity(header, auth);
      next();
    } catch (error) {
      onRefused();
      const reason = error instanceof IdentityError ? error.message : 'invalid signature';
      unauthenticatedResponse(res, `Invalid ${IDENTITY_HEADER} header: ${reason}`);
    }
  };
}

export interface RunningService {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function listen(
  app: express.Express,
  port: number,
  onStop: () => Promise<void>,
): Promise<RunningService> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(port, resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    port: actual,
    url: `http://localhost:${actual}/graphql`,
    stop: async () => {
      server.closeIdleConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await onStop();
    },
  };
}

/**
 * Starts a subgraph's HTTP server: `/health`, `/ready`, `/metrics` (open to probes and
 * Prometheus, like `/health`), and `/graphql` behind the signature check.
 */
export async function startSubgraph<Context extends object>(
  module: SubgraphModule<Context>,
  deps: SubgraphDependencies,
  port: number,
): Promise<RunningService> {
  const metrics = deps.config.metrics.enabled
    ? serviceMetrics(module.name, deps.config.metrics)
    : null;
  if (metrics) {
    // A subgraph's queues are named after its schema, which is named after the subgraph.
    queueDepthGauge(metrics, () => queueDepths(deps.jobs, `${module.name}-`));
  }
  const apollo = new ApolloServer<Context>({
    schema: buildPermittedSchema(module),
    formatError: formatErrorFor(deps.log, deps.config.env !== 'production'),
    includeStacktraceInErrorResponses: false,
    // Only the gateway (with a valid signature) ever reaches this server.
    introspection: true,
    // Traces are for Apollo's hosted reporting, which this graph does not use.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ...(metrics ? [metricsPlugin<Context>(metrics)] : []),
    ],
  });
  await apollo.start();
  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: module.name });
  });
  app.get('/ready', async (_req, res) => {
    try {
      await deps.dataSource.query('SELECT 1');
      res.json({ status: 'ready', service: module.name });
    } catch {
      res.status(503).json({ status: 'unavailable', service: module.name });
    }
  });
  if (metrics) app.get('/metrics', metricsRoute(metrics.registry));
  app.use(
    '/graphql',
    requireSignedIdentity(
      deps.config.auth,
      () => metrics && countError(metrics, 'UNAUTHENTICATED'),
    ),
    express.json({ limit: deps.config.requestBodyLimitBytes }),
    expressMiddleware(apollo, {
      context: async ({ res }) => module.createContext(res.locals.identity as Identity, deps),
    }),
  );
  return listen(app, port, () => apollo.stop());
}
