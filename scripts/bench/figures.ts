/** What the benchmark measures and how it judges the figures; no I/O, so it can be tested alone. */

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of ascending values: the smallest value at or above `p` percent of them. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function latencyOf(latenciesMs: readonly number[]): Latency {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1],
  };
}

/** One load run of one operation (or a mix) against one dataset. */
export interface RunFigures {
  /**
   * `customer360`, `agentQueue`, `accountOverview`, `ticket`, `ticketDirect`, `ticketBareHop`
   * (the direct call through a bare Node HTTP hop), or `mixed`.
   */
  operation: string;
  scale: number;
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: Latency;
  /** Non-2xx answers, transport errors and timeouts, and 2xx answers carrying GraphQL errors. */
  errors: number;
  /** Statements PostgreSQL ran during the run over requests answered; null when not counted. */
  statementsPerRequest: number | null;
  /** Highest resident set size of each service during the run, in MiB. */
  peakRssMiB: Record<string, number>;
  /** CPU time each service spent during the run over requests answered, in ms. */
  cpuMsPerRequest: Record<string, number>;
}

/** Statements of one request, measured alone (requests sent one after the other). */
export interface StatementCount {
  operation: string;
  /** The list the operation pages (`first`): the benchmark's length, and a tenth of it. */
  listLength: number;
  statementsPerRequest: number;
}

/** The long run at many connections: errors after its first minute, gateway memory at 1 and 5. */
export interface SoakFigures {
  connections: number;
  durationSeconds: number;
  errorsFirstMinute: number;
  errors: number;
  requests: number;
  /** Mean of the gateway's resident set over the ten seconds up to each mark, in MiB. */
  gatewayRssMiBAtOneMinute: number;
  gatewayRssMiBAtEnd: number;
}

export interface BenchFigures {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string };
  command: string;
  runs: RunFigures[];
  /**
   * Operations 1 and 2 on the dataset and on one ten times larger, both graphs up at once and
   * loaded in alternating slices, so that both meet the same background load (--full).
   */
  scaleComparison: RunFigures[] | null;
  statements: StatementCount[] | null;
  soak: SoakFigures | null;
}

export interface TargetOutcome {
  target: string;
  /** null: not measured in this run (say which flag measures it). */
  pass: boolean | null;
  detail: string;
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–');

function run(figures: BenchFigures, operation: string, scale?: number): RunFigures | undefined {
  return figures.runs.find(
    (r) => r.operation === operation && (scale === undefined || r.scale === scale),
  );
}

/** Each of issue 10's targets: PASS, MISS, or not measured by this run. */
export function evaluateTargets(figures: BenchFigures, baseScale: number): TargetOutcome[] {
  const outcomes: TargetOutcome[] = [];

  for (const operation of ['agentQueue', 'accountOverview']) {
    const counts = (figures.statements ?? []).filter((s) => s.operation === operation);
    if (counts.length < 2) {
      outcomes.push({
        target: `${operation}: SQL statements per request independent of list length`,
        pass: null,
        detail: figures.statements
          ? 'operation not in this run'
          : 'not counted (pg_stat_statements unavailable)',
      });
      continue;
    }
    const values = counts.map((c) => c.statementsPerRequest);
    outcomes.push({
      target: `${operation}: SQL statements per request independent of list length`,
      pass: values.every((v) => v === values[0]),
      detail: counts
        .map((c) => `${c.listLength} items: ${fixed(c.statementsPerRequest)}`)
        .join(', '),
    });
  }

  for (const operation of ['customer360', 'agentQueue']) {
    const compared = figures.scaleComparison ?? [];
    const base = compared.find((r) => r.operation === operation && r.scale === baseScale);
    const grown = compared.find((r) => r.operation === operation && r.scale === baseScale * 10);
    const target = `${operation}: p50 at scale ${baseScale * 10} < 1.2 × p50 at scale ${baseScale}`;
    if (!base || !grown) {
      outcomes.push({ target, pass: null, detail: 'measured with --full when the operation runs' });
      continue;
    }
    const ratio = grown.latencyMs.p50 / base.latencyMs.p50;
    outcomes.push({
      target,
      pass: ratio < 1.2,
      detail: `${fixed(base.latencyMs.p50)} ms → ${fixed(grown.latencyMs.p50)} ms (×${fixed(ratio, 2)})`,
    });
  }

  const gateway = run(figures, 'ticket', baseScale);
  const direct = run(figures, 'ticketDirect', baseScale);
  if (gateway && direct) {
    const ratio = gateway.latencyMs.p50 / direct.latencyMs.p50;
    outcomes.push({
      target: 'ticket: gateway p50 ≤ 1.25 × direct desk p50',
      pass: ratio <= 1.25,
      detail: `${fixed(gateway.latencyMs.p50)} ms vs ${fixed(direct.latencyMs.p50)} ms (×${fixed(ratio, 2)}) at ${gateway.connections} connections`,
    });
  }

  for (const r of figures.runs.filter((r) => r.scale === baseScale)) {
    outcomes.push({
      target: `${r.operation}: p99 ≤ 3 × p50 at ${r.connections} connections`,
      pass: r.latencyMs.p99 <= 3 * r.latencyMs.p50,
      detail: `p50 ${fixed(r.latencyMs.p50)} ms, p99 ${fixed(r.latencyMs.p99)} ms (×${fixed(r.latencyMs.p99 / r.latencyMs.p50, 2)})`,
    });
  }

  const soak = figures.soak;
  if (soak && soak.durationSeconds < 60) {
    outcomes.push(
      { target: 'no errors in 60 s at 50 connections', pass: null, detail: 'soak under 60 s' },
      { target: 'gateway RSS at 5 min within 10% of 1 min', pass: null, detail: 'soak under 60 s' },
    );
  } else if (!soak) {
    outcomes.push(
      { target: 'no errors in 60 s at 50 connections', pass: null, detail: 'measured with --full' },
      {
        target: 'gateway RSS at 5 min within 10% of 1 min',
        pass: null,
        detail: 'measured with --full',
      },
    );
  } else {
    outcomes.push({
      target: `no errors in 60 s at ${soak.connections} connections`,
      pass: soak.errorsFirstMinute === 0,
      detail: `${soak.errorsFirstMinute} errors in the first minute, ${soak.errors} of ${soak.requests} requests in ${soak.durationSeconds} s`,
    });
    const growth = soak.gatewayRssMiBAtEnd / soak.gatewayRssMiBAtOneMinute - 1;
    outcomes.push({
      target: `gateway RSS at ${fixed(soak.durationSeconds / 60, 0)} min within 10% of 1 min`,
      pass: Math.abs(growth) <= 0.1,
      detail: `${fixed(soak.gatewayRssMiBAtOneMinute)} MiB → ${fixed(soak.gatewayRssMiBAtEnd)} MiB (${growth >= 0 ? '+' : ''}${fixed(growth * 100)}%)`,
    });
  }
  return outcomes;
}

/** Columns padded to their widest cell; numbers right-aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function runTable(runs: readonly RunFigures[], services: readonly string[]): string {
  return table(
    [
      'operation',
      'scale',
      'conn',
      'req/s',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'errors',
      'SQL/req',
      ...services.map((s) => `${s} MiB`),
    ],
    runs.map((r) => [
      r.operation,
      String(r.scale),
      String(r.connections),
      fixed(r.requestsPerSecond),
      fixed(r.latencyMs.p50),
      fixed(r.latencyMs.p95),
      fixed(r.latencyMs.p99),
      String(r.errors),
      r.statementsPerRequest === null ? 'n/a' : fixed(r.statementsPerRequest, 2),
      ...services.map((s) => (r.peakRssMiB[s] === undefined ? '–' : fixed(r.peakRssMiB[s], 0))),
    ]),
  );
}

/** What each service's CPU cost per request: where a path through the graph spends its time. */
export function cpuTable(runs: readonly RunFigures[], services: readonly string[]): string {
  return table(
    ['operation', 'scale', ...services.map((s) => `${s} CPU ms/req`)],
    runs.map((r) => [
      r.operation,
      String(r.scale),
      ...services.map((s) =>
        r.cpuMsPerRequest[s] === undefined ? '–' : fixed(r.cpuMsPerRequest[s], 2),
      ),
    ]),
  );
}

export function targetLines(outcomes: readonly TargetOutcome[]): string {
  return outcomes
    .map((o) => `${o.pass === null ? '----' : o.pass ? 'PASS' : 'MISS'}  ${o.target}: ${o.detail}`)
    .join('\n');
}
