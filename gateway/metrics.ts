import { Histogram } from 'prom-client';
import type { Config } from '../shared/config';
import { LATENCY_BUCKETS, serviceMetrics, ServiceMetrics } from '../shared/metrics';

export interface GatewayMetrics extends ServiceMetrics {
  subgraphFetches: Histogram<'subgraph' | 'outcome'>;
}

/** A service's metrics plus the time each fetch to a subgraph takes, which a query plan adds up. */
export function gatewayMetrics(settings: Config['metrics']): GatewayMetrics {
  const metrics = serviceMetrics('gateway', settings);
  return {
    ...metrics,
    subgraphFetches: new Histogram({
      name: 'gateway_subgraph_fetch_duration_seconds',
      help: 'Time of each fetch from the gateway to a subgraph, by subgraph and outcome (ok, error)',
      labelNames: ['subgraph', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers: [metrics.registry],
    }),
  };
}
