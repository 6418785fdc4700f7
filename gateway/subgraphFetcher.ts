import http from 'node:http';
import https from 'node:https';
import type { Fetcher, FetcherRequestInit } from '@apollo/utils.fetcher';
import { SubgraphAnswer } from './subgraphAnswer';

/**
 * Subgraph calls over Node's http module with keep-alive agents, answered as fetch would.
 * Node's fetch (undici) cost the gateway more CPU per call than the subgraph spent answering a
 * ticket by id (docs/performance.md); the gateway needs none of what fetch adds (streams,
 * redirects, CORS), only POSTs of JSON to known URLs. `timeoutMs` bounds the whole call: past
 * it the request is destroyed and the call fails, so one slow subgraph cannot hold a request.
 *
 * A subgraph closes a keep-alive socket after 5 s idle (Node's default); a call written to it at
 * that moment fails with ECONNRESET before the subgraph read anything. Idle sockets are dropped
 * here first, after 4 s, and a call that still meets a reset on a reused socket is sent once more
 * on a new one (the 50-connection soak had 41 such failures in 9,616 requests before). A
 * mutation is not sent again: the subgraph may have read and applied it before the reset (a
 * replica that died mid-request), and a client must never see one change applied twice.
 */
const IDLE_SOCKET_MS = 4000;

/** Only read when a call has failed, so the hot path parses nothing. */
function isMutation(init: FetcherRequestInit): boolean {
  if (typeof init.body !== 'string') return true;
  try {
    const { query } = JSON.parse(init.body) as { query?: unknown };
    return typeof query !== 'string' || /^\s*mutation\b/.test(query);
  } catch {
    return true;
  }
}

export function subgraphFetcher(timeoutMs: number): Fetcher {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
    'https:': new https.Agent({ keepAlive: true, timeout: IDLE_SOCKET_MS }),
  };
  const call = (url: string, init: FetcherRequestInit = {}, retry = true) =>
    new Promise<SubgraphAnswer>((resolve, reject) => {
      const target = new URL(url);
      const transport = target.protocol === 'https:' ? https : http;
      const request = transport.request(
        target,
        {
          method: init.method ?? 'GET',
          headers: init.headers,
          agent: target.protocol === 'https:' ? agents['https:'] : agents['http:'],
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            clearTimeout(deadline);
            resolve(SubgraphAnswer.of(url, response, Buffer.concat(chunks)));
          });
        },
      );
      const deadline = setTimeout(
        () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
      request.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(deadline);
        if (retry && request.reusedSocket && error.code === 'ECONNRESET' && !isMutation(init)) {
          resolve(call(url, init, false));
        } else {
          reject(error);
        }
      });
      request.end(init.body);
    });
  const fetcher: Fetcher = (url, init) => call(url, init);
  return fetcher;
}
