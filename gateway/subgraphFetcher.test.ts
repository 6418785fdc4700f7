import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { subgraphFetcher } from './subgraphFetcher';

/** A server that answers each socket's first request and handles later ones as told. */
async function server(onLater: 'reset' | 'hang' | 'answer') {
  const served = new WeakMap<object, number>();
  let requests = 0;
  const http1 = http.createServer((req, res) => {
    requests += 1;
    const count = (served.get(req.socket) ?? 0) + 1;
    served.set(req.socket, count);
    req.resume();
    req.on('end', () => {
      if (count > 1 && onLater === 'reset') {
        req.socket.destroy();
      } else if (count === 1 || onLater === 'answer') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ data: { count } }));
      }
    });
  });
  await new Promise<void>((resolve) => http1.listen(0, resolve));
  const url = `http://localhost:${(http1.address() as AddressInfo).port}/graphql`;
  return {
    url,
    requests: () => requests,
    close: () => {
      http1.closeAllConnections();
      return new Promise<void>((resolve) => http1.close(() => resolve()));
    },
  };
}

const request = (query: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query }),
});
const post = request('query Ticket__desk__0 { ticket(id: "1") { id } }');
const mutation = request('mutation CreateTicket__desk__0 { createTicket(input: {}) { id } }');

describe('subgraphFetcher', () => {
  it('reuses a keep-alive socket and answers like fetch', async () => {
    const subgraph = await server('answer');
    const fetcher = subgraphFetcher(2000);
    try {
      expect(await (await fetcher(subgraph.url, post)).json()).toEqual({ data: { count: 1 } });
      const second = await fetcher(subgraph.url, post);
      expect(second.status).toBe(200);
      expect(second.headers.get('content-type')).toBe('application/json');
      expect(await second.json()).toEqual({ data: { count: 2 } });
    } finally {
      await subgraph.close();
    }
  });

  it('answers an HTTP error like fetch: not ok, its body readable once, headers in any case', async () => {
    const failing = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(503, 'Service Unavailable', {
          'Content-Type': 'application/json',
          'Retry-After': '5',
        });
        res.end('{"errors":[{"message":"down"}]}');
      });
    });
    await new Promise<void>((resolve) => failing.listen(0, resolve));
    const url = `http://localhost:${(failing.address() as AddressInfo).port}/graphql`;
    try {
      const answer = await subgraphFetcher(2000)(url, post);
      expect(answer.ok).toBe(false);
      expect(answer.status).toBe(503);
      expect(answer.statusText).toBe('Service Unavailable');
      expect(answer.url).toBe(url);
      expect(answer.headers.get('retry-after')).toBe('5');
      expect(answer.headers.get('Content-Type')).toBe('application/json');
      const copy = answer.clone();
      expect(await answer.json()).toEqual({ errors: [{ message: 'down' }] });
      expect(answer.bodyUsed).toBe(true);
      await expect(answer.text()).rejects.toThrow('already been read');
      expect(await copy.text()).toBe('{"errors":[{"message":"down"}]}');
    } finally {
      failing.closeAllConnections();
      await new Promise<void>((resolve) => failing.close(() => resolve()));
    }
  });

  it('resends once on a new socket a call reset on a reused one', async () => {
    const subgraph = await server('reset');
    const fetcher = subgraphFetcher(2000);
    try {
      await fetcher(subgraph.url, post);
      expect(await (await fetcher(subgraph.url, post)).json()).toEqual({ data: { count: 1 } });
      expect(subgraph.requests()).toBe(3);
    } finally {
      await subgraph.close();
    }
  });

  it('never resends a mutation, which the subgraph may have applied before the reset', async () => {
    const subgraph = await server('reset');
    const fetcher = subgraphFetcher(2000);
    try {
      await fetcher(subgraph.url, mutation);
      await expect(fetcher(subgraph.url, mutation)).rejects.toThrow();
      expect(subgraph.requests()).toBe(2);
    } finally {
      await subgraph.close();
    }
  });

  it('fails a call that gets no answer in time', async () => {
    const subgraph = await server('hang');
    const fetcher = subgraphFetcher(300);
    try {
      await fetcher(subgraph.url, post);
      await expect(fetcher(subgraph.url, post)).rejects.toThrow('no answer within 300 ms');
    } finally {
      await subgraph.close();
    }
  });
});
