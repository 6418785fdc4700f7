import type { DataSource } from 'typeorm';
import { type Config, config } from '../shared/config';
import { statementCount } from '../shared/database/dataSource';
import { signAgentToken } from '../shared/identity';
import { type Logger, logger } from '../shared/logger';
import type { RunningService } from '../shared/subgraph';
import type { JobQueue } from '../shared/jobs/queue';
import { startGateway } from '../gateway/server';
import { SUBGRAPHS } from '../subgraphs';
import { RunningSubgraph, runSubgraph } from '../subgraphs/run';
import { Agent } from '../subgraphs/desk/entities';
import { DEMO_AGENTS } from '../subgraphs/desk/seed/generate';
import { freePort } from '../scripts/services';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export type DemoAgent = 'admin' | 'agent' | 'newAgent' | 'light';

const DEMO_AGENT_KEYS: Record<DemoAgent, string> = {
  admin: DEMO_AGENTS[0].email,
  agent: DEMO_AGENTS[1].email,
  newAgent: DEMO_AGENTS[2].email,
  light: DEMO_AGENTS[3].email,
};

export interface Graph {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  dataSources: Record<string, DataSource>;
  /** Each subgraph's job queue (pg-boss), to inspect or feed jobs. */
  jobs: Record<string, JobQueue>;
  /** The test database, for worker processes a test starts itself. */
  databaseUrl: string;
  tokens: Record<DemoAgent, string>;
  agentIds: Record<DemoAgent, string>;
  /** POSTs an operation to the gateway as the given demo agent (or a raw Authorization value). */
  query<T = Record<string, unknown>>(
    as: DemoAgent | { authorization?: string },
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  /** Statements a subgraph sent to PostgreSQL while `work` ran. */
  countStatements(subgraph: string, work: () => Promise<unknown>): Promise<number>;
  stopSubgraph(name: string): Promise<void>;
  /**
   * Another gateway in front of this graph's subgraphs, with its configuration changed (limits,
   * environment, body size) or some subgraphs elsewhere; it stops with the graph.
   */
  startGateway(options: {
    configure?: (config: Config) => Config;
    subgraphUrls?: Record<string, string>;
    log?: Logger;
  }): Promise<RunningService>;
  stop(): Promise<void>;
}

export async function postGraphQL<T>(
  url: string,
  headers: Record<string, string>,
  body: Record<string, unknown>,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? (JSON.parse(text) as GraphQLResponse<T>) : {};
  return { ...json, status: response.status };
}

export { freePort };

/**
 * Every subgraph and the gateway on free ports, over real HTTP, against the test database made
 * by globalSetup; like Apollo's startSubgraphsAndGateway.
 */
export async function startGraph(
  options: {
    workers?: boolean;
    /** Changes to the configuration every service of this graph gets (SMTP, batch sizes, …). */
    configure?: (config: Config) => Config;
    /** A database of the suite's own (scratchDatabase) instead of the shared test database. */
    databaseUrl?: string;
  } = {},
): Promise<Graph> {
  const url = options.databaseUrl ?? process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest');
  // Desk's answer about an agent's profile is not kept, so a test that moves an agent to
  // another profile sees the change at once in every subgraph.
  const base = options.configure?.(config()) ?? config();
  // Nor do its workers schedule anything: the lifecycle sweep would move the shared demo data on
  // by the clock while other suites read it (billingLifecycleSweep.test.ts runs it by hand).
  let settings: Config = {
    ...base,
    auth: { ...base.auth, agentProfileCacheSeconds: 0 },
    jobs: { ...base.jobs, schedules: false },
  };
  // Subgraphs hand out links to the gateway (books' PDFs), so its port is known before they start.
  const gatewayPort = await freePort();
  settings = {
    ...settings,
    gateway: { ...settings.gateway, publicUrl: `http://localhost:${gatewayPort}` },
  };
  const log = logger('test');
  const services: Record<string, RunningSubgraph> = {};
  for (const subgraph of SUBGRAPHS) {
    services[subgraph.name] = await runSubgraph(subgraph, {
      url,
      config: settings,
      log,
      port: 0,
      serve: true,
      // Off unless a suite asks: suites that test workers start them where they can kill them.
      workers: options.workers ?? false,
    });
    // Subgraphs listen on free ports; the ones started later reach this one through its URL.
    const started = services[subgraph.name];
    settings = {
      ...settings,
      subgraphs: {
        ...settings.subgraphs,
        [subgraph.name]: { port: 0, url: started.url as string },
      },
    };
  }
  const dataSources: Record<string, DataSource> = {};
  const jobs: Record<string, JobQueue> = {};
  const subgraphUrls: Record<string, string> = {};
  for (const [name, service] of Object.entries(services)) {
    dataSources[name] = service.dataSource;
    jobs[name] = service.jobs;
    subgraphUrls[name] = service.url as string;
  }
  const gateway = await startGateway({
    config: settings,
    log,
    databaseUrl: url,
    subgraphUrls,
    port: gatewayPort,
  });

  const agents = await dataSources.desk.getRepository(Agent).find();
  const tokens = {} as Record<DemoAgent, string>;
  const agentIds = {} as Record<DemoAgent, string>;
  for (const [key, email] of Object.entries(DEMO_AGENT_KEYS) as [DemoAgent, string][]) {
    const agent = agents.find((a) => a.email === email);
    if (!agent) throw new Error(`demo agent ${email} is not seeded`);
    tokens[key] = signAgentToken(agent, settings.auth);
    agentIds[key] = agent.id;
  }
  const stopped = new Set<string>();
  const otherGateways: RunningService[] = [];

  return {
    gatewayUrl: gateway.url,
    subgraphUrls,
    dataSources,
    jobs,
    databaseUrl: url,
    tokens,
    agentIds,
    query: (as, query, variables) => {
      const authorization = typeof as === 'string' ? `Bearer ${tokens[as]}` : as.authorization;
      return postGraphQL(gateway.url, authorization ? { authorization } : {}, { query, variables });
    },
    countStatements: async (subgraph, work) => {
      const before = statementCount(dataSources[subgraph]);
      await work();
      return statementCount(dataSources[subgraph]) - before;
    },
    stopSubgraph: async (name) => {
      stopped.add(name);
      await services[name].stop();
    },
    startGateway: async (other) => {
      const started = await startGateway({
        config: other.configure?.(settings) ?? settings,
        log: other.log ?? log,
        databaseUrl: url,
        subgraphUrls: { ...subgraphUrls, ...other.subgraphUrls },
        port: 0,
      });
      otherGateways.push(started);
      return started;
    },
    stop: async () => {
      for (const other of otherGateways) await other.stop();
      await gateway.stop();
      for (const [name, service] of Object.entries(services)) {
        if (!stopped.has(name)) await service.stop();
      }
    },
  };
}
