import autocannon from 'autocannon';
import { latencyOf, type Latency } from './figures';

/**
 * The load generator, run by the benchmark as a process of its own so that its work does not
 * slow the process that samples the services. It reads a `LoadSpec` as JSON from its first
 * argument and writes JSON lines: `progress` each second, then one `result`.
 */
export interface LoadSpec {
  connections: number;
  durationSeconds: number;
  /** Each connection sends these in turn, over and over. */
  requests: { url: string; headers: Record<string, string>; body: string }[];
  /** Also report every latency, for figures made from several runs. */
  latencies?: boolean;
}

export type LoadLine =
  | { kind: 'progress'; seconds: number; responses: number; errors: number }
  | {
      kind: 'result';
      requests: number;
      errors: number;
      latencyMs: Latency;
      latenciesMs?: number[];
    };

function emit(line: LoadLine): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '') as LoadSpec;
  const latencies: number[] = [];
  let errors = 0;
  const origin = new URL(spec.requests[0].url).origin;
  let finished: (error: unknown) => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    finished = (error) => (error ? reject(error) : resolve());
  });
  const instance = autocannon(
    {
      url: origin,
      connections: spec.connections,
      duration: spec.durationSeconds,
      timeout: 10,
      requests: spec.requests.map((r) => ({
        method: 'POST',
        path: new URL(r.url).pathname,
        headers: { 'content-type': 'application/json', ...r.headers },
        body: r.body,
      })),
      // A GraphQL error comes with HTTP 200: an answer that has one is an error too.
      verifyBody: (body) => body !== undefined && !String(body).includes('"errors":'),
    },
    (error) => finished(error),
  );
  // autocannon checks the body right after announcing the response, in the same tick: a
  // non-2xx answer (counted here) that also carries "errors" must not count twice.
  let lastFailed = false;
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    lastFailed = statusCode < 200 || statusCode >= 300;
    if (lastFailed) errors += 1;
  });
  // Emitted by autocannon but missing from its type declarations.
  (instance as unknown as NodeJS.EventEmitter).on('reqMismatch', () => {
    if (!lastFailed) errors += 1;
  });
  // Connection errors and timeouts.
  instance.on('reqError', () => {
    errors += 1;
  });
  const started = Date.now();
  const ticker = setInterval(() => {
    emit({
      kind: 'progress',
      seconds: Math.round((Date.now() - started) / 1000),
      responses: latencies.length,
      errors,
    });
  }, 1000);
  await done;
  clearInterval(ticker);
  emit({
    kind: 'result',
    requests: latencies.length,
    errors,
    latencyMs: latencyOf(latencies),
    ...(spec.latencies ? { latenciesMs: latencies } : {}),
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
