import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { config } from '../shared/config';
import { signAgentToken, signForwardedIdentity, IDENTITY_HEADER } from '../shared/identity';
import { logger } from '../shared/logger';
import { Agent } from '../subgraphs/desk/entities';
import { DEMO_AGENTS } from '../subgraphs/desk/seed/generate';
import { argument, positiveArgument, scaleArgument } from './args';
import { openBenchServer, prepareDataset, StatementStatistics } from './bench/database';
import {
  BenchFigures,
  cpuTable,
  evaluateTargets,
  latencyOf,
  RunFigures,
  runTable,
  SoakFigures,
  StatementCount,
  targetLines,
} from './bench/figures';
import { startBareHop } from './bench/bareHop';
import { CpuMeter } from './bench/cpu';
import { startBenchGraph, type BenchGraph } from './bench/graph';
import type { LoadLine, LoadSpec } from './bench/load';
import { MemorySampler } from './bench/memory';
import {
  Inputs,
  LIST_COMPARISONS,
  LIST_LENGTHS,
  operationDocument,
  OPERATION_NAMES,
  OperationName,
  variablesOf,
} from './bench/operations';

const log = logger('bench');
const settings = config();
const SERVICES = ['gateway', 'desk', 'inventory', 'billing', 'books', 'projects'];
/** The bare hop (`ticketBareHop`) runs in this process; its CPU column in the table. */
const BARE_HOP = 'bare hop';

interface Flags {
  scale: number;
  durationSeconds: number;
  connections: number;
  warmupSeconds: number;
  only: OperationName[];
  /** Adds the 10× dataset, the 50-connection soak and its memory check. */
  full: boolean;
  soakConnections: number;
  soakSeconds: number;
  /**
   * Warm-up of the larger dataset's graph, just started when it is compared with one that has
   * served every run and the soak: a fresh process's heap grows, with more collections, for its
   * first minute or so, and its hot code is not yet optimised.
   */
  freshWarmupSeconds: number;
  /** Each service writes a V8 CPU profile here when it stops (`--cpu-prof`). */
  profileDir: string | undefined;
}

function flags(): Flags {
  const only = (argument('only') ?? OPERATION_NAMES.join(','))
    .split(',')
    .map((name) => name.trim());
  for (const name of only) {
    if (!OPERATION_NAMES.includes(name as OperationName)) {
      throw new Error(`--only takes ${OPERATION_NAMES.join(', ')}; got ${name}`);
    }
  }
  return {
    scale: scaleArgument(1),
    durationSeconds: positiveArgument('duration', 10),
    connections: positiveArgument('connections', 20),
    warmupSeconds: positiveArgument('warmup', 3),
    only: only as OperationName[],
    full: process.argv.includes('--full'),
    soakConnections: positiveArgument('soak-connections', 50),
    soakSeconds: positiveArgument('soak', 300),
    freshWarmupSeconds: positiveArgument('fresh-warmup', 60),
    profileDir: process.argv.includes('--cpu-prof')
      ? path.join(settings.projectRoot, 'bench-results', 'profiles')
      : undefined,
  };
}

/** The demo agent the operations run as: the Agent profile, which sees every panel. */
const BENCH_AGENT = DEMO_AGENTS[1];

interface Client {
  /** The dataset's database. */
  url: string;
  graph: BenchGraph;
  token: string;
  agent: { id: string; email: string };
  inputs: Inputs;
}

function gatewayRequest(client: Client, name: OperationName, listLength?: number) {
  return {
    url: client.graph.gatewayUrl,
    headers: { authorization: `Bearer ${client.token}` },
    body: JSON.stringify({
      query: operationDocument(settings.projectRoot, name),
      variables: variablesOf(name, client.inputs, listLength),
    }),
  };
}

/** Straight to desk, signed as the gateway would, valid for the whole run. */
function directDeskRequest(client: Client, validSeconds: number) {
  const auth = { ...client.graph.config.auth, subgraphIdentityTtlSeconds: validSeconds };
  const identity = signForwardedIdentity(
    { kind: 'agent', agentId: client.agent.id, email: client.agent.email },
    auth,
  );
  return {
    url: client.graph.deskUrl,
    headers: { [IDENTITY_HEADER]: identity },
    body: JSON.stringify({
      query: operationDocument(settings.projectRoot, 'ticket'),
      variables: variablesOf('ticket', client.inputs),
    }),
  };
}

async function send(request: { url: string; headers: Record<string, string>; body: string }) {
  const response = await fetch(request.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...request.headers },
    body: request.body,
  });
  const text = await response.text();
  if (!response.ok || text.includes('"errors":')) {
    throw new Error(`${request.url} answered ${response.status}: ${text.slice(0, 500)}`);
  }
  return text;
}

/** Runs the load generator in its own process and follows its progress lines. */
function load(spec: LoadSpec, onProgress: (line: LoadLine) => void = () => {}) {
  const compiled = path.extname(__filename) === '.js';
  const entry = path.join(__dirname, 'bench', `load${path.extname(__filename)}`);
  const args = [...(compiled ? [] : ['--import', 'tsx']), entry, JSON.stringify(spec)];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise<Extract<LoadLine, { kind: 'result' }>>((resolve, reject) => {
    let result: Extract<LoadLine, { kind: 'result' }> | undefined;
    readline.createInterface({ input: child.stdout }).on('line', (text) => {
      const line = JSON.parse(text) as LoadLine;
      if (line.kind === 'result') result = line;
      else onProgress(line);
    });
    child.once('exit', (code) =>
      result ? resolve(result) : reject(new Error(`the load generator exited with ${code}`)),
    );
  });
}

/**
 * Picks what the operations ask about, the same on every run of a dataset: the account with the
 * most contacts, and among its latest tickets the one whose customer-360 answer is the fullest.
 */
async function startClient(
  adminUrl: string,
  scale: number,
  logFile: string,
  profileDir: string | undefined,
): Promise<Client> {
  let agent: { id: string; email: string } | undefined;
  let accountId = '';
  let contacts = 0;
  const url = await prepareDataset(adminUrl, scale, log, async ({ dataSource }) => {
    agent =
      (await dataSource.getRepository(Agent).findOneBy({ email: BENCH_AGENT.email })) ?? undefined;
    const [big] = await dataSource.query<{ account_id: string; contacts: number }[]>(
      `SELECT account_id, count(*)::int AS contacts FROM desk.contact_account
       GROUP BY account_id ORDER BY count(*) DESC, account_id LIMIT 1`,
    );
    accountId = big.account_id;
    contacts = big.contacts;
  });
  if (!agent) throw new Error(`${BENCH_AGENT.email} is not seeded`);
  const overviewLength = LIST_LENGTHS.accountOverview ?? 0;
  if (contacts < overviewLength) {
    throw new Error(
      `the largest account has ${contacts} contacts, fewer than operation 3's ${overviewLength}: use --scale 1 or more`,
    );
  }
  log.info({ scale }, 'starting the graph');
  const graph = await startBenchGraph(url, logFile, profileDir);
  const token = signAgentToken(agent, graph.config.auth);
  const client: Client = { url, graph, token, agent, inputs: { accountId, ticketId: '' } };
  const tickets = JSON.parse(
    await send({
      url: graph.gatewayUrl,
      headers: { authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query:
          'query BenchTickets($id: ID!) { account(id: $id) { tickets(first: 20) { nodes { id } } } }',
        variables: { id: accountId },
      }),
    }),
  ) as { data: { account: { tickets: { nodes: { id: string }[] } } } };
  let fullest = -1;
  for (const { id } of tickets.data.account.tickets.nodes) {
    const size = (
      await send(gatewayRequest({ ...client, inputs: { accountId, ticketId: id } }, 'customer360'))
    ).length;
    if (size > fullest) {
      fullest = size;
      client.inputs.ticketId = id;
    }
  }
  return client;
}

/**
 * Statements one request costs, counted by PostgreSQL: requests sent one at a time, the figures
 * reset before each of three rounds, the lowest round kept (a subgraph refreshing its cached
 * agent profile now and then adds statements no list length causes).
 */
async function statementsPerRequest(
  statistics: StatementStatistics,
  request: Parameters<typeof send>[0],
): Promise<number> {
  const PER_ROUND = 10;
  let lowest = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 3; round += 1) {
    await statistics.reset();
    for (let i = 0; i < PER_ROUND; i += 1) await send(request);
    lowest = Math.min(lowest, (await statistics.count()) / PER_ROUND);
  }
  return lowest;
}

async function countStatements(
  client: Client,
  statistics: StatementStatistics,
  only: readonly OperationName[],
): Promise<StatementCount[]> {
  const counts: StatementCount[] = [];
  for (const operation of only) {
    const lengths = LIST_COMPARISONS[operation] ?? [undefined];
    for (const listLength of lengths) {
      const request = gatewayRequest(client, operation, listLength);
      counts.push({
        operation,
        listLength: listLength ?? 1,
        statementsPerRequest: await statementsPerRequest(statistics, request),
      });
    }
  }
  return counts;
}

async function measure(
  operation: string,
  requests: LoadSpec['requests'],
  options: {
    scale: number;
    connections: number;
    durationSeconds: number;
    warmupSeconds: number;
    statistics: StatementStatistics | null;
    memory: MemorySampler;
  },
): Promise<RunFigures> {
  await load({
    connections: options.connections,
    durationSeconds: options.warmupSeconds,
    requests,
  });
  await options.statistics?.reset();
  const started = Date.now();
  const cpu = new CpuMeter(options.memory.pids);
  const result = await cpu.during(() =>
    load({
      connections: options.connections,
      durationSeconds: options.durationSeconds,
      requests,
    }),
  );
  const statements = options.statistics ? await options.statistics.count() : null;
  const figures: RunFigures = {
    operation,
    scale: options.scale,
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    requests: result.requests,
    requestsPerSecond: result.requests / options.durationSeconds,
    latencyMs: result.latencyMs,
    errors: result.errors,
    statementsPerRequest: statements === null ? null : statements / Math.max(1, result.requests),
    peakRssMiB: options.memory.peakSince(started),
    cpuMsPerRequest: cpu.perRequest(result.requests),
  };
  log.info(
    {
      operation,
      scale: options.scale,
      rps: Math.round(figures.requestsPerSecond),
      ...result.latencyMs,
    },
    'measured',
  );
  return figures;
}

async function soak(client: Client, flags: Flags, memory: MemorySampler): Promise<SoakFigures> {
  const requests = OPERATION_NAMES.map((name) => gatewayRequest(client, name));
  const started = Date.now();
  let errorsFirstMinute: number | null = null;
  log.info(
    { seconds: flags.soakSeconds, connections: flags.soakConnections },
    'soak: mixed operations',
  );
  const result = await load(
    { connections: flags.soakConnections, durationSeconds: flags.soakSeconds, requests },
    (line) => {
      if (line.kind === 'progress' && line.seconds >= 60 && errorsFirstMinute === null) {
        errorsFirstMinute = line.errors;
      }
    },
  );
  const finished = Date.now();
  return {
    connections: flags.soakConnections,
    durationSeconds: flags.soakSeconds,
    errorsFirstMinute: errorsFirstMinute ?? result.errors,
    errors: result.errors,
    requests: result.requests,
    gatewayRssMiBAtOneMinute: memory.meanBetween('gateway', started + 50_000, started + 60_000),
    gatewayRssMiBAtEnd: memory.meanBetween('gateway', finished - 10_000, finished),
  };
}

/** One side of a comparison: what it loads, and where its figures come from. */
interface Side {
  operation: string;
  scale: number;
  requests: LoadSpec['requests'];
  memory: MemorySampler;
  statistics: StatementStatistics | null;
  /** Load before the slices, which a graph just started needs more of. */
  warmupSeconds: number;
  /** Processes whose CPU time the side counts, when not only the graph's services. */
  pids?: Record<string, number>;
}

/**
 * Two sides loaded in turns of a fifth of the duration each, so that what else the machine does
 * falls on both alike; each side's figures are its slices together. Used where a target compares
 * two runs: the gateway with the direct call, and one dataset with one ten times larger.
 */
async function alternating(sides: readonly Side[], flags: Flags): Promise<RunFigures[]> {
  const SLICES = 5;
  const sliceSeconds = Math.max(2, Math.round(flags.durationSeconds / SLICES));
  for (const side of sides) {
    await load({
      connections: flags.connections,
      durationSeconds: side.warmupSeconds,
      requests: side.requests,
    });
  }
  const started = Date.now();
  const sums = sides.map((side) => ({
    latencies: [] as number[],
    requests: 0,
    errors: 0,
    sql: 0,
    cpu: new CpuMeter(side.pids ?? side.memory.pids),
  }));
  for (let slice = 0; slice < SLICES; slice += 1) {
    for (const [index, side] of sides.entries()) {
      await side.statistics?.reset();
      const sum = sums[index];
      const result = await sum.cpu.during(() =>
        load({
          connections: flags.connections,
          durationSeconds: sliceSeconds,
          requests: side.requests,
          latencies: true,
        }),
      );
      sum.latencies.push(...(result.latenciesMs ?? []));
      sum.requests += result.requests;
      sum.errors += result.errors;
      sum.sql += (await side.statistics?.count()) ?? 0;
    }
  }
  return sides.map((side, index) => {
    const sum = sums[index];
    const figures: RunFigures = {
      operation: side.operation,
      scale: side.scale,
      connections: flags.connections,
      durationSeconds: SLICES * sliceSeconds,
      requests: sum.requests,
      requestsPerSecond: sum.requests / (SLICES * sliceSeconds),
      latencyMs: latencyOf(sum.latencies),
      errors: sum.errors,
      statementsPerRequest: side.statistics ? sum.sql / Math.max(1, sum.requests) : null,
      peakRssMiB: side.memory.peakSince(started),
      cpuMsPerRequest: sum.cpu.perRequest(sum.requests),
    };
    log.info({ operation: side.operation, scale: side.scale, ...figures.latencyMs }, 'measured');
    return figures;
  });
}

interface DatasetFigures {
  runs: RunFigures[];
  statements: StatementCount[] | null;
  soak: SoakFigures | null;
  scaleComparison: RunFigures[] | null;
}

/**
 * Measures one dataset: what `only` asks for, then with --full the soak and the comparison with
 * the dataset ten times larger, whose graph runs beside this one for it; stops both graphs after.
 */
async function benchDataset(
  adminUrl: string,
  flags: Flags,
  logFile: string,
): Promise<DatasetFigures> {
  const { scale, only } = flags;
  const client = await startClient(adminUrl, scale, logFile, flags.profileDir);
  const memory = new MemorySampler(client.graph.pids);
  const statistics = await StatementStatistics.open(client.url, log);
  try {
    const statements = statistics ? await countStatements(client, statistics, only) : null;
    const runs: RunFigures[] = [];
    const common = {
      scale,
      connections: flags.connections,
      durationSeconds: flags.durationSeconds,
      warmupSeconds: flags.warmupSeconds,
      statistics,
      memory,
    };
    const side = (operation: string, requests: LoadSpec['requests'], counted = true): Side => ({
      operation,
      scale,
      requests,
      memory,
      statistics: counted ? statistics : null,
      warmupSeconds: flags.warmupSeconds,
    });
    for (const operation of only) {
      if (operation === 'ticket') {
        // Alternating, as the target compares the two.
        const validFor = 2 * (flags.warmupSeconds + flags.durationSeconds) + 120;
        const direct = directDeskRequest(client, validFor);
        const hop = await startBareHop(direct.url);
        try {
          const sides = [
            side('ticket', [gatewayRequest(client, 'ticket')]),
            side('ticketDirect', [direct]),
            {
              ...side('ticketBareHop', [{ ...direct, url: hop.url }]),
              pids: { ...memory.pids, [BARE_HOP]: process.pid },
            },
          ];
          runs.push(...(await alternating(sides, flags)));
        } finally {
          await hop.stop();
        }
      } else {
        runs.push(await measure(operation, [gatewayRequest(client, operation)], common));
      }
    }
    if (!flags.full) return { runs, statements, soak: null, scaleComparison: null };
    const soaked = await soak(client, flags, memory);
    const compared = only.filter((o) => o === 'customer360' || o === 'agentQueue');
    const grown = await startClient(adminUrl, scale * 10, logFile, flags.profileDir);
    const grownMemory = new MemorySampler(grown.graph.pids);
    try {
      const scaleComparison: RunFigures[] = [];
      for (const operation of compared) {
        // Statements are not counted here: the other dataset is another database.
        const sides: Side[] = [
          side(operation, [gatewayRequest(client, operation)], false),
          {
            operation,
            scale: scale * 10,
            requests: [gatewayRequest(grown, operation)],
            memory: grownMemory,
            statistics: null,
            warmupSeconds: flags.freshWarmupSeconds,
          },
        ];
        scaleComparison.push(...(await alternating(sides, flags)));
      }
      return { runs, statements, soak: soaked, scaleComparison };
    } finally {
      grownMemory.stop();
      await grown.graph.services.stop();
    }
  } finally {
    memory.stop();
    await statistics?.close();
    await client.graph.services.stop();
  }
}

async function main(): Promise<void> {
  const options = flags();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const outDir = path.join(settings.projectRoot, 'bench-results');
  const logFile = path.join(outDir, `${stamp}-services.log`);
  const server = await openBenchServer(settings, log);
  const figures: BenchFigures = {
    startedAt: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    runs: [],
    scaleComparison: null,
    statements: null,
    soak: null,
  };
  try {
    const measured = await benchDataset(server.adminUrl, options, logFile);
    figures.runs = measured.runs;
    figures.statements = measured.statements;
    figures.soak = measured.soak;
    figures.scaleComparison = measured.scaleComparison;
  } finally {
    await server.stop();
  }
  report(figures, options, path.join(outDir, `${stamp}.json`), logFile);
}

function report(figures: BenchFigures, flags: Flags, jsonFile: string, logFile: string): void {
  const { machine } = figures;
  console.log(
    `\n${figures.command}\n${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}`,
  );
  const operations = [...new Set(figures.runs.map((r) => r.operation))];
  for (const operation of operations) {
    console.log(
      `\n${operation}\n${runTable(
        figures.runs.filter((r) => r.operation === operation),
        SERVICES,
      )}`,
    );
  }
  const hopped = figures.runs.some((r) => r.cpuMsPerRequest[BARE_HOP] !== undefined);
  console.log(
    `\nCPU per request, by service\n${cpuTable(figures.runs, hopped ? [...SERVICES, BARE_HOP] : SERVICES)}`,
  );
  if (figures.scaleComparison) {
    console.log(
      `\nscale ${flags.scale} and ${flags.scale * 10}, both graphs up, loaded in alternating slices\n${runTable(figures.scaleComparison, SERVICES)}`,
    );
  }
  if (figures.statements) {
    console.log('\nSQL statements per request, one request at a time (pg_stat_statements)');
    for (const s of figures.statements) {
      console.log(
        `  ${s.operation.padEnd(16)} ${String(s.listLength).padStart(4)} items  ${s.statementsPerRequest.toFixed(1)}`,
      );
    }
  }
  if (figures.soak) {
    const s = figures.soak;
    console.log(
      `\nsoak: ${s.requests} mixed requests in ${s.durationSeconds} s at ${s.connections} connections, ${s.errors} errors (${s.errorsFirstMinute} in the first minute); gateway RSS ${s.gatewayRssMiBAtOneMinute.toFixed(0)} MiB at 1 min, ${s.gatewayRssMiBAtEnd.toFixed(0)} MiB at the end`,
    );
  }
  const targets = evaluateTargets(figures, flags.scale);
  console.log(`\nTargets\n${targetLines(targets)}`);
  fs.mkdirSync(path.dirname(jsonFile), { recursive: true });
  fs.writeFileSync(jsonFile, `${JSON.stringify({ ...figures, targets }, null, 2)}\n`);
  console.log(
    `\nFigures: ${path.relative(settings.projectRoot, jsonFile)}; service logs: ${path.relative(settings.projectRoot, logFile)}`,
  );
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, 'the benchmark failed');
  process.exit(1);
});
