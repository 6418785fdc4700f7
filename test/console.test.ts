import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { config, ConfigError, loadConfig } from '../shared/config';
import { type Identity, IDENTITY_HEADER, signForwardedIdentity } from '../shared/identity';
import { ensureConsoleBuilt } from './consoleBuild';
import { expectError, expectNoErrors, sqlOn, unique, waitFor } from './expectations';
import { Graph, postGraphQL, startGraph } from './harness';

/**
 * The agent console (issue 9) in a real browser: Debian's Chromium driven by playwright-core,
 * against the whole graph started by the harness, the console served by the gateway at /console.
 * USE-1, INV-6, BIL-5, BIL-6, BKS-10, PRJ-2.
 */

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
/** The network is closed here: without these Chromium keeps dialling Google's services. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const OUTPUT_DIR = path.resolve(__dirname, '..', 'test-output', 'console');
/** The longest a page waits for the graph; generous, as the machine runs other suites too. */
const UI_TIMEOUT_MS = 20_000;

const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  AGENT_JWT_SECRET: 'console-test-secret-console-test-secret-0001',
  SUBGRAPH_SIGNING_SECRET: 'console-test-secret-console-test-secret-0002',
};

interface DemoTicket {
  id: string;
  number: number;
  contactId: string;
  accountId: string;
}

/**
 * A ticket every integration has something to show for: its contact has inventory sales orders
 * and invoices and billing subscriptions, its account a books contact with invoices and projects.
 */
async function ticketWithEveryIntegration(graph: Graph): Promise<DemoTicket> {
  const { sql } = sqlOn(() => graph.dataSources.desk);
  const [ticket] = await sql<DemoTicket>(
    `SELECT t.id, t.number, t.contact_id AS "contactId", t.account_id AS "accountId"
       FROM desk.ticket t
      WHERE EXISTS (SELECT 1 FROM inventory.customer c JOIN inventory.sales_order so
                      ON so.customer_id = c.id WHERE c.contact_id = t.contact_id)
        AND EXISTS (SELECT 1 FROM inventory.customer c JOIN inventory.invoice i
                      ON i.customer_id = c.id WHERE c.contact_id = t.contact_id)
        AND EXISTS (SELECT 1 FROM billing.customer c JOIN billing.subscription s
                      ON s.customer_id = c.id WHERE c.contact_id = t.contact_id)
        AND EXISTS (SELECT 1 FROM books.contact bc JOIN books.invoice bi
                      ON bi.contact_id = bc.id WHERE bc.desk_account_id = t.account_id)
        AND EXISTS (SELECT 1 FROM projects.client pc JOIN projects.project p
                      ON p.client_id = pc.id WHERE pc.desk_account_id = t.account_id)
      ORDER BY t.number LIMIT 1`,
  );
  if (!ticket) throw new Error('the demo data has no ticket with every integration');
  return ticket;
}

/** What the graph answers the agent, to find the same data on the page. */
async function panelsOf(graph: Graph, ticket: DemoTicket) {
  const answer = await graph.query<{
    ticket: {
      contact: { name: string };
      account: { name: string };
      inventory: {
        overview: { itemsBought: { item: { name: string } }[] };
        activity: { nodes: { summary: string }[] };
        salesOrders: { nodes: { number: string }[] };
        invoices: { nodes: { id: string; number: string; status: string }[] };
      };
      billing: {
        overview: { customers: { email: string }[] };
        subscriptions: { nodes: { number: string }[] };
        invoices: { nodes: { number: string }[] };
      };
    };
    account: {
      books: { transactions: { nodes: { number: string; pdfUrl: string }[] } };
      projects: { nodes: { key: string; name: string }[] };
    };
  }>(
    'agent',
    `query ConsoleTestPanels($ticketId: ID!, $accountId: ID!) {
      ticket(id: $ticketId) {
        contact { name }
        account { name }
        inventory {
          overview { itemsBought(first: 10) { item { name } } }
          activity(first: 20) { nodes { summary } }
          salesOrders(first: 20) { nodes { number } }
          invoices(first: 20) { nodes { id number status } }
        }
        billing {
          overview { customers { email } }
          subscriptions(first: 20) { nodes { number } }
          invoices(first: 20) { nodes { number } }
        }
      }
      account(id: $accountId) {
        books { transactions(first: 20) { nodes { number pdfUrl } } }
        projects(first: 20) { nodes { key name } }
      }
    }`,
    { ticketId: ticket.id, accountId: ticket.accountId },
  );
  expectNoErrors(answer);
  if (!answer.data) throw new Error('no panels');
  return answer.data;
}

describe('the agent console in Chromium', () => {
  let graph: Graph;
  let browser: Browser;
  let consoleUrl: string;
  let ticket: DemoTicket;

  beforeAll(async () => {
    ensureConsoleBuilt();
    fs.mkdirSync(OUTPUT_DIR, { recursive: true });
    // Workers on: the sync run started from the console has to run to its end.
    graph = await startGraph({ workers: true });
    consoleUrl = `${graph.gatewayUrl.replace(/\/graphql$/, '')}/console/`;
    ticket = await ticketWithEveryIntegration(graph);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await graph?.stop();
  });

  async function signedIn(email: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(UI_TIMEOUT_MS);
    await page.goto(consoleUrl);
    await page.getByLabel('E-mail').fill(email);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('table', { name: 'Tickets' }).waitFor();
    return page;
  }

  async function openTicket(page: Page, number: number): Promise<void> {
    await page.getByLabel('Ticket #').fill(String(number));
    await page.getByRole('button', { name: 'Open' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^#${number} `) }).waitFor();
  }

  const tab = (page: Page, list: string, name: string) =>
    page.getByRole('tablist', { name: list }).getByRole('tab', { name, exact: true });

  it('shows a ticket with its contact, account and every integration tab, from the graph', async () => {
    const panels = await panelsOf(graph, ticket);
    const page = await signedIn('agent@demo.customer-graph.dev');
    await expectVisible(page.getByTestId('signed-in-agent'), 'Ben Agent');
    await openTicket(page, ticket.number);
    await expectVisible(page.getByLabel('Contact', { exact: true }), panels.ticket.contact.name);
    await expectVisible(page.getByLabel('Account', { exact: true }), panels.ticket.account.name);

    // Inventory: Overview, Activity, Sales orders, Invoices.
    const inventory = page.getByRole('region', { name: 'Inventory' });
    await expectVisible(
      inventory.getByRole('table', { name: 'Items bought' }),
      panels.ticket.inventory.overview.itemsBought[0].item.name,
    );
    await tab(page, 'Inventory', 'Activity').click();
    await expectVisible(
      inventory.getByRole('table', { name: 'Inventory activity' }),
      panels.ticket.inventory.activity.nodes[0].summary,
    );
    await tab(page, 'Inventory', 'Sales orders').click();
    await expectVisible(
      inventory.getByRole('table', { name: 'Sales orders' }),
      panels.ticket.inventory.salesOrders.nodes[0].number,
    );
    await tab(page, 'Inventory', 'Invoices').click();
    await expectVisible(
      inventory.getByRole('table', { name: 'Inventory invoices' }),
      panels.ticket.inventory.invoices.nodes[0].number,
    );

    // Billing: Overview, Subscriptions, Invoices.
    await tab(page, 'Integrations', 'Billing').click();
    const billing = page.getByRole('region', { name: 'Billing' });
    await expectVisible(billing.getByLabel('Billing overview'), 'Credit balance');
    await expectVisible(billing, panels.ticket.billing.overview.customers[0].email);
    await tab(page, 'Billing', 'Subscriptions').click();
    await expectVisible(
      billing.getByRole('table', { name: 'Subscriptions' }),
      panels.ticket.billing.subscriptions.nodes[0].number,
    );
    await tab(page, 'Billing', 'Invoices').click();
    await expectVisible(
      billing.getByRole('table', { name: 'Billing invoices' }),
      panels.ticket.billing.invoices.nodes[0].number,
    );

    // Books: transactions with their PDF links, and the receivables.
    await tab(page, 'Integrations', 'Books').click();
    const books = page.getByRole('region', { name: 'Books' });
    const firstTransaction = panels.account.books.transactions.nodes[0];
    await expectVisible(
      books.getByRole('table', { name: 'Books transactions' }),
      firstTransaction.number,
    );
    await expectVisible(books.getByLabel('Receivables'), 'Outstanding');
    const pdfLink = books
      .getByRole('row', { name: new RegExp(firstTransaction.number) })
      .getByRole('link', { name: 'PDF' });
    const pdf = await page.request.get((await pdfLink.getAttribute('href')) ?? '');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');

    // Projects: the account's projects with their progress.
    await tab(page, 'Integrations', 'Projects').click();
    const project = panels.account.projects.nodes[0];
    const projects = page.getByRole('region', { name: 'Projects' });
    await expectVisible(projects.getByRole('table', { name: 'Projects' }), project.name);
    await projects.getByLabel(`${project.key} progress`).waitFor();

    await page.screenshot({ path: path.join(OUTPUT_DIR, 'ticket-projects.png'), fullPage: true });
    await page.close();
  });

  it('creates a sales order from the ticket, then shows the refusal once the profile no longer allows it', async () => {
    const page = await signedIn('agent@demo.customer-graph.dev');
    await openTicket(page, ticket.number);
    await tab(page, 'Inventory', 'Sales orders').click();
    const form = page.getByRole('form', { name: 'Create a sales order' });
    await form.getByLabel('Quantity').fill('2');
    await form.getByRole('button', { name: 'Create sales order' }).click();
    const created = await form.getByRole('status').textContent();
    const number = /Sales order (SO-\d+) created/.exec(created ?? '')?.[1];
    expect(number).toBeDefined();

    // The filter "from this ticket" shows it, and so does the graph.
    await page
      .getByRole('region', { name: 'Inventory' })
      .getByLabel('Show')
      .selectOption('THIS_TICKET');
    await expectVisible(page.getByRole('table', { name: 'Sales orders' }), number ?? '');
    const linked = await graph.query<{
      ticket: {
        inventory: { salesOrders: { nodes: { number: string; ticket: { id: string } }[] } };
      };
    }>(
      'agent',
      `query ($id: ID!) { ticket(id: $id) { inventory {
        salesOrders(first: 50, scope: THIS_TICKET) { nodes { number ticket { id } } } } } }`,
      { id: ticket.id },
    );
    expect(linked.data?.ticket.inventory.salesOrders.nodes).toContainEqual({
      number,
      ticket: { id: ticket.id },
    });

    // An administrator lowers the Agent profile to viewing sales orders while the console is
    // open: the console still offers the action, and the graph's refusal is shown as a sentence.
    const levels = await graph.query<{
      viewer: { profile: { id: string } };
      inventoryIntegration: {
        viewerPermissions: {
          view: boolean;
          salesOrders: string;
          invoices: string;
          createContacts: boolean;
        };
      };
    }>(
      'agent',
      `{ viewer { profile { id } }
         inventoryIntegration { viewerPermissions { view salesOrders invoices createContacts } } }`,
    );
    const profileId = levels.data?.viewer.profile.id;
    const before = levels.data?.inventoryIntegration.viewerPermissions;
    const setLevels = (input: unknown) =>
      graph.query(
        'admin',
        `mutation ($profileId: ID!, $input: InventoryPermissionsInput!) {
          setInventoryPermissions(profileId: $profileId, input: $input) { profile { id } }
        }`,
        { profileId, input },
      );
    expectNoErrors(await setLevels({ ...before, salesOrders: 'VIEW' }));
    try {
      await form.getByRole('button', { name: 'Create sales order' }).click();
      const refusal = form.getByRole('alert');
      await expectVisible(refusal, 'Not allowed');
      await page.screenshot({
        path: path.join(OUTPUT_DIR, 'refused-sales-order.png'),
        fullPage: true,
      });
    } finally {
      expectNoErrors(await setLevels(before));
    }
    await page.close();
  });

  it("sends an invoice to the contact and associates a contact with the ticket's account", async () => {
    const panels = await panelsOf(graph, ticket);
    const invoice = panels.ticket.inventory.invoices.nodes.find((i) => i.status !== 'VOID');
    if (!invoice) throw new Error('the demo contact has no invoice to send');
    const emailsOf = async () => {
      const res = await graph.query<{ inventoryInvoice: { emails: { to: string }[] } }>(
        'agent',
        'query ($id: ID!) { inventoryInvoice(id: $id) { emails { to } } }',
        { id: invoice.id },
      );
      expectNoErrors(res);
      return res.data?.inventoryInvoice.emails.length ?? 0;
    };
    const emailsBefore = await emailsOf();
    const firstName = unique('Console');
    const created = await graph.query<{ createContact: { id: string } }>(
      'admin',
      'mutation ($input: CreateContactInput!) { createContact(input: $input) { id } }',
      {
        input: {
          firstName,
          lastName: 'Associated',
          email: `${firstName.replace(/\W+/g, '.').toLowerCase()}@example.invalid`,
        },
      },
    );
    expectNoErrors(created);

    const page = await signedIn('agent@demo.customer-graph.dev');
    await openTicket(page, ticket.number);
    await tab(page, 'Inventory', 'Invoices').click();
    await page.getByRole('button', { name: `Send invoice ${invoice.number}` }).click();
    await waitFor(
      'the invoice e-mail',
      async () => (await emailsOf()) > emailsBefore,
      UI_TIMEOUT_MS,
    );
    expect(await page.getByRole('region', { name: 'Inventory' }).getByRole('alert').count()).toBe(
      0,
    );

    const association = page.getByRole('form', { name: 'Associate a contact' });
    await association.getByLabel('Associate a contact').fill(firstName);
    await association.getByRole('button', { name: 'Find' }).click();
    await page
      .getByRole('listitem')
      .filter({ hasText: firstName })
      .getByRole('button', { name: 'Associate' })
      .click();
    await expectVisible(page.getByRole('status'), 'is now a contact of this account');
    await expectVisible(page.getByRole('list', { name: 'Account contacts' }), firstName);
    const linked = await graph.query<{ contact: { accounts: { account: { id: string } }[] } }>(
      'agent',
      'query ($id: ID!) { contact(id: $id) { accounts { account { id } } } }',
      { id: created.data?.createContact.id },
    );
    expect(linked.data?.contact.accounts).toEqual([{ account: { id: ticket.accountId } }]);
    await page.close();
  });

  it('hides or disables the actions a profile does not allow', async () => {
    const page = await signedIn('new.agent@demo.customer-graph.dev');
    await openTicket(page, ticket.number);
    await expectVisible(page.getByTestId('associations-not-allowed'), 'may not change');
    await tab(page, 'Inventory', 'Sales orders').click();
    await expectVisible(page.getByTestId('create-sales-order-not-allowed'), 'may not create');
    expect(await page.getByRole('form', { name: 'Create a sales order' }).count()).toBe(0);
    await tab(page, 'Inventory', 'Invoices').click();
    const send = page.getByRole('button', { name: /^Send invoice / }).first();
    await send.waitFor();
    expect(await send.isDisabled()).toBe(true);
    await page.close();

    // A light agent sees the ticket and its contact; each hidden integration says so.
    const light = await signedIn('light.agent@demo.customer-graph.dev');
    await openTicket(light, ticket.number);
    await light.getByLabel('Contact', { exact: true }).waitFor();
    await expectVisible(
      light.getByRole('region', { name: 'Inventory' }).getByRole('alert'),
      'Not allowed',
    );
    await tab(light, 'Integrations', 'Billing').click();
    await expectVisible(
      light.getByRole('region', { name: 'Billing' }).getByRole('alert'),
      'Not allowed',
    );
    await light.close();
  });

  it('shows the progress of an association import it started until the sync run ends', async () => {
    const [contact] = await sqlOn(() => graph.dataSources.desk).sql<{
      email: string;
      name: string;
    }>(
      `SELECT c.email, a.name FROM desk.contact c JOIN desk.account a ON a.id = $2 WHERE c.id = $1`,
      [ticket.contactId, ticket.accountId],
    );
    // One link that exists already (nothing changes) and one for nobody, which the run reports.
    const csv = [
      'Contact Email,Account Name',
      `${contact.email},${contact.name}`,
      `nobody-${Date.now()}@example.invalid,${contact.name}`,
    ].join('\n');
    const page = await signedIn('agent@demo.customer-graph.dev');
    await openTicket(page, ticket.number);
    await page.getByLabel('Import associations from a file (CSV or XLSX)').setInputFiles({
      name: `console-test-${Date.now()}.csv`,
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    const run = page.getByTestId('sync-run');
    await run.getByRole('progressbar', { name: 'Sync progress' }).waitFor();
    await page.locator('[data-testid="sync-run"][data-status="SUCCEEDED"]').waitFor();
    await expectVisible(run, '2 of 2 records');
    await expectVisible(run, 'unchanged 1');
    await expectVisible(run, 'failed 1');
    await expectVisible(run.getByRole('list', { name: 'Failures' }), 'nobody-');
    await page.screenshot({
      path: path.join(OUTPUT_DIR, 'association-import.png'),
      fullPage: true,
    });
    await page.close();
  });

  it("shows a contact's billing data on the new-ticket form while the name is typed (BIL-5), and creates the ticket", async () => {
    const [names] = await sqlOn(() => graph.dataSources.desk).sql<{
      contact: string;
      account: string;
    }>(
      `SELECT c.first_name AS contact, a.name AS account
         FROM desk.contact c JOIN desk.account a ON a.id = $2 WHERE c.id = $1`,
      [ticket.contactId, ticket.accountId],
    );
    const page = await signedIn('agent@demo.customer-graph.dev');
    await page.getByRole('link', { name: 'New ticket' }).click();
    await page.getByLabel('Account', { exact: true }).fill(names.account);
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByLabel('Choose the account').selectOption({ label: names.account });
    await page.getByLabel('Contact name or e-mail').fill(names.contact);
    const matches = page.getByRole('list', { name: 'Matching contacts' });
    await expectVisible(matches, names.contact);
    await expectVisible(matches.getByLabel('Billing overview').first(), 'Credit balance');
    await page.screenshot({ path: path.join(OUTPUT_DIR, 'new-ticket.png'), fullPage: true });

    // The ticket is made for the chosen contact under that account, and opens.
    await matches.getByRole('radio').first().check();
    const subject = unique('Console ticket');
    await page.getByLabel('Subject').fill(subject);
    await page.getByRole('button', { name: 'Create ticket' }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(subject) }).waitFor();
    const [made] = await sqlOn(() => graph.dataSources.desk).sql<{ accountId: string }>(
      'SELECT account_id AS "accountId" FROM desk.ticket WHERE subject = $1',
      [subject],
    );
    expect(made).toEqual({ accountId: ticket.accountId });
    await page.close();
  });

  describe('the demo sign-in', () => {
    const signIn = (base: string, email: string) =>
      fetch(`${base}/console/demo-sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email }),
      });

    it('signs a token for an active agent in development, and refuses an unknown e-mail', async () => {
      const base = graph.gatewayUrl.replace(/\/graphql$/, '');
      const answer = await signIn(base, 'Agent@Demo.Customer-Graph.dev');
      expect(answer.status).toBe(200);
      const { token } = (await answer.json()) as { token: string };
      const viewer = await graph.query<{ viewer: { email: string } }>(
        { authorization: `Bearer ${token}` },
        '{ viewer { email } }',
      );
      expect(viewer.data?.viewer.email).toBe('agent@demo.customer-graph.dev');
      const unknown = await signIn(base, 'nobody@example.invalid');
      expect(unknown.status).toBe(404);
      expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    });

    it('is not in the public API: the gateway reaches desk for it as a service', async () => {
      const asked = await graph.query(
        'admin',
        '{ agentCredential(email: "agent@demo.customer-graph.dev") { agentId } }',
      );
      expect(asked.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('answers the gateway in desk directly, and no agent, administrators included', async () => {
      const ask = (identity: Identity) =>
        postGraphQL<{ agentCredential: { agentId: string; email: string } | null }>(
          graph.subgraphUrls.desk,
          { [IDENTITY_HEADER]: signForwardedIdentity(identity, config().auth) },
          {
            query: `query ($email: String!) { agentCredential(email: $email) { agentId email } }`,
            variables: { email: ' NEW.Agent@demo.customer-graph.dev ' },
          },
        );
      const gateway = await ask({ kind: 'service', service: 'gateway' });
      expectNoErrors(gateway);
      expect(gateway.data?.agentCredential).toEqual({
        agentId: graph.agentIds.newAgent,
        email: 'new.agent@demo.customer-graph.dev',
      });
      const administrator = await ask({
        kind: 'agent',
        agentId: graph.agentIds.admin,
        email: 'admin@demo.customer-graph.dev',
      });
      expectError(administrator, 'FORBIDDEN', ['agentCredential']);
      const onBehalf = await ask({
        kind: 'service',
        service: 'gateway',
        onBehalfOf: graph.agentIds.admin,
      });
      expectError(onBehalf, 'FORBIDDEN', ['agentCredential']);
    });

    it('does not exist in production, where the console is off unless enabled', async () => {
      const production = loadConfig(PRODUCTION_ENV);
      expect(production.console).toMatchObject({ enabled: false, demoSignIn: false });
      expect(() => loadConfig({ ...PRODUCTION_ENV, CONSOLE_DEMO_SIGN_IN: 'true' })).toThrow(
        ConfigError,
      );
      const enabled = loadConfig({ ...PRODUCTION_ENV, CONSOLE_ENABLED: 'true' }).console;
      // Stopped with the graph.
      const gateway = await graph.startGateway({
        configure: (settings) => ({ ...settings, env: 'production', console: enabled }),
      });
      const base = gateway.url.replace(/\/graphql$/, '');
      expect((await signIn(base, 'agent@demo.customer-graph.dev')).status).toBe(404);
      const served = await fetch(`${base}/console/`);
      expect(served.status).toBe(200);
      expect(await served.text()).toContain('<div id="root">');
    });
  });
});

/** Waits until the element shows the text (a page answers when the graph has). */
async function expectVisible(locator: ReturnType<Page['locator']>, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ state: 'visible' });
}
