import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A started bare hop: where to send requests, and how to stop it. */
export interface BareHop {
  url: string;
  stop(): Promise<void>;
}

/**
 * The least any gateway process could add to a call: a Node HTTP server that reads each request
 * and sends it on to `target` over a keep-alive socket, parses and writes back the JSON answer,
 * and does nothing else (no authentication, no GraphQL). Loaded beside the gateway and the direct
 * call, it shows how much of the gateway's cost on this machine one more process and one more
 * hop take by themselves (docs/performance.md). Runs in the benchmark's own process, which is
 * idle while a load generator in another process sends requests.
 */
export async function startBareHop(target: string): Promise<BareHop> {
  const agent = new http.Agent({ keepAlive: true, timeout: 4000 });
  const upstream = new URL(target);
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers: http.OutgoingHttpHeaders = { ...req.headers, host: upstream.host };
      const call = http.request(upstream, { method: 'POST', headers, agent }, (answer) => {
        const body: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => body.push(chunk));
        answer.on('end', () => {
          // Parsed and written again, as a gateway that merges answers must.
          const json = JSON.stringify(JSON.parse(Buffer.concat(body).toString('utf8')));
          res.writeHead(answer.statusCode ?? 502, { 'content-type': 'application/json' });
          res.end(json);
        });
      });
      call.on('error', () => {
        res.writeHead(502).end();
      });
      call.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}${upstream.pathname}`,
    stop: async () => {
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
