import { randomUUID } from 'node:crypto';
import { config } from '../shared/config';
import { SubgraphCallFailed, subgraphClient } from '../shared/subgraphClient';
import { MAX_PRODUCTS_PER_SYNC } from '../subgraphs/desk/services/productSync';
import { DemoAgent, Graph, startGraph } from './harness';
import { expectError, expectNoErrors, mutateOk, sqlOn, unique } from './expectations';

/**
 * INV-3 on desk's side: inventory's item sync turns items into desk products through
 * `syncProducts`; products know the departments whose agents may link them to tickets; and
 * `Account.contactIds`, which other subgraphs `@requires` for their account-wide panels.
 */

type Change = 'ADDED' | 'UPDATED' | 'UNCHANGED' | 'FAILED';

interface SyncedProduct {
  id: string;
  name: string;
  code: string;
  unitPrice: number;
  active: boolean;
  externalSource: string | null;
  externalId: string | null;
  departments: { id: string; name: string }[];
}

interface Outcome {
  externalId: string;
  change: Change;
  product: SyncedProduct | null;
  error: string | null;
}

interface Item {
  externalId: string;
  name: string;
  code: string;
  unitPrice: number;
  active: boolean;
  departmentIds: string[];
}

const PRODUCT_FIELDS = `id name code unitPrice active externalSource externalId
  departments { id name }`;

const SYNC = `mutation($input: SyncProductsInput!) {
  syncProducts(input: $input) {
    results { externalId change error product { ${PRODUCT_FIELDS} } }
  }
}`;

describe('INV-3: syncProducts turns inventory items into desk products', () => {
  let graph: Graph;
  let departments: { id: string; name: string }[];
  let seededCode: string;
  const { sql, count } = sqlOn(() => graph.dataSources.desk);

  /** A source of its own per test, so that no test sees another's products. */
  const newSource = () => unique('inventory');

  let sequence = 0;
  /** An item with a unique id and code; `departmentIds` defaults to the first department. */
  function item(overrides: Partial<Item> = {}): Item {
    sequence += 1;
    const tag = `${randomUUID().slice(0, 8)}-${sequence}`;
    return {
      externalId: `item-${tag}`,
      name: `Synced item ${tag}`,
      code: `INV-${tag}`,
      unitPrice: 12.5,
      active: true,
      departmentIds: [departments[0].id],
      ...overrides,
    };
  }

  async function sync(source: string, products: Item[], as: DemoAgent = 'admin') {
    const result = await mutateOk<{ results: Outcome[] }>(graph, as, SYNC, {
      input: { source, products },
    });
    return result.results;
  }

  const productsFrom = (source: string) =>
    count('SELECT 1 FROM desk.product WHERE external_source = $1', [source]);

  beforeAll(async () => {
    graph = await startGraph();
    departments = await sql<{ id: string; name: string }>(
      'SELECT id, name FROM desk.department ORDER BY name',
    );
    [{ code: seededCode }] = await sql<{ code: string }>(
      'SELECT code FROM desk.product WHERE external_source IS NULL ORDER BY code LIMIT 1',
    );
  });
  afterAll(() => graph.stop());

  describe('adding, then syncing again', () => {
    it('adds new products, and the same call again changes nothing', async () => {
      const source = newSource();
      const items = [
        item({ unitPrice: 0, departmentIds: [departments[1].id, departments[0].id] }),
        item({ active: false, departmentIds: [] }),
      ];
      const added = await sync(source, items);
      expect(added.map((r) => [r.externalId, r.change, r.error])).toEqual(
        items.map((i) => [i.externalId, 'ADDED', null]),
      );
      expect(added[0].product).toEqual({
        id: expect.any(String),
        name: items[0].name,
        code: items[0].code,
        unitPrice: 0,
        active: true,
        externalSource: source,
        externalId: items[0].externalId,
        departments: [departments[0], departments[1]],
      });
      expect(added[1].product).toMatchObject({ active: false, departments: [] });
      expect(await productsFrom(source)).toBe(2);

      const again = await sync(source, items);
      expect(again.map((r) => r.change)).toEqual(['UNCHANGED', 'UNCHANGED']);
      expect(again.map((r) => r.product)).toEqual(added.map((r) => r.product));
      expect(await productsFrom(source)).toBe(2);
    });

    it('reports UPDATED for a new price or new departments only, and stores them', async () => {
      const source = newSource();
      const [priced, moved, kept] = [item(), item(), item()];
      const added = await sync(source, [priced, moved, kept]);
      const ids = added.map((r) => r.product?.id);

      const results = await sync(source, [
        { ...priced, unitPrice: 19.99 },
        { ...moved, departmentIds: [departments[2].id] },
        kept,
      ]);
      expect(results.map((r) => r.change)).toEqual(['UPDATED', 'UPDATED', 'UNCHANGED']);
      expect(results.map((r) => r.product?.id)).toEqual(ids);
      expect(results[0].product?.unitPrice).toBe(19.99);
      expect(results[1].product?.departments).toEqual([departments[2]]);

      const [row] = await sql<{ unitPrice: string }>(
        'SELECT unit_price AS "unitPrice" FROM desk.product WHERE id = $1',
        [ids[0]],
      );
      expect(row.unitPrice).toBe('19.99');
      const links = await sql<{ departmentId: string }>(
        'SELECT department_id AS "departmentId" FROM desk.product_department WHERE product_id = $1',
        [ids[1]],
      );
      expect(links).toEqual([{ departmentId: departments[2].id }]);
    });

    it('renames, recodes and deactivates a synced product in place', async () => {
      const source = newSource();
      const original = item();
      const [added] = await sync(source, [original]);
      const changed = { ...original, name: unique('Renamed'), code: unique('NEW'), active: false };
      const [updated] = await sync(source, [changed]);
      expect(updated.change).toBe('UPDATED');
      expect(updated.product).toMatchObject({
        id: added.product?.id,
        name: changed.name,
        code: changed.code,
        active: false,
      });
      expect(await productsFrom(source)).toBe(1);
    });

    it('writes with set-based statements: 60 products cost what 3 do, to add and to update', async () => {
      async function statementsFor(length: number): Promise<number[]> {
        const source = newSource();
        const items = Array.from({ length }, () => item());
        const changed = items.map((i) => ({
          ...i,
          unitPrice: 99,
          departmentIds: [departments[1].id],
        }));
        const add = await graph.countStatements('desk', () => sync(source, items));
        const update = await graph.countStatements('desk', () => sync(source, changed));
        const again = await graph.countStatements('desk', () => sync(source, changed));
        return [add, update, again];
      }
      const few = await statementsFor(3);
      const many = await statementsFor(60);
      expect(many).toEqual(few);
      // viewer (3), BEGIN, lock, departments, products, their links, upsert, unlink, link,
      // reload, COMMIT, then the returned products' departments (2).
      expect(Math.max(...few)).toBeLessThanOrEqual(16);
    });

    it('two concurrent calls with the same items add each product once, without an error', async () => {
      const source = newSource();
      const items = Array.from({ length: 20 }, () => item());
      const [first, second] = await Promise.all([sync(source, items), sync(source, items)]);
      const changes = [...first, ...second].map((r) => r.change).sort();
      expect(changes).toEqual([...Array(20).fill('ADDED'), ...Array(20).fill('UNCHANGED')]);
      expect(await productsFrom(source)).toBe(20);
    });

    it('keys products by source: the same externalId from another source is another product', async () => {
      const shared = item();
      const [first] = await sync(newSource(), [shared]);
      const [second] = await sync(newSource(), [{ ...shared, code: unique('OTHER') }]);
      expect([first.change, second.change]).toEqual(['ADDED', 'ADDED']);
      expect(second.product?.id).not.toBe(first.product?.id);
    });
  });

  describe('a record that fails does not stop the others', () => {
    it('reports each bad record with its reason and applies the good ones', async () => {
      const source = newSource();
      const [taken] = await sync(newSource(), [item()]);
      const duplicate = item();
      const unknownDepartment = randomUUID();
      const items = [
        item(),
        item({ departmentIds: [departments[0].id, unknownDepartment] }),
        item({ code: seededCode }),
        item({ code: taken.product?.code }),
        duplicate,
        { ...duplicate, code: unique('DUP') },
        item({ name: '  ' }),
        item({ code: '' }),
        item({ unitPrice: -1 }),
        item({ unitPrice: 1.005 }),
        item({ departmentIds: ['not-an-id'] }),
        item(),
      ];
      const results = await sync(source, items);
      expect(results.map((r) => r.externalId)).toEqual(items.map((i) => i.externalId));
      expect(results.map((r) => r.change)).toEqual([
        'ADDED',
        'FAILED',
        'FAILED',
        'FAILED',
        'FAILED',
        'FAILED',
        'FAILED',
        'FAILED',
        'FAILED',
        'FAILED',
        'FAILED',
        'ADDED',
      ]);
      const errors = results.map((r) => r.error);
      expect(errors[0]).toBeNull();
      expect(errors[1]).toBe(`No department has the id "${unknownDepartment}"`);
      expect(errors[2]).toMatch(new RegExp(`^code "${seededCode}" is already used by another`));
      expect(errors[3]).toMatch(/is already used by another product/);
      expect(errors[4]).toBe(
        `externalId "${duplicate.externalId}" appears more than once in this call`,
      );
      expect(errors[5]).toBe(errors[4]);
      expect(errors[6]).toBe('name must not be empty');
      expect(errors[7]).toBe('code must not be empty');
      expect(errors[8]).toBe('unitPrice must not be negative');
      expect(errors[9]).toBe('unitPrice must have at most 2 decimal places');
      expect(errors[10]).toBe('No department has the id "not-an-id"');
      for (const failed of results.filter((r) => r.change === 'FAILED')) {
        expect(failed.product).toBeNull();
      }
      expect(await productsFrom(source)).toBe(2);
      expect(await count('SELECT 1 FROM desk.product WHERE code = $1', [seededCode])).toBe(1);
    });

    it('fails every record that gives the same code, and names all its problems', async () => {
      const source = newSource();
      const code = unique('SAME');
      const results = await sync(source, [item({ code }), item({ code, unitPrice: -2 }), item()]);
      expect(results.map((r) => r.change)).toEqual(['FAILED', 'FAILED', 'ADDED']);
      expect(results[0].error).toBe(
        `code "${code}" is given to more than one product in this call`,
      );
      expect(results[1].error).toBe(
        `unitPrice must not be negative; code "${code}" is given to more than one product in this call`,
      );
    });

    it('leaves a synced product as it was when its update fails', async () => {
      const source = newSource();
      const original = item();
      const [added] = await sync(source, [original]);
      const [failed] = await sync(source, [{ ...original, name: 'Changed', code: seededCode }]);
      expect(failed.change).toBe('FAILED');
      const [row] = await sql<{ name: string; code: string }>(
        'SELECT name, code FROM desk.product WHERE id = $1',
        [added.product?.id],
      );
      expect(row).toEqual({ name: original.name, code: original.code });
    });
  });

  describe('refusals of the whole call', () => {
    it(`refuses more than ${MAX_PRODUCTS_PER_SYNC} products with BAD_USER_INPUT, writing nothing`, async () => {
      const source = newSource();
      const items = Array.from({ length: MAX_PRODUCTS_PER_SYNC + 1 }, () => item());
      const res = await graph.query('admin', SYNC, { input: { source, products: items } });
      expectError(res, 'BAD_USER_INPUT', ['syncProducts']);
      expect(res.errors?.[0].message).toContain(String(MAX_PRODUCTS_PER_SYNC));
      expect(await productsFrom(source)).toBe(0);
    });

    it(`accepts exactly ${MAX_PRODUCTS_PER_SYNC}`, async () => {
      const source = newSource();
      const items = Array.from({ length: MAX_PRODUCTS_PER_SYNC }, () => item());
      const results = await sync(source, items);
      expect(new Set(results.map((r) => r.change))).toEqual(new Set(['ADDED']));
      expect(await productsFrom(source)).toBe(MAX_PRODUCTS_PER_SYNC);
    });

    it.each(['', '   '])('refuses the blank source %j with BAD_USER_INPUT', async (source) => {
      const res = await graph.query('admin', SYNC, { input: { source, products: [item()] } });
      expectError(res, 'BAD_USER_INPUT', ['syncProducts']);
    });
  });

  describe('permissions: PRODUCTS create and edit', () => {
    it.each<DemoAgent>(['newAgent', 'agent', 'light'])(
      '%s, who may not create and edit products, is refused with FORBIDDEN',
      async (as) => {
        const source = newSource();
        const res = await graph.query(as, SYNC, { input: { source, products: [item()] } });
        expectError(res, 'FORBIDDEN', ['syncProducts']);
        expect(await productsFrom(source)).toBe(0);
      },
    );

    const inventory = (onBehalfOf?: string) =>
      subgraphClient({
        target: 'desk',
        url: graph.subgraphUrls.desk,
        identity: { kind: 'service', service: 'inventory', onBehalfOf },
        auth: config().auth,
        timeoutMs: 5000,
      });

    it('inventory calling desk as itself may sync', async () => {
      const source = newSource();
      const { syncProducts } = await inventory().request<{ syncProducts: { results: Outcome[] } }>(
        SYNC,
        { input: { source, products: [item()] } },
      );
      expect(syncProducts.results.map((r) => r.change)).toEqual(['ADDED']);
    });

    it('inventory calling desk on behalf of a new agent gets that agent’s FORBIDDEN', async () => {
      const source = newSource();
      const error = await inventory(graph.agentIds.newAgent)
        .request(SYNC, { input: { source, products: [item()] } })
        .then(
          () => null,
          (failure: unknown) => failure,
        );
      expect(error).toBeInstanceOf(SubgraphCallFailed);
      expect((error as SubgraphCallFailed).codes).toEqual(['FORBIDDEN']);
      expect(await productsFrom(source)).toBe(0);
    });
  });

  describe('products by department', () => {
    it('lists only the products the department’s agents may link, with their departments', async () => {
      const source = newSource();
      const name = unique('Department filter');
      const [both, first, second] = await sync(source, [
        item({ name: `${name} both`, departmentIds: [departments[1].id, departments[0].id] }),
        item({ name: `${name} first`, departmentIds: [departments[0].id] }),
        item({ name: `${name} second`, departmentIds: [departments[1].id] }),
      ]);
      const res = await graph.query<{ products: { nodes: SyncedProduct[]; totalCount: number } }>(
        'newAgent',
        `query($departmentId: ID, $search: String) {
          products(first: 10, search: $search, departmentId: $departmentId) {
            totalCount nodes { ${PRODUCT_FIELDS} }
          }
        }`,
        { departmentId: departments[0].id, search: name },
      );
      expectNoErrors(res);
      expect(res.data?.products.totalCount).toBe(2);
      expect(res.data?.products.nodes).toEqual([both.product, first.product]);
      expect(both.product?.departments).toEqual([departments[0], departments[1]]);
      expect(second.product?.departments).toEqual([departments[1]]);
    });

    it('refuses a malformed departmentId with BAD_USER_INPUT', async () => {
      const res = await graph.query('admin', '{ products(departmentId: "nope") { totalCount } }');
      expectError(res, 'BAD_USER_INPUT', ['products']);
    });

    it('lists seeded products, made in desk, with no source and no departments', async () => {
      const res = await graph.query<{ products: { nodes: SyncedProduct[] } }>(
        'admin',
        `query($search: String) { products(first: 100, search: $search) { nodes { ${PRODUCT_FIELDS} } } }`,
        { search: seededCode },
      );
      expectNoErrors(res);
      const seeded = res.data?.products.nodes.find((p) => p.code === seededCode);
      expect(seeded).toMatchObject({
        code: seededCode,
        externalSource: null,
        externalId: null,
        departments: [],
      });
    });
  });
});

describe('Account.contactIds', () => {
  let graph: Graph;
  const prefix = unique('ContactIds');
  const ACCOUNT_COUNT = 10;
  let accountIds: string[];

  const create = <T>(mutation: string, input: Record<string, unknown>) =>
    mutateOk<T>(graph, 'agent', mutation, { input });

  const createContact = (primaryAccountId: string) =>
    create<{ id: string }>(
      'mutation($input: CreateContactInput!) { createContact(input: $input) { id } }',
      {
        firstName: 'Linked',
        lastName: 'Contact',
        email: `${randomUUID()}@example.test`,
        primaryAccountId,
      },
    );

  /**
   * ACCOUNT_COUNT accounts, each with a contact whose primary account it is and, linked after,
   * a contact whose primary account is elsewhere.
   */
  beforeAll(async () => {
    graph = await startGraph();
    const elsewhereAccount = await create<{ id: string }>(
      'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }',
      { name: unique('Elsewhere') },
    );
    accountIds = [];
    for (let i = 0; i < ACCOUNT_COUNT; i += 1) {
      const account = await create<{ id: string }>(
        'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }',
        { name: `${prefix} ${String(i).padStart(2, '0')}` },
      );
      accountIds.push(account.id);
      await createContact(account.id);
      const elsewhere = await createContact(elsewhereAccount.id);
      await create(
        'mutation($input: AssociateContactsInput!) { associateContacts(input: $input) { id } }',
        { accountId: account.id, contactIds: [elsewhere.id] },
      );
    }
  });
  afterAll(() => graph.stop());

  interface AccountView {
    id: string;
    contactIds: string[];
    contacts: { nodes: { isPrimary: boolean; contact: { id: string } }[] };
  }

  const ACCOUNTS = `query($first: Int!, $search: String!) {
    accounts(first: $first, search: $search) { nodes { id contactIds } }
  }`;

  it('lists exactly the contacts of account.contacts, primary and secondary, in link order', async () => {
    const res = await graph.query<{ accounts: { nodes: AccountView[] } }>(
      'newAgent',
      `query($search: String!) {
        accounts(first: 10, search: $search) {
          nodes { id contactIds contacts(first: 100) { nodes { isPrimary contact { id } } } }
        }
      }`,
      { search: prefix },
    );
    expectNoErrors(res);
    const accounts = res.data?.accounts.nodes ?? [];
    expect(accounts).toHaveLength(ACCOUNT_COUNT);
    for (const account of accounts) {
      expect(account.contactIds).toEqual(account.contacts.nodes.map((link) => link.contact.id));
      expect(account.contacts.nodes.map((link) => link.isPrimary)).toEqual([true, false]);
    }
  });

  it('matches desk.contact_account for a seeded account with many contacts', async () => {
    const [{ accountId }] = await graph.dataSources.desk.query(
      `SELECT account_id AS "accountId" FROM desk.contact_account
        GROUP BY account_id ORDER BY count(*) DESC, account_id LIMIT 1`,
    );
    const links: { contactId: string }[] = await graph.dataSources.desk.query(
      `SELECT contact_id AS "contactId" FROM desk.contact_account
        WHERE account_id = $1 ORDER BY created_at, id`,
      [accountId],
    );
    expect(links.length).toBeGreaterThan(1);
    const res = await graph.query<{ account: { contactIds: string[] } }>(
      'admin',
      'query($id: ID!) { account(id: $id) { contactIds } }',
      { id: accountId },
    );
    expectNoErrors(res);
    expect(res.data?.account.contactIds).toEqual(links.map((link) => link.contactId));
  });

  it('is empty for an account without contacts', async () => {
    const account = await create<{ contactIds: string[] }>(
      'mutation($input: CreateAccountInput!) { createAccount(input: $input) { contactIds } }',
      { name: unique('No contacts') },
    );
    expect(account.contactIds).toEqual([]);
  });

  it('is refused, like the rest of the account, to a light agent', async () => {
    const res = await graph.query('light', 'query($id: ID!) { account(id: $id) { contactIds } }', {
      id: accountIds[0],
    });
    expectError(res, 'FORBIDDEN', ['account']);
  });

  it('costs the same number of statements for 2 accounts as for 10', async () => {
    const statementsFor = (first: number) =>
      graph.countStatements('desk', async () => {
        const res = await graph.query<{ accounts: { nodes: AccountView[] } }>('admin', ACCOUNTS, {
          first,
          search: prefix,
        });
        expectNoErrors(res);
        const nodes = res.data?.accounts.nodes ?? [];
        expect(nodes).toHaveLength(first);
        for (const node of nodes) expect(node.contactIds).toHaveLength(2);
      });
    const two = await statementsFor(2);
    const ten = await statementsFor(ACCOUNT_COUNT);
    expect(ten).toBe(two);
    // viewer (3), the page, and one statement for every account's contact ids.
    expect(two).toBeLessThanOrEqual(5);
  });
});
