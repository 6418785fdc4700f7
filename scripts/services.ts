import { ChildProcess, spawn } from 'node:child_process';
import net, { type AddressInfo } from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { type Config, SUBGRAPH_NAMES, type SubgraphName } from '../shared/config';
import { SUBGRAPHS } from '../subgraphs';

export type ServiceName = SubgraphName | 'gateway';

export interface RunningServices {
  /** Each service's process, subgraphs first, in start order. */
  processes: { name: ServiceName; child: ChildProcess }[];
  /** Stops every service (SIGTERM) and waits for each to exit. */
  stop(): Promise<void>;
}

/** A port nothing listens on now, for a server that must know its URL before it starts. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The ports the configuration gives each service. */
export function configuredPorts(settings: Config): Record<ServiceName, number> {
  const ports = { gateway: settings.gateway.port } as Record<ServiceName, number>;
  for (const name of SUBGRAPH_NAMES) ports[name] = settings.subgraphs[name].port;
  return ports;
}

/** The environment that makes each service listen on these ports and find the others there. */
export function portEnvironment(ports: Record<ServiceName, number>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { GATEWAY_PORT: String(ports.gateway) };
  for (const name of SUBGRAPH_NAMES) env[`${name.toUpperCase()}_PORT`] = String(ports[name]);
  return env;
}

/**
 * The gateway's V8 heap limit, as in docker-compose.yml. Left to itself V8 sizes the heap from the
 * machine's memory (about 4 GiB here) and lets the old generation grow to several times what is
 * live: under steady load the gateway's resident memory kept rising for minutes and swung with
 * each full collection (390 to 530 MiB). With this limit it held at about 230 MiB
 * (docs/performance.md). The gateway's live heap is about 100 MiB under load. A NODE_OPTIONS
 * given to the start command comes after this flag, so its own limit wins.
 */
export const GATEWAY_HEAP_LIMIT_MIB = 512;

function nodeOptionsFor(name: ServiceName): string | undefined {
  if (name !== 'gateway') return process.env.NODE_OPTIONS;
  return [`--max-old-space-size=${GATEWAY_HEAP_LIMIT_MIB}`, process.env.NODE_OPTIONS]
    .filter(Boolean)
    .join(' ');
}

/** Runs one service in its own process, as in production, handing each output line to `onLine`. */
function spawnService(
  name: ServiceName,
  env: NodeJS.ProcessEnv,
  onLine: (line: string) => void,
  nodeArguments: readonly string[],
): ChildProcess {
  const compiled = path.extname(__filename) === '.js';
  const entry = path.join(__dirname, `service${path.extname(__filename)}`);
  const args = [...nodeArguments, ...(compiled ? [entry] : ['--import', 'tsx', entry])];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, NODE_OPTIONS: nodeOptionsFor(name), ...env, SERVICE: name },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) readline.createInterface({ input: stream }).on('line', onLine);
  }
  return child;
}

async function waitForHealth(name: string, port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
    const ok = await fetch(`http://localhost:${port}/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not become healthy on port ${port} within 60 s`);
}

function stopAll(children: readonly ChildProcess[]): Promise<void> {
  return Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  ).then(() => undefined);
}

/**
 * Every subgraph, then the gateway, each in its own process, one after the other once the
 * previous answers `/health` (the gateway's readiness needs the subgraphs). `env` is what every
 * service gets; `gatewayEnv` is added for the gateway alone. A service that fails to start stops
 * the ones already running.
 */
export async function startServices(options: {
  env: NodeJS.ProcessEnv;
  gatewayEnv?: NodeJS.ProcessEnv;
  ports: Record<ServiceName, number>;
  onLine: (service: ServiceName, index: number) => (line: string) => void;
  /** Options for node itself, such as `--cpu-prof` (which NODE_OPTIONS does not take). */
  nodeArguments?: readonly string[];
}): Promise<RunningServices> {
  const processes: RunningServices['processes'] = [];
  const names: ServiceName[] = [...SUBGRAPHS.map((subgraph) => subgraph.name), 'gateway'];
  try {
    for (const [index, name] of names.entries()) {
      const env = name === 'gateway' ? { ...options.env, ...options.gatewayEnv } : options.env;
      const child = spawnService(
        name,
        env,
        options.onLine(name, index),
        options.nodeArguments ?? [],
      );
      processes.push({ name, child });
      await waitForHealth(name, options.ports[name], child);
    }
  } catch (error) {
    await stopAll(processes.map((p) => p.child));
    throw error;
  }
  return { processes, stop: () => stopAll(processes.map((p) => p.child)) };
}
