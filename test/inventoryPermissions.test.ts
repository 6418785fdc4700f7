import { randomUUID } from 'node:crypto';
import { config } from '../shared/config';
import { IDENTITY_HEADER, signForwardedIdentity } from '../shared/identity';
import { DEMO_AGENTS } from '../subgraphs/desk/seed/generate';
import { DemoAgent, Graph, GraphQLResponse, postGraphQL, startGraph } from './harness';
import { errorCodes, expectError, expectNoErrors, mutateOk, sqlOn, unique } from './expectations';

/**
 * INV-5 / PERM-1 for inventory: graphql-shield applies each desk profile's inventory levels,
 * checked by changing the "New agent" profile's levels and calling every guarded operation as
 * the New agent through the gateway (and, for `_entities`, at the subgraph itself).
 */

type Access = 'OFF' | 'VIEW' | 'VIEW_SEND' | 'VIEW_CREATE_EDIT' | 'VIEW_SEND_CREATE_EDIT';
type Action = 'view' | 'send' | 'create' | 'edit';
type Module = 'salesOrders' | 'invoices';

interface Levels {
  view: boolean;
  salesOrders: Access;
  invoices: Access;
  createContacts: boolean;
}

/** INV-5 as the spec words it, written out here rather than taken from the code under test. */
const ACTIONS: Record<Access, readonly Action[]> = {
  OFF: [],
  VIEW: ['view'],
  VIEW_SEND: ['view', 'send'],
  VIEW_CREATE_EDIT: ['view', 'create', 'edit'],
  VIEW_SEND_CREATE_EDIT: ['view', 'send', 'create', 'edit'],
};
const ACCESS_LEVELS = Object.keys(ACTIONS) as Access[];

const SEEDED_NEW_AGENT: Levels = {
  view: true,
  salesOrders: 'VIEW',
  invoices: 'VIEW',
  createContacts: false,
};
const NOTHING: Levels = { view: false, salesOrders: 'OFF', invoices: 'OFF', createContacts: false };
const EVERYTHING: Levels = {
  view: true,
  salesOrders: 'VIEW_SEND_CREATE_EDIT',
  invoices: 'VIEW_SEND_CREATE_EDIT',
  createContacts: true,
};

/**
 * Every level once for each kind of document, the two kinds at different levels (but for the
 * middle one) so that one module's level cannot stand in for the other's.
 */
const CASES: Levels[] = ACCESS_LEVELS.map((level, index) => ({
  view: true,
  salesOrders: level,
  invoices: ACCESS_LEVELS[ACCESS_LEVELS.length - 1 - index],
  createContacts: index % 2 === 0,
}));

const mayDo = (levels: Levels, module: Module, action: Action): boolean =>
  levels.view && ACTIONS[levels[module]].includes(action);

interface DocumentKind {
  table: 'sales_order' | 'invoice';
  byId: string;
  create: string;
  update: string;
  send: string;
  /** What a draft becomes once sent. */
  sentStatus: string;
}

const KINDS: Record<Module, DocumentKind> = {
  salesOrders: {
    table: 'sales_order',
    byId: 'inventorySalesOrder',
    create: 'createInventorySalesOrder',
    update: 'updateInventorySalesOrder',
    send: 'sendInventorySalesOrder',
    sentStatus: 'CONFIRMED',
  },
  invoices: {
    table: 'invoice',
    byId: 'inventoryInvoice',
    create: 'createInventoryInvoice',
    update: 'updateInventoryInvoice',
    send: 'sendInventoryInvoice',
    sentStatus: 'SENT',
  },
};

const PROBES: { module: Module; action: Action }[] = (['salesOrders', 'invoices'] as const).flatMap(
  (module) => (['view', 'send', 'create', 'edit'] as const).map((action) => ({ module, action })),
);

const SALES_ORDER_KINDS = [
  'SALES_ORDER_CREATED',
  'SALES_ORDER_SENT',
  'PACKAGE_SHIPPED',
  'PACKAGE_DELIVERED',
  'RETURN_RECEIVED',
];
const INVOICE_KINDS = ['INVOICE_CREATED', 'INVOICE_SENT', 'PAYMENT_RECEIVED'];

const DEMO_EMAILS = { agent: DEMO_AGENTS[1].email, newAgent: DEMO_AGENTS[2].email };

const LEVEL_FIELDS = 'view salesOrders invoices createContacts';
const SET_PERMISSIONS = `mutation($profileId: ID!, $input: InventoryPermissionsInput!) {
  setInventoryPermissions(profileId: $profileId, input: $input) {
    profile { id } levels { ${LEVEL_FIELDS} }
  }
}`;
const VIEWER_LEVELS = `{ inventoryIntegration { status viewerPermissions { ${LEVEL_FIELDS} } } }`;
const SET_AGENT_PROFILE = `mutation($agentId: ID!, $profileId: ID!) {
  setAgentProfile(agentId: $agentId, profileId: $profileId) { id profile { name } }
}`;

/** The one refusal a denied operation gets: FORBIDDEN where the guarded field is. */
function expectForbidden(res: GraphQLResponse<unknown>, path: (string | number)[]): void {
  expectError(res, 'FORBIDDEN', path);
}

describe('INV-5 / PERM-1: inventory permissions per agent profile', () => {
  let graph: Graph;
  const { sql, count } = sqlOn(() => graph.dataSources.inventory);
  /** Notes of every document this file creates, so afterAll finds them all. */
  const MARK = unique('inventory permissions test');
  let profileIds: Record<string, string>;
  let organizationId: string;
  /** A seeded ticket whose contact is a customer with sales orders and invoices. */
  let ticket: { id: string; contactId: string; customerId: string; accountId: string };
  let itemId: string;
  /** Seeded documents of the ticket's contact, for the lookups by id. */
  let seeded: Record<Module, string>;
  let packageId: string;
  /** Drafts the administrator made: one stays a draft for edits, the other is sent. */
  let drafts: Record<Module, { editable: string; sendable: string }>;
  /** A desk contact without any customer record, for createInventoryCustomer. */
  let newContactId: string;

  const setLevels = (profileName: string, levels: Levels) =>
    mutateOk(graph, 'admin', SET_PERMISSIONS, {
      profileId: profileIds[profileName],
      input: levels,
    });

  const lines = () => [{ itemId, quantity: 1 }];

  async function createDraft(module: Module, as: DemoAgent, notes: string) {
    const kind = KINDS[module];
    return graph.query<Record<string, { id: string }>>(
      as,
      `mutation($input: CreateInventoryDocumentInput!) { ${kind.create}(input: $input) { id } }`,
      { input: { ticketId: ticket.id, lineItems: lines(), notes } },
    );
  }

  async function adminDraft(module: Module): Promise<string> {
    const res = await createDraft(module, 'admin', MARK);
    expectNoErrors(res);
    return res.data?.[KINDS[module].create].id as string;
  }

  beforeAll(async () => {
    graph = await startGraph();
    const profiles = await graph.query<{ agentProfiles: { id: string; name: string }[] }>(
      'admin',
      '{ agentProfiles { id name } }',
    );
    expectNoErrors(profiles);
    profileIds = Object.fromEntries(
      (profiles.data?.agentProfiles ?? []).map((profile) => [profile.name, profile.id]),
    );
    [{ organizationId }] = await sql<{ organizationId: string }>(
      `SELECT organization_id AS "organizationId" FROM inventory.integration WHERE status = 'ENABLED'`,
    );
    [ticket] = await sql<typeof ticket>(
      `SELECT o.ticket_id AS id, c.contact_id AS "contactId", c.id AS "customerId",
              t.account_id AS "accountId"
         FROM inventory.sales_order o
         JOIN inventory.customer c ON c.id = o.customer_id
         JOIN desk.ticket t ON t.id = o.ticket_id
        WHERE o.organization_id = $1 AND t.account_id IS NOT NULL
          AND EXISTS (SELECT 1 FROM inventory.invoice i WHERE i.customer_id = c.id)
          AND EXISTS (SELECT 1 FROM inventory.package p JOIN inventory.sales_order x
                        ON x.id = p.sales_order_id WHERE x.customer_id = c.id)
        ORDER BY o.number LIMIT 1`,
      [organizationId],
    );
    [{ itemId }] = await sql<{ itemId: string }>(
      `SELECT id AS "itemId" FROM inventory.item
        WHERE organization_id = $1 AND status = 'ACTIVE' ORDER BY sku LIMIT 1`,
      [organizationId],
    );
    const [documents] = await sql<Record<Module, string> & { packageId: string }>(
      `SELECT (SELECT id FROM inventory.sales_order WHERE customer_id = $1 ORDER BY number LIMIT 1)
                AS "salesOrders",
              (SELECT id FROM inventory.invoice WHERE customer_id = $1 ORDER BY number LIMIT 1)
                AS invoices,
              (SELECT p.id FROM inventory.package p JOIN inventory.sales_order o
                 ON o.id = p.sales_order_id WHERE o.customer_id = $1 ORDER BY p.number LIMIT 1)
                AS "packageId"`,
      [ticket.customerId],
    );
    seeded = { salesOrders: documents.salesOrders, invoices: documents.invoices };
    packageId = documents.packageId;
    drafts = {
      salesOrders: {
        editable: await adminDraft('salesOrders'),
        sendable: await adminDraft('salesOrders'),
      },
      invoices: { editable: await adminDraft('invoices'), sendable: await adminDraft('invoices') },
    };
    [{ id: newContactId }] = await sql<{ id: string }>(
      `SELECT d.id FROM desk.contact d
        WHERE NOT EXISTS (SELECT 1 FROM inventory.customer c
                           WHERE c.contact_id = d.id OR c.email = lower(d.email))
        ORDER BY d.id LIMIT 1`,
    );
  });

  afterAll(async () => {
    await setLevels('New agent', SEEDED_NEW_AGENT);
    const pattern = `${MARK}%`;
    const documents = `SELECT id FROM inventory.sales_order WHERE notes LIKE $1
                       UNION ALL SELECT id FROM inventory.invoice WHERE notes LIKE $1`;
    await sql(
      `DELETE FROM inventory.mail_message WHERE related_id IN (SELECT id::text FROM (${documents}) d)`,
      [pattern],
    );
    await sql(
      `DELETE FROM inventory.activity
        WHERE sales_order_id IN (${documents}) OR invoice_id IN (${documents})`,
      [pattern],
    );
    await sql('DELETE FROM inventory.invoice WHERE notes LIKE $1', [pattern]);
    await sql('DELETE FROM inventory.sales_order WHERE notes LIKE $1', [pattern]);
    await sql('DELETE FROM inventory.customer WHERE contact_id = $1', [newContactId]);
    await graph.stop();
  });

  /**
   * One guarded operation of a module as the New agent; the path is where FORBIDDEN must show,
   * `allowed` checks the answer when the level permits it.
   */
  interface Probe {
    label: string;
    run: () => Promise<GraphQLResponse<Record<string, unknown>>>;
    path: string[];
    allowed: (res: GraphQLResponse<Record<string, unknown>>) => void;
    /** Rows the operation writes when allowed (one) and must not write when refused. */
    written?: () => Promise<number>;
  }

  /**
   * INV-8's delivery steps are sales-order edits. A package that does not exist keeps the seeded
   * ones as they are: allowed, the resolver answers NOT_FOUND.
   */
  function advancePackageProbe(): Probe {
    return {
      label: 'advanceInventoryPackage',
      run: () =>
        graph.query(
          'newAgent',
          `mutation($id: ID!) {
            advanceInventoryPackage(
              id: $id, input: { status: SHIPPED, carrier: "Test Post", trackingNumber: "T-1" }
            ) { id }
          }`,
          { id: randomUUID() },
        ),
      path: ['advanceInventoryPackage'],
      allowed: (res) => expectError(res, 'NOT_FOUND', ['advanceInventoryPackage']),
    };
  }

  function probesFor(module: Module, action: Action, caseLabel: string): Probe[] {
    const kind = KINDS[module];
    const asNewAgent = (query: string, variables: Record<string, unknown>) => () =>
      graph.query<Record<string, unknown>>('newAgent', query, variables);
    const field = <T>(res: GraphQLResponse<Record<string, unknown>>, name: string): T =>
      res.data?.[name] as T;
    switch (action) {
      case 'view': {
        const probes: Probe[] = [
          {
            label: `the ticket panel's ${module} tab`,
            run: asNewAgent(
              `query($id: ID!) { ticket(id: $id) { inventory { ${module}(first: 5) { totalCount } } } }`,
              { id: ticket.id },
            ),
            path: ['ticket', 'inventory', module],
            allowed: (res) => {
              expectNoErrors(res);
              const panel = field<{ inventory: Record<Module, { totalCount: number }> }>(
                res,
                'ticket',
              );
              expect(panel.inventory[module].totalCount).toBeGreaterThan(0);
            },
          },
          {
            label: kind.byId,
            run: asNewAgent(`query($id: ID!) { ${kind.byId}(id: $id) { id } }`, {
              id: seeded[module],
            }),
            path: [kind.byId],
            allowed: (res) => {
              expectNoErrors(res);
              expect(res.data).toEqual({ [kind.byId]: { id: seeded[module] } });
            },
          },
        ];
        if (module === 'salesOrders') {
          probes.push(
            {
              label: 'inventoryPackage',
              run: asNewAgent('query($id: ID!) { inventoryPackage(id: $id) { id } }', {
                id: packageId,
              }),
              path: ['inventoryPackage'],
              allowed: (res) => {
                expectNoErrors(res);
                expect(res.data).toEqual({ inventoryPackage: { id: packageId } });
              },
            },
            {
              label: "the overview's recent shipments",
              run: asNewAgent(
                'query($id: ID!) { ticket(id: $id) { inventory { overview { recentShipments { id } } } } }',
                { id: ticket.id },
              ),
              path: ['ticket', 'inventory', 'overview', 'recentShipments'],
              allowed: (res) => expectNoErrors(res),
            },
          );
        }
        return probes;
      }
      case 'create': {
        const notes = `${MARK} created by the New agent with ${caseLabel}`;
        return [
          {
            label: kind.create,
            run: () => createDraft(module, 'newAgent', notes),
            path: [kind.create],
            allowed: (res) => expectNoErrors(res),
            written: () => count(`SELECT 1 FROM inventory.${kind.table} WHERE notes = $1`, [notes]),
          },
        ];
      }
      case 'edit': {
        const notes = `${MARK} edited by the New agent with ${caseLabel}`;
        return [
          {
            label: kind.update,
            run: asNewAgent(
              `mutation($id: ID!, $notes: String!) { ${kind.update}(id: $id, input: { notes: $notes }) { notes } }`,
              { id: drafts[module].editable, notes },
            ),
            path: [kind.update],
            allowed: (res) => {
              expectNoErrors(res);
              expect(res.data).toEqual({ [kind.update]: { notes } });
            },
          },
          ...(module === 'salesOrders' ? [advancePackageProbe()] : []),
        ];
      }
      case 'send':
        return [
          {
            label: kind.send,
            run: asNewAgent(`mutation($id: ID!) { ${kind.send}(id: $id) { status } }`, {
              id: drafts[module].sendable,
            }),
            path: [kind.send],
            allowed: (res) => {
              expectNoErrors(res);
              expect(res.data).toEqual({ [kind.send]: { status: kind.sentStatus } });
            },
          },
        ];
    }
  }

  /** Runs every probe of a module's action and checks each is allowed or refused as `levels` say. */
  async function expectProbes(levels: Levels, module: Module, action: Action, caseLabel: string) {
    const allowed = mayDo(levels, module, action);
    for (const probe of probesFor(module, action, caseLabel)) {
      const res = await probe.run();
      try {
        if (allowed) probe.allowed(res);
        else expectForbidden(res, probe.path);
        if (probe.written) expect(await probe.written()).toBe(allowed ? 1 : 0);
      } catch (error) {
        throw new Error(
          `${probe.label} should be ${allowed ? 'allowed' : 'refused'}: ${JSON.stringify(res)}\n${String(error)}`,
        );
      }
    }
  }

  describe.each(CASES)(
    'New agent with sales orders $salesOrders, invoices $invoices, createContacts $createContacts',
    (levels) => {
      const caseLabel = `${levels.salesOrders}/${levels.invoices}/${levels.createContacts}`;
      beforeAll(() => setLevels('New agent', levels));

      it('reports these levels as its viewerPermissions', async () => {
        const res = await graph.query('newAgent', VIEWER_LEVELS);
        expectNoErrors(res);
        expect(res.data).toEqual({
          inventoryIntegration: { status: 'ENABLED', viewerPermissions: levels },
        });
      });

      it.each(PROBES)('$module: $action exactly as the level says', ({ module, action }) =>
        expectProbes(levels, module, action, caseLabel),
      );

      it('may create and change customer records exactly when createContacts is on', async () => {
        const res = await graph.query<{ createInventoryCustomer: { id: string } }>(
          'newAgent',
          'mutation($id: ID!) { createInventoryCustomer(input: { contactId: $id }) { id } }',
          { id: newContactId },
        );
        const created = await count('SELECT 1 FROM inventory.customer WHERE contact_id = $1', [
          newContactId,
        ]);
        // The record just made when there is one; otherwise an id of none, so that a wrongly
        // allowed change has nothing to change.
        const companyName = `${MARK} company`;
        const update = await graph.query(
          'newAgent',
          `mutation($id: ID!, $companyName: String!) {
            updateInventoryCustomer(id: $id, input: { companyName: $companyName }) { companyName }
          }`,
          { id: res.data?.createInventoryCustomer.id ?? randomUUID(), companyName },
        );
        // The next case creates it again.
        await sql('DELETE FROM inventory.customer WHERE contact_id = $1', [newContactId]);
        if (levels.createContacts) {
          expectNoErrors(res);
          expect(created).toBe(1);
          expectNoErrors(update);
          expect(update.data).toEqual({ updateInventoryCustomer: { companyName } });
        } else {
          expectForbidden(res, ['createInventoryCustomer']);
          expect(created).toBe(0);
          expectForbidden(update, ['updateInventoryCustomer']);
        }
      });

      it('sees the activity of the documents it may view, and only those', async () => {
        const res = await graph.query<{
          ticket: { inventory: { activity: { totalCount: number; nodes: { kind: string }[] } } };
        }>(
          'newAgent',
          'query($id: ID!) { ticket(id: $id) { inventory { activity(first: 100) { totalCount nodes { kind } } } } }',
          { id: ticket.id },
        );
        expectNoErrors(res);
        const kinds = [
          ...(mayDo(levels, 'salesOrders', 'view') ? SALES_ORDER_KINDS : []),
          ...(mayDo(levels, 'invoices', 'view') ? INVOICE_KINDS : []),
        ];
        const activity = res.data?.ticket.inventory.activity;
        expect(activity?.totalCount).toBe(
          await count(
            'SELECT 1 FROM inventory.activity WHERE customer_id = $1 AND kind = ANY($2::text[])',
            [ticket.customerId, kinds],
          ),
        );
        expect(activity?.nodes.every((node) => kinds.includes(node.kind))).toBe(true);
      });
    },
  );

  describe('New agent with view off', () => {
    beforeAll(() => setLevels('New agent', NOTHING));

    it('still learns that the integration is on and that its profile may see nothing', async () => {
      const res = await graph.query('newAgent', VIEWER_LEVELS);
      expectNoErrors(res);
      expect(res.data).toEqual({
        inventoryIntegration: { status: 'ENABLED', viewerPermissions: NOTHING },
      });
    });

    it.each([
      ['ticket', () => ticket.id],
      ['contact', () => ticket.contactId],
      ['account', () => ticket.accountId],
    ])(
      "gets the %s's desk fields but its inventory panel is null with FORBIDDEN",
      async (type, id) => {
        const res = await graph.query<Record<string, { id: string; inventory: unknown }>>(
          'newAgent',
          `query($id: ID!) { ${type}(id: $id) { id inventory { customers { id } } } }`,
          { id: id() },
        );
        expectForbidden(res, [type, 'inventory']);
        expect(res.data).toEqual({ [type]: { id: id(), inventory: null } });
      },
    );

    it.each([
      ['inventorySalesOrder', () => `inventorySalesOrder(id: "${seeded.salesOrders}") { id }`],
      ['inventoryInvoice', () => `inventoryInvoice(id: "${seeded.invoices}") { id }`],
      ['inventoryPackage', () => `inventoryPackage(id: "${packageId}") { id }`],
      ['inventoryCustomer', () => `inventoryCustomer(contactId: "${ticket.contactId}") { id }`],
      ['inventoryItems', () => 'inventoryItems(first: 1) { nodes { id } }'],
    ])('is refused %s with FORBIDDEN', async (field, selection) => {
      const res = await graph.query('newAgent', `{ ${selection()} }`);
      expectForbidden(res, [field]);
      expect(res.data?.[field] ?? null).toBeNull();
    });

    it.each(PROBES.filter((probe) => probe.action !== 'view'))(
      'is refused $module: $action with FORBIDDEN',
      ({ module, action }) => expectProbes(NOTHING, module, action, 'view off'),
    );

    describe('at the inventory subgraph itself, through _entities', () => {
      /** Calls the inventory subgraph with a valid gateway signature for a demo agent. */
      const callInventory = (as: 'agent' | 'newAgent', query: string, variables: object) =>
        postGraphQL<{ _entities: unknown[] }>(
          graph.subgraphUrls.inventory,
          {
            [IDENTITY_HEADER]: signForwardedIdentity(
              { kind: 'agent', agentId: graph.agentIds[as], email: DEMO_EMAILS[as] },
              config().auth,
            ),
          },
          { query, variables },
        );

      /** Type, selection, representation, what a profile that may view gets, what is left. */
      const ENTITIES: [string, string, () => object, () => unknown, unknown][] = [
        [
          'InventorySalesOrder',
          'number',
          () => ({ id: seeded.salesOrders }),
          () => ({ number: expect.stringMatching(/^SO-/) }),
          null,
        ],
        [
          'InventoryInvoice',
          'number',
          () => ({ id: seeded.invoices }),
          () => ({ number: expect.stringMatching(/^INV-/) }),
          null,
        ],
        [
          'InventoryCustomer',
          'email',
          () => ({ id: ticket.customerId }),
          () => ({ email: expect.stringContaining('@') }),
          null,
        ],
        [
          'Ticket',
          'inventory { customers { id } }',
          () => ({ id: ticket.id, contact: { id: ticket.contactId } }),
          () => ({ inventory: { customers: [{ id: ticket.customerId }] } }),
          { inventory: null },
        ],
      ];

      it.each(ENTITIES)(
        'answers %s to the Agent profile, and to the New agent no data with FORBIDDEN',
        async (typename, selection, key, visible, hidden) => {
          const query = `query($r: [_Any!]!) {
            _entities(representations: $r) { ... on ${typename} { ${selection} } }
          }`;
          const variables = { r: [{ __typename: typename, ...key() }] };
          // The same request answers a profile that may see inventory, so the refusal below is
          // the permission's doing.
          const agent = await callInventory('agent', query, variables);
          expectNoErrors(agent);
          expect(agent.data?._entities).toEqual([visible()]);

          const res = await callInventory('newAgent', query, variables);
          expect(res.status).toBe(200);
          expect(errorCodes(res)).toEqual(['FORBIDDEN']);
          expect(res.data?._entities).toEqual([hidden]);
        },
      );

      it('refuses a request without the gateway signature with 401', async () => {
        const res = await postGraphQL(
          graph.subgraphUrls.inventory,
          {},
          {
            query:
              'query($r: [_Any!]!) { _entities(representations: $r) { ... on InventoryInvoice { number } } }',
            variables: { r: [{ __typename: 'InventoryInvoice', id: seeded.invoices }] },
          },
        );
        expect(res.status).toBe(401);
        expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
        expect(res.data ?? null).toBeNull();
      });
    });
  });

  describe('the Light agent, whose profile has no inventory levels', () => {
    it('is given no permission at all', async () => {
      const res = await graph.query('light', VIEWER_LEVELS);
      expectNoErrors(res);
      expect(res.data).toEqual({
        inventoryIntegration: { status: 'ENABLED', viewerPermissions: NOTHING },
      });
    });

    it('sees the ticket but not its inventory panel, nor any document by id', async () => {
      const res = await graph.query(
        'light',
        `query($id: ID!, $so: ID!) {
          ticket(id: $id) { id inventory { customers { id } } }
          inventorySalesOrder(id: $so) { id }
        }`,
        { id: ticket.id, so: seeded.salesOrders },
      );
      expect(errorCodes(res)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
      expect(res.data).toEqual({
        ticket: { id: ticket.id, inventory: null },
        inventorySalesOrder: null,
      });
    });
  });

  describe("an agent's profile decides at once", () => {
    afterAll(() =>
      mutateOk(graph, 'admin', SET_AGENT_PROFILE, {
        agentId: graph.agentIds.newAgent,
        profileId: profileIds['New agent'],
      }),
    );

    it.each([
      ['Agent', EVERYTHING],
      ['Light agent', NOTHING],
      ['New agent', SEEDED_NEW_AGENT],
    ] as const)('moved to the %s profile, the New agent has its levels', async (name, levels) => {
      await setLevels('New agent', SEEDED_NEW_AGENT);
      await mutateOk(graph, 'admin', SET_AGENT_PROFILE, {
        agentId: graph.agentIds.newAgent,
        profileId: profileIds[name],
      });
      const res = await graph.query('newAgent', VIEWER_LEVELS);
      expectNoErrors(res);
      expect(res.data).toEqual({
        inventoryIntegration: { status: 'ENABLED', viewerPermissions: levels },
      });
      // And the shield acts on them: sending needs more than the New agent's VIEW.
      await expectProbes(levels, 'invoices', 'send', `profile ${name}`);
    });
  });

  describe('administrator-only operations', () => {
    const OPERATIONS: [
      string,
      string,
      () => Record<string, unknown>,
      (res: GraphQLResponse<Record<string, unknown>>) => void,
    ][] = [
      [
        'setInventoryPermissions',
        SET_PERMISSIONS,
        () => ({ profileId: profileIds['New agent'], input: SEEDED_NEW_AGENT }),
        (res) => expectNoErrors(res),
      ],
      [
        'inventoryPermissions',
        `{ inventoryPermissions { profile { id } levels { ${LEVEL_FIELDS} } } }`,
        () => ({}),
        (res) => {
          expectNoErrors(res);
          expect(res.data?.inventoryPermissions).toEqual(
            expect.arrayContaining([
              { profile: { id: profileIds['New agent'] }, levels: SEEDED_NEW_AGENT },
              { profile: { id: profileIds.Agent }, levels: EVERYTHING },
            ]),
          );
        },
      ],
      [
        'inventoryOrganizations',
        '{ inventoryOrganizations { id name } }',
        () => ({}),
        (res) => {
          expectNoErrors(res);
          expect(res.data?.inventoryOrganizations).toEqual(
            expect.arrayContaining([{ id: organizationId, name: 'Aozora Trading' }]),
          );
        },
      ],
      // An organization that does not exist: allowed through, refused by the resolver, and the
      // integration's state is left alone.
      [
        'enableInventory',
        'mutation($id: ID!) { enableInventory(organizationId: $id) { status } }',
        () => ({ id: randomUUID() }),
        (res) => expectError(res, 'NOT_FOUND', ['enableInventory']),
      ],
      // Switching the sync on without a department is invalid, so nothing changes.
      [
        'updateInventoryItemSync',
        'mutation { updateInventoryItemSync(input: { enabled: true, departmentIds: [] }) { enabled } }',
        () => ({}),
        (res) => expectError(res, 'BAD_USER_INPUT', ['updateInventoryItemSync']),
      ],
      // With item sync off (as seeded) starting one is refused by the resolver, not the shield.
      [
        'startInventoryItemSync',
        'mutation { startInventoryItemSync { started } }',
        () => ({}),
        (res) => expectError(res, 'BAD_USER_INPUT', ['startInventoryItemSync']),
      ],
    ];

    beforeAll(async () => {
      // startInventoryItemSync must not start a real sync here.
      const res = await graph.query('admin', '{ inventoryItemSync { enabled } }');
      expectNoErrors(res);
      expect(res.data).toEqual({ inventoryItemSync: { enabled: false } });
    });

    it.each(OPERATIONS)(
      'refuses %s to the Agent profile with FORBIDDEN',
      async (field, query, variables) => {
        const res = await graph.query('agent', query, variables());
        expectForbidden(res, [field]);
      },
    );

    it.each(OPERATIONS)(
      'lets the administrator through %s',
      async (_field, query, variables, check) => {
        check(await graph.query('admin', query, variables()));
      },
    );
  });

  describe('setInventoryPermissions validation', () => {
    const storedLevels = async (profileId: string) =>
      sql(
        `SELECT can_view, sales_orders, invoices, create_contacts
           FROM inventory.profile_permission WHERE profile_id = $1`,
        [profileId],
      );

    it.each([
      ['salesOrders on', { ...NOTHING, salesOrders: 'VIEW' }],
      ['invoices on', { ...NOTHING, invoices: 'VIEW_SEND' }],
      ['createContacts on', { ...NOTHING, createContacts: true }],
    ])('refuses view off with %s as BAD_USER_INPUT, storing nothing', async (_label, input) => {
      await setLevels('New agent', SEEDED_NEW_AGENT);
      const before = await storedLevels(profileIds['New agent']);
      const res = await graph.query('admin', SET_PERMISSIONS, {
        profileId: profileIds['New agent'],
        input,
      });
      expectError(res, 'BAD_USER_INPUT', ['setInventoryPermissions']);
      expect(await storedLevels(profileIds['New agent'])).toEqual(before);
    });

    it.each([
      ['an unknown profile id', () => randomUUID()],
      ['a malformed profile id', () => 'not-a-profile'],
    ])('answers NOT_FOUND for %s', async (_label, profileId) => {
      const res = await graph.query('admin', SET_PERMISSIONS, {
        profileId: profileId(),
        input: SEEDED_NEW_AGENT,
      });
      expectError(res, 'NOT_FOUND', ['setInventoryPermissions']);
    });

    it('refuses the Administrator profile, which always has everything, with BAD_USER_INPUT', async () => {
      const res = await graph.query('admin', SET_PERMISSIONS, {
        profileId: profileIds.Administrator,
        input: NOTHING,
      });
      expectError(res, 'BAD_USER_INPUT', ['setInventoryPermissions']);
      expect(await storedLevels(profileIds.Administrator)).toEqual([]);
      // The administrator keeps every permission.
      const viewer = await graph.query('admin', VIEWER_LEVELS);
      expect(viewer.data).toEqual({
        inventoryIntegration: { status: 'ENABLED', viewerPermissions: EVERYTHING },
      });
    });
  });
});
