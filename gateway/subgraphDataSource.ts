import { GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { Histogram } from 'prom-client';
import type { Config } from '../shared/config';
import { REFUSAL_CODES } from '../shared/errors';
import { Identity, IDENTITY_HEADER, signForwardedIdentity } from '../shared/identity';
import { subgraphFetcher } from './subgraphFetcher';

export interface GatewayContext {
  identity: Identity;
  requestId: string;
}

/**
 * Every subgraph call after the first reuses a keep-alive socket; the timeout bounds how long one
 * slow subgraph can hold a request: past it, that call fails and the client still gets the other
 * subgraphs' data.
 *
 * Forwards the verified caller to the subgraph in a header signed with the shared secret; the
 * subgraph trusts nothing else, so a client calling it directly gets 401.
 */
export class SignedIdentityDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly serviceName: string;
  private readonly fetches: Histogram<'subgraph' | 'outcome'> | undefined;

  constructor(
    options: {
      name: string;
      url: string;
      timeoutMs: number;
      /** Times every fetch to this subgraph (`/metrics`), `error` when it failed or timed out. */
      fetches?: Histogram<'subgraph' | 'outcome'>;
    },
    private readonly auth: Config['auth'],
  ) {
    super({ url: options.url, fetcher: subgraphFetcher(options.timeoutMs) });
    this.serviceName = options.name;
    this.fetches = options.fetches;
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const timer = this.fetches?.startTimer({ subgraph: this.serviceName });
    try {
      const response = await super.process(options);
      timer?.({ outcome: 'ok' });
      return response;
    } catch (error) {
      timer?.({ outcome: 'error' });
      throw error;
    }
  }

  /**
   * A subgraph that cannot be reached, times out or answers with an HTTP error would otherwise
   * surface as an anonymous internal error; this names the service so the client knows which
   * part of its answer is missing. A refusal the subgraph wrote for the client (a variable its
   * scalar rejected with HTTP 400, say) keeps its code and message.
   */
  override didEncounterError(error: Error): never {
    const refusal = refusalIn(error);
    if (refusal) {
      throw new GraphQLError(refusal.message, {
        extensions: { code: refusal.code, serviceName: this.serviceName },
      });
    }
    throw new GraphQLError(`The ${this.serviceName} service failed: ${error.message}`, {
      originalError: error,
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.serviceName },
    });
  }

  override willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    if (!context.identity) return;
    request.http?.headers.set(IDENTITY_HEADER, signForwardedIdentity(context.identity, this.auth));
    request.http?.headers.set('x-request-id', context.requestId);
  }
}

interface ErrorBody {
  errors?: { message?: unknown; extensions?: { code?: unknown } }[];
}

/** The first client-facing refusal in a subgraph's non-2xx answer, if that is what it was. */
function refusalIn(error: Error): { message: string; code: string } | null {
  if (!(error instanceof GraphQLError)) return null;
  const response = error.extensions.response as { body?: ErrorBody } | undefined;
  const first = response?.body?.errors?.[0];
  const code = first?.extensions?.code;
  if (typeof code !== 'string' || !REFUSAL_CODES.has(code) || typeof first?.message !== 'string') {
    return null;
  }
  return { message: first.message, code };
}
