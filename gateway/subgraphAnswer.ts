import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { FetcherHeaders, FetcherResponse } from '@apollo/utils.fetcher';

/** A subgraph's response headers, names lower-cased, repeated values joined as fetch joins them. */
class AnswerHeaders implements FetcherHeaders {
  private readonly byName = new Map<string, string>();

  constructor(raw: IncomingHttpHeaders) {
    for (const [name, value] of Object.entries(raw)) {
      if (value === undefined) continue;
      this.byName.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
  }

  append(name: string, value: string): void {
    const key = name.toLowerCase();
    const existing = this.byName.get(key);
    this.byName.set(key, existing === undefined ? value : `${existing}, ${value}`);
  }

  delete(name: string): void {
    this.byName.delete(name.toLowerCase());
  }

  get(name: string): string | null {
    return this.byName.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  set(name: string, value: string): void {
    this.byName.set(name.toLowerCase(), value);
  }

  entries(): IterableIterator<[string, string]> {
    return this.byName.entries();
  }

  keys(): IterableIterator<string> {
    return this.byName.keys();
  }

  values(): IterableIterator<string> {
    return this.byName.values();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.byName.entries();
  }
}

/**
 * A subgraph's whole answer, already read, as the gateway's data sources read a fetch Response.
 * Building a WHATWG Response around a buffer that is already in memory cost the gateway web
 * streams and undici's header bookkeeping on every subgraph call (docs/performance.md); the data
 * sources only ever read the status, a header and the body once.
 */
export class SubgraphAnswer implements FetcherResponse {
  readonly redirected = false;
  private used = false;

  private constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    readonly headers: FetcherHeaders,
    private readonly body: Buffer,
  ) {}

  /** The answer to a call to `url`: the response's status and headers, and its body read whole. */
  static of(url: string, response: IncomingMessage, body: Buffer): SubgraphAnswer {
    return new SubgraphAnswer(
      url,
      response.statusCode ?? 500,
      response.statusMessage ?? '',
      new AnswerHeaders(response.headers),
      body,
    );
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  get bodyUsed(): boolean {
    return this.used;
  }

  async text(): Promise<string> {
    return this.take().toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown;
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const body = this.take();
    return new Uint8Array(body).buffer;
  }

  clone(): SubgraphAnswer {
    if (this.used) throw new TypeError('The body of this answer has already been read');
    return new SubgraphAnswer(this.url, this.status, this.statusText, this.headers, this.body);
  }

  private take(): Buffer {
    if (this.used) throw new TypeError('The body of this answer has already been read');
    this.used = true;
    return this.body;
  }
}
