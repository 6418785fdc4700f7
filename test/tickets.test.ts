import { randomUUID } from 'node:crypto';
import { encodeCursor } from '../shared/pagination';
import { Graph, startGraph } from './harness';

interface TicketNode {
  id: string;
  number: number;
  status: string;
}

interface TicketPage {
  tickets: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: TicketNode[];
  };
}

const PAGE = /* GraphQL */ `
  query Page($first: Int, $after: String, $filter: TicketFilter) {
    tickets(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        number
        status
      }
    }
  }
`;

describe('DSK-1 tickets and the desk catalogue', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph.stop());

  it('seeds departments, agents in every profile, accounts, contacts and products', async () => {
    const res = await graph.query<{
      departments: { name: string }[];
      agentProfiles: { name: string }[];
      agents: { nodes: { profile: { name: string } }[] };
      products: { totalCount: number };
      accounts: { totalCount: number };
      contacts: { totalCount: number };
    }>(
      'admin',
      `{ departments { name } agentProfiles { name }
         agents(first: 100) { nodes { profile { name } } }
         products { totalCount } accounts { totalCount } contacts { totalCount } }`,
    );
    expect(res.errors).toBeUndefined();
    const data = res.data!;
    expect(data.departments.length).toBeGreaterThanOrEqual(4);
    const seeded = ['Administrator', 'Agent', 'New agent', 'Light agent'];
    expect(data.agentProfiles.map((p) => p.name)).toEqual(expect.arrayContaining(seeded));
    const staffed = new Set(data.agents.nodes.map((a) => a.profile.name));
    for (const profile of seeded) expect(staffed).toContain(profile);
    expect(data.products.totalCount).toBeGreaterThan(0);
    expect(data.contacts.totalCount).toBeGreaterThan(data.accounts.totalCount);
  });

  it('pages through tickets with cursors, newest number first, without overlap', async () => {
    const first = await graph.query<TicketPage>('admin', PAGE, { first: 10 });
    const second = await graph.query<TicketPage>('admin', PAGE, {
      first: 10,
      after: first.data!.tickets.pageInfo.endCursor,
    });
    const numbers = [...first.data!.tickets.nodes, ...second.data!.tickets.nodes].map(
      (t) => t.number,
    );
    expect(numbers).toHaveLength(20);
    expect([...numbers].sort((a, b) => b - a)).toEqual(numbers);
    expect(new Set(numbers).size).toBe(20);
    expect(first.data!.tickets.pageInfo.hasNextPage).toBe(true);
    expect(first.data!.tickets.totalCount).toBeGreaterThan(20);
  });

  it('ends with hasNextPage false on the last page', async () => {
    const all = await graph.query<TicketPage>('admin', PAGE, {
      first: 100,
      filter: { status: 'ESCALATED' },
    });
    const page = all.data!.tickets;
    expect(page.nodes.every((t) => t.status === 'ESCALATED')).toBe(true);
    expect(page.nodes.length).toBe(Math.min(page.totalCount, 100));
    expect(page.pageInfo.hasNextPage).toBe(page.totalCount > 100);
  });

  it.each([
    [{ first: 101 }, 'first must be between 1 and 100'],
    [{ first: 0 }, 'first must be between 1 and 100'],
    [{ first: 5, after: 'not-a-cursor' }, 'after is not a cursor'],
    // Well-formed cursors whose values do not fit the ticket number and id they stand for.
    [{ first: 5, after: encodeCursor([12, 'not-a-uuid']) }, 'after is not a cursor'],
    [{ first: 5, after: encodeCursor(['twelve', randomUUID()]) }, 'after is not a cursor'],
    [{ first: 5, filter: { contactId: 'x' } }, 'contactId "x" is not a valid id'],
  ])('refuses %j with BAD_USER_INPUT', async (variables, message) => {
    const res = await graph.query('admin', PAGE, variables);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toContain(message);
  });

  it('finds a ticket by id and by number, and answers null for one that does not exist', async () => {
    const page = await graph.query<TicketPage>('admin', PAGE, { first: 1 });
    const { id, number } = page.data!.tickets.nodes[0];
    const res = await graph.query<{
      byId: { number: number } | null;
      byNumber: { id: string } | null;
      missing: unknown;
    }>(
      'admin',
      `query($id: ID!, $number: Int!) {
        byId: ticket(id: $id) { number }
        byNumber: ticketByNumber(number: $number) { id }
        missing: ticket(id: "00000000-0000-4000-8000-000000000000") { id }
      }`,
      { id, number },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ byId: { number }, byNumber: { id }, missing: null });
  });

  describe('creating and updating tickets', () => {
    let contactId: string;
    let departmentId: string;
    let productIds: string[];

    beforeAll(async () => {
      const res = await graph.query<{
        contacts: { nodes: { id: string }[] };
        departments: { id: string }[];
        products: { nodes: { id: string }[] };
      }>(
        'admin',
        '{ contacts(first: 1) { nodes { id } } departments { id } products(first: 2) { nodes { id } } }',
      );
      contactId = res.data!.contacts.nodes[0].id;
      departmentId = res.data!.departments[0].id;
      productIds = res.data!.products.nodes.map((p) => p.id);
    });

    const CREATE = `mutation($input: CreateTicketInput!) {
      createTicket(input: $input) { id number status priority channel subject products { id } contact { id } }
    }`;

    it('creates a ticket with the next number and its products', async () => {
      const res = await graph.query<{
        createTicket: { id: string; number: number; status: string; products: { id: string }[] };
      }>('agent', CREATE, {
        input: {
          subject: '  Printer on fire  ',
          contactId,
          departmentId,
          productIds,
          priority: 'URGENT',
        },
      });
      expect(res.errors).toBeUndefined();
      const ticket = res.data!.createTicket;
      expect(ticket).toMatchObject({
        status: 'OPEN',
        subject: 'Printer on fire',
        priority: 'URGENT',
        channel: 'WEB',
      });
      expect(ticket.products.map((p) => p.id).sort()).toEqual([...productIds].sort());
      const [{ max }] = await graph.dataSources.desk.query(
        'SELECT max(number) AS max FROM desk.ticket',
      );
      expect(ticket.number).toBe(max);
    });

    it.each([
      [{ subject: '   ' }, 'BAD_USER_INPUT', 'subject must not be empty'],
      [{ contactId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'Contact'],
      [{ departmentId: 'nope' }, 'NOT_FOUND', 'Department "nope"'],
      [{ productIds: ['00000000-0000-4000-8000-000000000001'] }, 'NOT_FOUND', 'Product'],
    ])('refuses %j and writes nothing', async (override, code, message) => {
      const [{ count: before }] = await graph.dataSources.desk.query(
        'SELECT count(*)::int AS count FROM desk.ticket',
      );
      const res = await graph.query('agent', CREATE, {
        input: { subject: 'Refused', contactId, departmentId, ...override },
      });
      expect(res.errors?.[0].extensions?.code).toBe(code);
      expect(res.errors?.[0].message).toContain(message);
      const [{ count: after }] = await graph.dataSources.desk.query(
        'SELECT count(*)::int AS count FROM desk.ticket',
      );
      expect(after).toBe(before);
    });

    it('closing a ticket stamps closedAt; reopening clears it', async () => {
      const created = await graph.query<{ createTicket: { id: string } }>('agent', CREATE, {
        input: { subject: 'Close me', contactId, departmentId },
      });
      const id = created.data!.createTicket.id;
      const UPDATE = `mutation($id: ID!, $input: UpdateTicketInput!) {
        updateTicket(id: $id, input: $input) { status closedAt products { id } }
      }`;
      const closed = await graph.query<{
        updateTicket: { status: string; closedAt: string | null };
      }>('agent', UPDATE, { id, input: { status: 'CLOSED', productIds: [productIds[0]] } });
      expect(closed.data!.updateTicket.status).toBe('CLOSED');
      expect(closed.data!.updateTicket.closedAt).not.toBeNull();
      const reopened = await graph.query<{
        updateTicket: { closedAt: string | null; products: unknown[] };
      }>('agent', UPDATE, { id, input: { status: 'OPEN', productIds: [] } });
      expect(reopened.data!.updateTicket).toEqual({ status: 'OPEN', closedAt: null, products: [] });
    });
  });
});
