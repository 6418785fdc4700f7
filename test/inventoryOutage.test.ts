import { Graph, startGraph } from './harness';
import { expectNoErrors, sqlOn } from './expectations';

/**
 * With the inventory subgraph down, desk's data still arrives: the inventory panels are null and
 * one error names the inventory service, instead of the whole answer failing.
 */
describe('inventory outage: desk data survives, the panel is null with an error naming inventory', () => {
  // Its own graph, since it stops a subgraph other files need running.
  let graph: Graph;
  let ticket: { id: string; subject: string; contactId: string };

  beforeAll(async () => {
    graph = await startGraph();
    const { sql } = sqlOn(() => graph.dataSources.desk);
    // A ticket whose contact is an inventory customer, so that with inventory up it has a panel.
    [ticket] = await sql<typeof ticket>(
      `SELECT t.id, t.subject, t.contact_id AS "contactId" FROM desk.ticket t
        WHERE EXISTS (SELECT 1 FROM inventory.customer c
                       JOIN inventory.integration i ON i.organization_id = c.organization_id
                      WHERE c.contact_id = t.contact_id)
        ORDER BY t.number LIMIT 1`,
    );
  });
  afterAll(() => graph.stop());

  const TICKET = `query($id: ID!) {
    ticket(id: $id) {
      id
      subject
      contact { id }
      inventory { customers { id } salesOrders(first: 1) { totalCount } }
    }
  }`;

  it('shows the panel while inventory is up', async () => {
    const res = await graph.query<{ ticket: { inventory: { customers: unknown[] } | null } }>(
      'admin',
      TICKET,
      { id: ticket.id },
    );
    expectNoErrors(res);
    expect(res.data?.ticket.inventory?.customers).toHaveLength(1);
  });

  describe('once inventory is stopped', () => {
    beforeAll(() => graph.stopSubgraph('inventory'));

    it.each([
      [
        'ticket',
        TICKET,
        () => ticket.id,
        () => ({ subject: ticket.subject, contact: { id: ticket.contactId } }),
      ],
      [
        'contact',
        'query($id: ID!) { contact(id: $id) { id inventory { customers { id } } } }',
        () => ticket.contactId,
        () => ({}),
      ],
    ])(
      "answers the %s's desk fields with HTTP 200, inventory: null and SUBGRAPH_UNAVAILABLE from inventory",
      async (field, query, id, deskFields) => {
        const res = await graph.query<Record<string, unknown>>('admin', query, { id: id() });
        expect(res.status).toBe(200);
        expect(res.data).toEqual({ [field]: { id: id(), ...deskFields(), inventory: null } });
        expect(res.errors).toHaveLength(1);
        expect(res.errors?.[0]).toMatchObject({
          message: 'The inventory service could not answer this part of the query',
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'inventory' },
        });
      },
    );

    it('answers a desk-only query as if nothing happened', async () => {
      const res = await graph.query('admin', 'query($id: ID!) { ticket(id: $id) { id subject } }', {
        id: ticket.id,
      });
      expectNoErrors(res);
      expect(res.data).toEqual({ ticket: { id: ticket.id, subject: ticket.subject } });
    });

    it('reports the gateway degraded, naming inventory', async () => {
      const ready = await fetch(graph.gatewayUrl.replace(/\/graphql$/, '/ready'));
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({
        status: 'degraded',
        subgraphs: { desk: 'ok', inventory: 'unavailable' },
      });
    });
  });
});
