import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import type { Config } from '../shared/config';
import { Identity, IDENTITY_HEADER, signForwardedIdentity } from '../shared/identity';

export interface GatewayContext {
  identity: Identity;
  requestId: string;
}

/**
 * Node's built-in fetch pools keep-alive connections per origin, so every subgraph call after
 * the first reuses a socket. The timeout bounds how long one slow subgraph can hold a request:
 * past it, that fetch fails and the client still gets the other subgraphs' data.
 */
export function fetcherWithTimeout(timeoutMs: number): Fetcher {
  return ((url: string, init?: RequestInit) =>
    fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as unknown as Fetcher;
}

/**
 * Forwards the verified caller to the subgraph in a header signed with the shared secret; the
 * subgraph trusts nothing else, so a client calling it directly gets 401.
 */
export class SignedIdentityDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    options: { url: string; timeoutMs: number },
    private readonly auth: Config['auth'],
  ) {
    super({ url: options.url, fetcher: fetcherWithTimeout(options.timeoutMs) });
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
