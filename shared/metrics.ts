import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Config } from './config';
import type { QueueDepth } from './jobs/queue';

/** Seconds; from a 2 ms entity fetch to a subgraph that hit its timeout. */
export const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Error codes are the graph's own (UNAUTHENTICATED, FORBIDDEN, …); this only guards the series. */
const MAX_ERROR_CODES = 50;

/**
 * Label values a client chooses (operation names), kept to the first `max` distinct ones; later
 * ones share `other`, and a request without a name is `anonymous`. Prometheus keeps one series
 * per value, so an unbounded label would let any client grow every scrape.
 */
export class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(private readonly max: number) {}

  of(value: string | null | undefined): string {
    if (!value) return 'anonymous';
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.max) return 'other';
    this.seen.add(value);
    return value;
  }
}

/** What every service exposes: requests and latency by operation, errors by code. */
export interface ServiceMetrics {
  registry: Registry;
  requests: Counter<'operation'>;
  duration: Histogram<'operation'>;
  errors: Counter<'code'>;
  operations: BoundedLabel;
  errorCodes: BoundedLabel;
}

export function serviceMetrics(service: string, settings: Config['metrics']): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  // Process figures (resident memory, heap, event-loop lag) come with prom-client.
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new Counter({
      name: 'graphql_requests_total',
      help: 'GraphQL requests answered, by operation name',
      labelNames: ['operation'],
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'Time from receiving a GraphQL request to sending its response, by operation name',
      labelNames: ['operation'],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    errors: new Counter({
      name: 'graphql_errors_total',
      help: 'Errors in GraphQL responses, by extensions.code',
      labelNames: ['code'],
      registers: [registry],
    }),
    operations: new BoundedLabel(settings.maxOperations),
    errorCodes: new BoundedLabel(MAX_ERROR_CODES),
  };
}

/** One error a client was answered with, by its `extensions.code`. */
export function countError(metrics: ServiceMetrics, code: string): void {
  metrics.errors.inc({ code: metrics.errorCodes.of(code) });
}

/**
 * Counts and times every GraphQL request, and counts the errors of its response by the code the
 * client sees (after formatError), so a masked internal error is an INTERNAL_SERVER_ERROR here.
 */
export function metricsPlugin<Context extends BaseContext>(
  metrics: ServiceMetrics,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, response }) {
          const operation = metrics.operations.of(operationName);
          metrics.requests.inc({ operation });
          metrics.duration.observe({ operation }, Number(process.hrtime.bigint() - started) / 1e9);
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : [];
          for (const error of errors ?? []) {
            const code = error.extensions?.code;
            countError(metrics, typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
          }
        },
      };
    },
  };
}

/**
 * Jobs waiting or running per queue and state, read from the queue's tables when Prometheus
 * scrapes (one grouped statement), so the figure is never stale and costs nothing in between.
 */
export function queueDepthGauge(metrics: ServiceMetrics, read: () => Promise<QueueDepth[]>): void {
  new Gauge({
    name: 'job_queue_depth',
    help: 'Jobs not yet done, by queue and state (created, retry, active)',
    labelNames: ['queue', 'state'],
    registers: [metrics.registry],
    async collect() {
      this.reset();
      for (const { queue, state, jobs } of await read()) this.set({ queue, state }, jobs);
    },
  });
}

/** `GET /metrics`: the registry in Prometheus's text format. */
export function metricsRoute(registry: Registry): RequestHandler {
  return async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  };
}
