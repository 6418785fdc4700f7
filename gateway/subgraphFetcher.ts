import http from 'node:http';
import https from 'node:https';
import type { Fetcher, FetcherRequestInit } from '@apollo/utils.fetcher';

/**
 * Subgraph calls over Node's http module with keep-alive agents, answered as a WHATWG Response.
 * Node's fetch (undici) cost the gateway more CPU per call than the subgraph spent answering a
 * ticket by id (docs/performance.md); the gateway needs none of what fetch adds (streams,
 * redirects, CORS), only POSTs of JSON to known URLs. `timeoutMs` bounds the whole call: past
 * it the request is destroyed and the call fails, so one slow subgraph cannot hold a request.
 */
export function subgraphFetcher(timeoutMs: number): Fetcher {
  const agents = {
    'http:': new http.Agent({ keepAlive: true }),
    'https:': new https.Agent({ keepAlive: true }),
  };
  const call = (url: string, init: FetcherRequestInit = {}) =>
    new Promise<Response>((resolve, reject) => {
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
            const headers = new Headers();
            for (const [name, value] of Object.entries(response.headers)) {
              if (value === undefined) continue;
              for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
            }
            const status = response.statusCode ?? 500;
            const body = chunks.length === 0 || status === 204 || status === 304;
            resolve(
              new Response(body ? null : Buffer.concat(chunks), {
                status,
                statusText: response.statusMessage ?? '',
                headers,
              }),
            );
          });
        },
      );
      const deadline = setTimeout(
        () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
      request.on('error', (error) => {
        clearTimeout(deadline);
        reject(error);
      });
      request.end(init.body);
    });
  return call as unknown as Fetcher;
}
