import { buildSchema, Kind, type OperationDefinitionNode, parse } from 'graphql';
import {
  DEFAULT_LIST_SIZE,
  fragmentsOf,
  operationAliases,
  operationCost,
  operationDepth,
} from './measure';

const schema = buildSchema(`
  type Query {
    tickets(first: Int, after: String): TicketConnection!
    allTickets: TicketConnection!
    ticket(id: ID!): Ticket
  }
  type TicketConnection { totalCount: Int! nodes: [Ticket!]! edges: [TicketEdge!]! }
  type TicketEdge { node: Ticket! }
  type Ticket {
    id: ID!
    subject: String!
    comments: [Comment!]!
    recentShipments(first: Int): [Shipment!]!
    contact: Contact
  }
  type Comment { id: ID! }
  type Shipment { id: ID! }
  type Contact { id: ID! tickets(first: Int): TicketConnection! }
`);

function measured(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const fragments = fragmentsOf(document);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) throw new Error('no operation');
  return {
    depth: operationDepth(operation, fragments),
    aliases: operationAliases(operation, fragments),
    cost: operationCost(operation, fragments, schema, variables),
  };
}

describe('operationDepth', () => {
  it('counts fields nested in fields, through inline fragments and fragment spreads', () => {
    expect(measured('{ ticket(id: "1") { id } }').depth).toBe(2);
    expect(measured('{ ticket(id: "1") { ... on Ticket { contact { id } } } }').depth).toBe(3);
    expect(
      measured(`
        { ticket(id: "1") { id ...Deep } }
        fragment Deep on Ticket { contact { tickets { nodes { id } } } }
      `).depth,
    ).toBe(5);
  });

  it('ends on a fragment cycle and on an unknown fragment, measuring them as empty', () => {
    const cycle = measured(`
      { ticket(id: "1") { ...A } }
      fragment A on Ticket { contact { ...B } }
      fragment B on Contact { tickets { nodes { ...A } } }
    `);
    expect(cycle.depth).toBe(4);
    expect(Number.isFinite(cycle.cost)).toBe(true);
    expect(measured('{ ticket(id: "1") { id ...Missing } }').depth).toBe(2);
  });
});

describe('operationAliases', () => {
  it("counts a fragment's aliases each time it is spread", () => {
    expect(
      measured(`
        { a: ticket(id: "1") { id } ...F ...F }
        fragment F on Query { b: ticket(id: "2") { c: id } }
      `).aliases,
    ).toBe(5);
  });
});

describe('operationCost', () => {
  it('multiplies a connection by its page, and its nodes are that page', () => {
    // 1 + 5 × (totalCount + nodes + 1 × (id + subject))
    expect(measured('{ tickets(first: 5) { totalCount nodes { id subject } } }').cost).toBe(21);
    // edges and node alike: 1 + 2 × (edges + node + id + comments + 10 × id)
    expect(measured('{ tickets(first: 2) { edges { node { id comments { id } } } } }').cost).toBe(
      1 + 2 * (1 + 1 + 1 + 1 + DEFAULT_LIST_SIZE),
    );
  });

  it('takes the default list size for a page not given and for a list without pages', () => {
    expect(measured('{ tickets { nodes { id } } }').cost).toBe(1 + DEFAULT_LIST_SIZE * 2);
    expect(measured('{ ticket(id: "1") { comments { id } } }').cost).toBe(2 + DEFAULT_LIST_SIZE);
  });

  it('multiplies a paginated list by the page it asks for', () => {
    expect(measured('{ ticket(id: "1") { recentShipments(first: 3) { id } } }').cost).toBe(5);
  });

  it("reads a page size from the request's variables, else from the variable's default", () => {
    const query = 'query ($n: Int) { tickets(first: $n) { nodes { id } } }';
    expect(measured(query, { n: 3 }).cost).toBe(7);
    expect(measured(query).cost).toBe(1 + DEFAULT_LIST_SIZE * 2);
    expect(measured('query ($n: Int = 4) { tickets(first: $n) { nodes { id } } }').cost).toBe(9);
  });

  it('multiplies the pages of nested connections', () => {
    // inner: 1 + 10 × 2 = 21; outer: 1 + 10 × (nodes + contact + 21)
    expect(
      measured(
        '{ tickets(first: 10) { nodes { contact { tickets(first: 10) { nodes { id } } } } } }',
      ).cost,
    ).toBe(231);
  });

  it("measures a fragment by where it is spread: a connection's page or not", () => {
    expect(
      measured(`
        { tickets(first: 5) { ...Page } allTickets { ...Page } }
        fragment Page on TicketConnection { nodes { id } }
      `).cost,
    ).toBe(1 + 5 * 2 + (1 + 1 + DEFAULT_LIST_SIZE));
  });

  it('measures introspection like any other query', () => {
    expect(measured('{ __typename __schema { types { name } } }').cost).toBe(
      1 + 1 + 1 + DEFAULT_LIST_SIZE,
    );
  });

  it('measures fragments that spread each other twice over in linear time', () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1
        ? `fragment F${i} on Ticket { id }`
        : `fragment F${i} on Ticket { ...F${i + 1} ...F${i + 1} }`,
    );
    const started = Date.now();
    const { cost, depth } = measured(`{ ticket(id: "1") { ...F0 } } ${fragments.join(' ')}`);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(cost).toBe(1 + 2 ** (levels - 1));
    expect(depth).toBe(2);
  });
});
