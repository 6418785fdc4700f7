import { Graph, postGraphQL, startGraph } from './harness';
import { expectNoErrors } from './expectations';

const TICKETS = /* GraphQL */ `
  query MetricsTickets {
    tickets(first: 2) {
      nodes {
        number
        contact {
          name
        }
      }
    }
  }
`;

/** A light agent may not see accounts: the field is null with a FORBIDDEN error. */
const ACCOUNTS = /* GraphQL */ `
  query MetricsAccounts {
    accounts(first: 1) {
      nodes {
        name
      }
    }
  }
`;

async function scrape(url: string): Promise<string> {
  const response = await fetch(new URL('/metrics', url));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

/** `name{a="1",b="2"}` with its labels sorted, as prom-client does not keep them in one order. */
function normalised(series: string): string {
  const match = /^([^{]+)\{(.*)\}$/.exec(series);
  if (!match) return series;
  return `${match[1]}{${match[2]
    .split(/,(?=\w+=")/)
    .sort()
    .join(',')}}`;
}

/** The value of the series with exactly these labels, or undefined when there is none. */
function sample(text: string, series: string): number | undefined {
  const wanted = normalised(series);
  for (const line of text.split('\n')) {
    const space = line.lastIndexOf(' ');
    if (space > 0 && normalised(line.slice(0, space)) === wanted) {
      return Number(line.slice(space + 1));
    }
  }
  return undefined;
}

describe('/metrics on the gateway and the subgraphs', () => {
  let graph: Graph;

  beforeAll(async () => {
    graph = await startGraph();
    for (let i = 0; i < 3; i += 1) expectNoErrors(await graph.query('admin', TICKETS));
    const refused = await graph.query('light', ACCOUNTS);
    expect(refused.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    const invalid = await graph.query('admin', '{ noSuchField }');
    expect(invalid.status).toBe(400);
    // Refused before Apollo reads it: counted all the same.
    const unreadable = await fetch(graph.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${graph.tokens.admin}`,
      },
      body: '{ not json',
    });
    expect(unreadable.status).toBe(400);
    // Straight to desk without the gateway's signature: 401, counted as UNAUTHENTICATED.
    const direct = await postGraphQL(graph.subgraphUrls.desk, {}, { query: '{ __typename }' });
    expect(direct.status).toBe(401);
  });
  afterAll(() => graph.stop());

  it('counts and times the gateway requests by operation name, anonymous ones apart', async () => {
    const text = await scrape(graph.gatewayUrl);
    const tickets = 'service="gateway",operation="MetricsTickets"';
    expect(sample(text, `graphql_requests_total{${tickets}}`)).toBe(3);
    expect(sample(text, `graphql_request_duration_seconds_count{${tickets}}`)).toBe(3);
    expect(sample(text, `graphql_request_duration_seconds_bucket{le="+Inf",${tickets}}`)).toBe(3);
    expect(
      sample(text, 'graphql_requests_total{service="gateway",operation="MetricsAccounts"}'),
    ).toBe(1);
    expect(sample(text, 'graphql_requests_total{service="gateway",operation="anonymous"}')).toBe(1);
  });

  it("counts the gateway's errors by the code the client saw, refusals before GraphQL included", async () => {
    const text = await scrape(graph.gatewayUrl);
    expect(sample(text, 'graphql_errors_total{service="gateway",code="FORBIDDEN"}')).toBe(1);
    expect(
      sample(text, 'graphql_errors_total{service="gateway",code="GRAPHQL_VALIDATION_FAILED"}'),
    ).toBe(1);
    expect(sample(text, 'graphql_errors_total{service="gateway",code="BAD_REQUEST"}')).toBe(1);
  });

  it('times every fetch to a subgraph, by subgraph', async () => {
    const text = await scrape(graph.gatewayUrl);
    const desk = sample(
      text,
      'gateway_subgraph_fetch_duration_seconds_count{service="gateway",subgraph="desk",outcome="ok"}',
    );
    // Three ticket pages and one refused accounts page, each one fetch to desk.
    expect(desk).toBe(4);
    expect(text).toContain('process_resident_memory_bytes{service="gateway"}');
  });

  it("counts a subgraph's requests by the gateway's operation names and its refusals by code", async () => {
    const text = await scrape(graph.subgraphUrls.desk);
    expect(
      sample(text, 'graphql_requests_total{service="desk",operation="MetricsTickets__desk__0"}'),
    ).toBe(3);
    expect(sample(text, 'graphql_errors_total{service="desk",code="UNAUTHENTICATED"}')).toBe(1);
    expect(sample(text, 'graphql_errors_total{service="desk",code="FORBIDDEN"}')).toBe(1);
  });

  it("reports the depth of the subgraph's job queues, a zero for an idle queue included", async () => {
    const queue = 'desk-sync-run';
    const series = (state: string) =>
      `job_queue_depth{service="desk",queue="${queue}",state="${state}"}`;
    const before = sample(await scrape(graph.subgraphUrls.desk), series('created'));
    expect(before).toBeGreaterThanOrEqual(0);
    // No worker runs in this graph, so a job sent now waits in the queue.
    const id = await graph.jobs.desk.send(queue, { probe: true });
    const text = await scrape(graph.subgraphUrls.desk);
    // Gone before a worker of another suite could take it.
    if (id) await graph.jobs.desk.deleteJob(queue, id);
    expect(sample(text, series('created'))).toBe((before ?? 0) + 1);
    expect(sample(text, series('active'))).toBeGreaterThanOrEqual(0);
    expect(text).not.toMatch(/job_queue_depth\{service="desk",queue="(?!desk-)/);
  });

  it('is not served when METRICS_ENABLED is off', async () => {
    const quiet = await graph.startGateway({
      configure: (settings) => ({ ...settings, metrics: { ...settings.metrics, enabled: false } }),
    });
    const response = await fetch(new URL('/metrics', quiet.url));
    expect(response.status).toBe(404);
  });
});
