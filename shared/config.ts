import path from 'node:path';

export type Environment = 'development' | 'test' | 'production';

export const SUBGRAPH_NAMES = ['desk', 'inventory', 'billing', 'books', 'projects'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

/** Ports every service listens on by default; a subgraph's URL can be overridden per service. */
const DEFAULT_PORTS: Record<SubgraphName | 'gateway', number> = {
  gateway: 4000,
  desk: 4001,
  inventory: 4002,
  billing: 4003,
  books: 4004,
  projects: 4005,
};

export const DEVELOPMENT_AGENT_JWT_SECRET = 'dev-only-agent-jwt-secret-change-me';
export const DEVELOPMENT_SUBGRAPH_SECRET = 'dev-only-subgraph-signing-secret-change-me';

export interface Config {
  env: Environment;
  projectRoot: string;
  logLevel: string;
  /** `pretty` for people reading a terminal; JSON lines otherwise. */
  logFormat: 'json' | 'pretty';
  database: {
    /** Set when an external PostgreSQL is used; otherwise the embedded server is started. */
    url: string | undefined;
    embeddedDir: string;
    embeddedPort: number;
  };
  gateway: {
    port: number;
    subgraphTimeoutMs: number;
    /** Introspection and the Sandbox landing page; on outside production unless set explicitly. */
    introspection: boolean;
    landingPage: boolean;
    /**
     * Where browsers reach the gateway (PUBLIC_URL), without a trailing slash: links the graph
     * hands out, such as a books PDF's, point here rather than at a subgraph's port.
     */
    publicUrl: string;
  };
  subgraphs: Record<SubgraphName, { port: number; url: string }>;
  auth: {
    agentJwtSecret: string;
    agentJwtIssuer: string;
    agentTokenTtl: string;
    subgraphSecret: string;
    /** How long a forwarded identity stays valid; it only has to outlive one request. */
    subgraphIdentityTtlSeconds: number;
    /**
     * How long a PDF link stays valid: its token stands in for the Authorization header a browser
     * cannot send, so it is short-lived and names one agent and one document.
     */
    pdfLinkTtlSeconds: number;
    /** How long other subgraphs keep desk's answer to "which profile does this agent have". */
    agentProfileCacheSeconds: number;
  };
  pagination: { defaultPageSize: number; maxPageSize: number };
  /** Partner applications (API keys, registered operations only) and agents' automatic persisted queries. */
  partners: {
    /** The persisted-query manifest partners' operations must be in; re-read when it changes. */
    manifestFile: string;
    /** How long the gateway trusts desk's answer about an API key: a revocation takes this long. */
    keyCacheSeconds: number;
    /** Requests a minute for a partner without a limit of its own. */
    defaultRateLimitPerMinute: number;
    /** Requests are counted in windows this long, each allowing the per-minute rate pro rata. */
    rateLimitWindowSeconds: number;
    /** How long an agent's automatically persisted query is kept after its last registration. */
    apqTtlSeconds: number;
  };
  /** What the gateway accepts from the public internet (README, "The public edge"). */
  edge: {
    /** Fields nested in one operation, fragments counted where they are spread. */
    maxDepth: number;
    /** Aliased fields in one operation: aliases let one request ask for the same field many times. */
    maxAliases: number;
    /** Lexical tokens in one document; a longer one is not even parsed. */
    maxTokens: number;
    /** Estimated cost of one operation (gateway/limits/measure.ts says how it is counted). */
    maxCost: number;
    /** Items in any list a client sends, as an argument, in an input object or in a variable. */
    maxListArgumentLength: number;
    /** Several operations in one HTTP request, as a JSON array. */
    batching: boolean;
    /** Browser origins allowed to call /graphql (CORS); `*` for any. */
    corsOrigins: string[] | '*';
    /** "Did you mean …" in validation errors, which reveal field names to a client without introspection. */
    fieldSuggestions: boolean;
    /** Whether a refused operation's error names the limit and the measured value. */
    exposeLimits: boolean;
  };
  /** The agent console (console/), a browser app the gateway serves at /console. */
  console: {
    /** Whether the gateway serves the built console; on outside production unless set. */
    enabled: boolean;
    /** The console's built files (`npm run console:build`). */
    distDir: string;
    /**
     * Development only: the console's sign-in as any active agent by e-mail alone, for the demo
     * agents. Never in production, where agents bring a token from the real sign-in.
     */
    demoSignIn: boolean;
  };
  /** `/metrics` in Prometheus format on the gateway and every subgraph. */
  metrics: {
    enabled: boolean;
    /**
     * Distinct operation names that get their own label; later names are counted as `other`, so
     * clients that invent names cannot grow the series without bound.
     */
    maxOperations: number;
  };
  /** Largest request body the gateway and subgraphs accept (association files travel as base64). */
  requestBodyLimitBytes: number;
  jobs: {
    /** Whether a subgraph process also runs its workers; off when `<name>-worker` processes do. */
    workersInProcess: boolean;
    /** How often an idle worker asks the queue for work (pg-boss allows 0.5 s at least). */
    pollIntervalSeconds: number;
    /** How often expired jobs are retried and old ones archived. */
    maintenanceIntervalSeconds: number;
    /** A chunk of a sync run still active after this long is taken as lost and retried. */
    chunkTimeoutSeconds: number;
    /** Attempts after the first for a chunk that failed or was lost; then the run is FAILED. */
    chunkRetryLimit: number;
    /** Records one chunk of a sync run handles in one transaction. */
    syncBatchSize: number;
    /** Finished sync runs, their failures and published events are removed after this. */
    retentionDays: number;
    /** Attempts after the first for an event consumer, with exponential backoff. */
    eventRetryLimit: number;
    /** How often the outbox is read even when no notification arrived. */
    outboxPollIntervalMs: number;
    /**
     * Whether workers register their subgraph's own schedules (billing's lifecycle sweep). Tests
     * turn it off: a schedule left in a shared database would act on the demo data by the clock.
     */
    schedules: boolean;
  };
  mail: {
    /**
     * The SMTP server that delivers e-mail (`smtp://user:pass@host:587`, or `smtps://` for TLS from
     * the start). Unset, no mail worker runs and queued messages wait until one that has it starts.
     */
    smtpUrl: string | undefined;
    /** The From of every message the graph sends. */
    from: string;
    /** Attempts after the first for a message the SMTP server refused; then it is FAILED. */
    retryLimit: number;
    /** Wait before the first retry; each further one waits about twice as long as the last. */
    retryDelaySeconds: number;
  };
}

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = integer(env, name, fallback);
  if (value === 0) throw new ConfigError(`${name} must be at least 1`);
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

/** Refused at start, not at the first send; the URL is not repeated, as it may hold a password. */
function smtpUrl(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  const protocol = URL.canParse(raw) ? new URL(raw).protocol : null;
  if (protocol !== 'smtp:' && protocol !== 'smtps:') {
    throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL');
  }
  return raw;
}

/** Refused at start: every link the graph hands out would otherwise be broken. */
function publicUrl(raw: string | undefined, gatewayPort: number): string {
  if (raw === undefined || raw === '') return `http://localhost:${gatewayPort}`;
  const protocol = URL.canParse(raw) ? new URL(raw).protocol : null;
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new ConfigError(`PUBLIC_URL must be an http:// or https:// URL, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

/** `*`, or comma-separated origins such as `https://app.example.com`; refused at start otherwise. */
function corsOrigins(raw: string | undefined, fallback: string[] | '*'): string[] | '*' {
  if (raw === undefined || raw === '') return fallback;
  if (raw.trim() === '*') return '*';
  const origins = raw
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of origins) {
    if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
      throw new ConfigError(
        `CORS_ORIGINS must list origins like https://app.example.com, got "${origin}"`,
      );
    }
  }
  return origins;
}

function environment(raw: string | undefined): Environment {
  if (raw === undefined || raw === '') return 'development';
  if (raw === 'development' || raw === 'test' || raw === 'production') return raw;
  throw new ConfigError(`NODE_ENV must be development, test or production, got "${raw}"`);
}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const nodeEnv = environment(env.NODE_ENV);
  const projectRoot = path.resolve(__dirname, '..');
  const production = nodeEnv === 'production';
  const subgraphs = {} as Config['subgraphs'];
  for (const name of SUBGRAPH_NAMES) {
    const port = integer(env, `${name.toUpperCase()}_PORT`, DEFAULT_PORTS[name]);
    subgraphs[name] = {
      port,
      url: env[`${name.toUpperCase()}_URL`] || `http://localhost:${port}/graphql`,
    };
  }
  const gatewayPort = integer(env, 'GATEWAY_PORT', DEFAULT_PORTS.gateway);
  const config: Config = {
    env: nodeEnv,
    projectRoot,
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'warn' : 'info'),
    logFormat: env.LOG_FORMAT === 'pretty' ? 'pretty' : 'json',
    database: {
      url: env.DATABASE_URL || undefined,
      embeddedDir: path.resolve(projectRoot, env.EMBEDDED_PG_DIR || '.data/postgres'),
      embeddedPort: integer(env, 'EMBEDDED_PG_PORT', 54329),
    },
    gateway: {
      port: gatewayPort,
      subgraphTimeoutMs: integer(env, 'SUBGRAPH_TIMEOUT_MS', 10_000),
      introspection: flag(env, 'GRAPHQL_INTROSPECTION', !production),
      landingPage: flag(env, 'GRAPHQL_LANDING_PAGE', !production),
      publicUrl: publicUrl(env.PUBLIC_URL, gatewayPort),
    },
    subgraphs,
    auth: {
      agentJwtSecret: env.AGENT_JWT_SECRET || DEVELOPMENT_AGENT_JWT_SECRET,
      agentJwtIssuer: env.AGENT_JWT_ISSUER || 'customer-graph',
      agentTokenTtl: env.AGENT_TOKEN_TTL || '12h',
      subgraphSecret: env.SUBGRAPH_SIGNING_SECRET || DEVELOPMENT_SUBGRAPH_SECRET,
      subgraphIdentityTtlSeconds: integer(env, 'SUBGRAPH_IDENTITY_TTL_SECONDS', 60),
      pdfLinkTtlSeconds: positive(env, 'PDF_LINK_TTL_SECONDS', 300),
      agentProfileCacheSeconds: integer(env, 'AGENT_PROFILE_CACHE_SECONDS', 10),
    },
    pagination: {
      defaultPageSize: integer(env, 'DEFAULT_PAGE_SIZE', 20),
      maxPageSize: integer(env, 'MAX_PAGE_SIZE', 100),
    },
    partners: {
      manifestFile: path.resolve(
        projectRoot,
        env.PERSISTED_QUERY_MANIFEST || 'operations/partners/persisted-query-manifest.json',
      ),
      keyCacheSeconds: integer(env, 'PARTNER_KEY_CACHE_SECONDS', 10),
      defaultRateLimitPerMinute: positive(env, 'PARTNER_RATE_LIMIT_PER_MINUTE', 600),
      rateLimitWindowSeconds: positive(env, 'PARTNER_RATE_LIMIT_WINDOW_SECONDS', 60),
      apqTtlSeconds: positive(env, 'APQ_TTL_SECONDS', 24 * 60 * 60),
    },
    // Each default leaves at least twice the room the test suites' operations need (at most depth
    // 8, 10 aliases, 273 tokens, a cost of 42,395, and a list of 501 products that desk must see
    // to refuse itself), and room for graphql-js's full introspection query, like Sandbox's
    // (depth 15, cost 51,863).
    edge: {
      maxDepth: positive(env, 'GRAPHQL_MAX_DEPTH', 20),
      maxAliases: integer(env, 'GRAPHQL_MAX_ALIASES', 30),
      maxTokens: positive(env, 'GRAPHQL_MAX_TOKENS', 2000),
      maxCost: positive(env, 'GRAPHQL_MAX_COST', 150_000),
      maxListArgumentLength: positive(env, 'GRAPHQL_MAX_LIST_ARGUMENT', 1000),
      batching: flag(env, 'GRAPHQL_BATCHING', false),
      corsOrigins: corsOrigins(env.CORS_ORIGINS, production ? [] : '*'),
      fieldSuggestions: flag(env, 'GRAPHQL_FIELD_SUGGESTIONS', !production),
      exposeLimits: flag(env, 'GRAPHQL_EXPOSE_LIMITS', !production),
    },
    console: {
      enabled: flag(env, 'CONSOLE_ENABLED', !production),
      distDir: path.resolve(projectRoot, env.CONSOLE_DIST_DIR || 'console/dist'),
      demoSignIn: flag(env, 'CONSOLE_DEMO_SIGN_IN', !production),
    },
    metrics: {
      enabled: flag(env, 'METRICS_ENABLED', true),
      maxOperations: positive(env, 'METRICS_MAX_OPERATIONS', 100),
    },
    requestBodyLimitBytes: positive(env, 'REQUEST_BODY_LIMIT_BYTES', 16 * 1024 * 1024),
    jobs: {
      workersInProcess: flag(env, 'JOB_WORKERS_IN_PROCESS', true),
      pollIntervalSeconds: Math.max(positive(env, 'JOB_POLL_INTERVAL_MS', 1000), 500) / 1000,
      maintenanceIntervalSeconds: positive(env, 'JOB_MAINTENANCE_INTERVAL_SECONDS', 60),
      chunkTimeoutSeconds: positive(env, 'SYNC_CHUNK_TIMEOUT_SECONDS', 300),
      chunkRetryLimit: integer(env, 'SYNC_CHUNK_RETRY_LIMIT', 5),
      syncBatchSize: positive(env, 'SYNC_BATCH_SIZE', 500),
      retentionDays: positive(env, 'SYNC_RETENTION_DAYS', 7),
      eventRetryLimit: integer(env, 'EVENT_RETRY_LIMIT', 8),
      outboxPollIntervalMs: positive(env, 'OUTBOX_POLL_INTERVAL_MS', 5000),
      schedules: flag(env, 'JOB_SCHEDULES', true),
    },
    mail: {
      smtpUrl: smtpUrl(env.SMTP_URL),
      from: env.MAIL_FROM || 'customer-graph <no-reply@customer-graph.local>',
      retryLimit: integer(env, 'MAIL_RETRY_LIMIT', 5),
      retryDelaySeconds: positive(env, 'MAIL_RETRY_DELAY_SECONDS', 60),
    },
  };
  if (production) assertProductionSecrets(config);
  return config;
}

function assertProductionSecrets(config: Config): void {
  const problems: string[] = [];
  if (config.auth.agentJwtSecret === DEVELOPMENT_AGENT_JWT_SECRET) {
    problems.push('AGENT_JWT_SECRET is the development default');
  }
  if (config.auth.subgraphSecret === DEVELOPMENT_SUBGRAPH_SECRET) {
    problems.push('SUBGRAPH_SIGNING_SECRET is the development default');
  }
  for (const [name, secret] of [
    ['AGENT_JWT_SECRET', config.auth.agentJwtSecret],
    ['SUBGRAPH_SIGNING_SECRET', config.auth.subgraphSecret],
  ] as const) {
    if (secret.length < 32) problems.push(`${name} must be at least 32 characters`);
  }
  if (config.console.demoSignIn) {
    problems.push('CONSOLE_DEMO_SIGN_IN signs anyone in by e-mail alone');
  }
  if (problems.length > 0) {
    throw new ConfigError(`Refusing to start in production: ${problems.join('; ')}`);
  }
}

let loaded: Config | undefined;

/** The process's configuration, read from the environment once. */
export function config(): Config {
  loaded ??= loadConfig(process.env);
  return loaded;
}
