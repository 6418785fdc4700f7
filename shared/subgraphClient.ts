import type { Config } from './config';
import { REFUSAL_CODES } from './errors';
import { type Identity, IDENTITY_HEADER, signForwardedIdentity } from './identity';

export interface SubgraphCallError {
  message: string;
  extensions?: { code?: string } & Record<string, unknown>;
}

/** The target refused or failed; `codes` keeps its `extensions.code`s for the caller to act on. */
export class SubgraphCallFailed extends Error {
  constructor(
    readonly target: string,
    readonly errors: SubgraphCallError[],
    readonly status: number,
  ) {
    super(`${target} answered ${status}: ${errors.map((e) => e.message).join('; ')}`);
    this.name = 'SubgraphCallFailed';
  }

  get codes(): string[] {
    return this.errors.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
  }
}

/**
 * The target's refusals (its permissions, its validation: the errors it wrote for the client), or
 * none when the call failed otherwise (unreachable, a 5xx, a bug), which a caller retries or
 * reports as its own failure rather than as the other service's answer.
 */
export function refusalsOf(error: unknown): SubgraphCallError[] {
  if (!(error instanceof SubgraphCallFailed) || error.status >= 500) return [];
  return error.errors.filter((e) => REFUSAL_CODES.has(String(e.extensions?.code)));
}

export interface SubgraphClient {
  request<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

/**
 * How a job writes to another subgraph: through that subgraph's GraphQL API, signed with the
 * shared secret exactly as the gateway signs its calls, never through the other's tables.
 */
export function subgraphClient(options: {
  target: string;
  url: string;
  /** A service's own identity for jobs; an agent's, relayed as is, to ask on that agent's behalf. */
  identity: Identity;
  auth: Config['auth'];
  timeoutMs: number;
}): SubgraphClient {
  return {
    async request<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          // Signed per call: a forwarded identity lives only as long as one request needs.
          [IDENTITY_HEADER]: signForwardedIdentity(options.identity, options.auth),
        },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const text = await response.text();
      let body: { data?: T | null; errors?: SubgraphCallError[] };
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        throw new SubgraphCallFailed(
          options.target,
          [{ message: text.slice(0, 200) }],
          response.status,
        );
      }
      if (body.errors?.length || !response.ok || !body.data) {
        throw new SubgraphCallFailed(
          options.target,
          body.errors ?? [{ message: 'no data' }],
          response.status,
        );
      }
      return body.data;
    },
  };
}
