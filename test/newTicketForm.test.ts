import { config } from '../shared/config';
import { signAgentToken } from '../shared/identity';
import { Agent } from '../subgraphs/desk/entities';
import { DemoAgent, Graph, startGraph } from './harness';
import { expectError, expectNoErrors, mutateOk, sqlOn, unique } from './expectations';

/**
 * BIL-5: the new-ticket form finds the account and its contacts matching what was typed, before
 * the ticket exists, through the gateway. Demo contacts are only read; the contacts, accounts,
 * profile and agent made here are removed again in afterAll, since the database is shared.
 */

// Letters only, so that the token can be part of a name searched for.
const RUN = Date.now()
  .toString(36)
  .replace(/\d/g, (digit) => 'abcdefghij'[Number(digit)]);
/** In names it is capitalised and searched for in lower case: matching ignores case. */
const TOKEN = `Q${RUN}`;
const SEARCH = TOKEN.toLowerCase();

interface Found {
  account: { id: string; name: string };
  contacts: { id: string; name: string; email: string }[];
}

const FORM = `
  query($contact: String!, $accountId: ID!, $first: Int) {
    newTicketForm(contact: $contact, accountId: $accountId, first: $first) {
      account { id name }
      contacts { id name email }
    }
  }
`;

const CONTACTS_ONLY = `
  query($contact: String!, $accountId: ID!) {
    newTicketForm(contact: $contact, accountId: $accountId) { contacts { id } }
  }
`;

let graph: Graph;
const { sql } = sqlOn(() => graph.dataSources.desk);

const createdContacts: string[] = [];
const createdAccounts: string[] = [];

function form(variables: Record<string, unknown>, as: DemoAgent = 'admin') {
  return graph.query<{ newTicketForm: Found }>(as, FORM, variables);
}

async function found(variables: Record<string, unknown>, as: DemoAgent = 'admin') {
  const res = await form(variables, as);
  expectNoErrors(res);
  return res.data?.newTicketForm as Found;
}

const ids = (result: Found) => result.contacts.map((c) => c.id);

async function createAccount(): Promise<string> {
  const { id } = await mutateOk<{ id: string }>(
    graph,
    'admin',
    'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }',
    { input: { name: unique('New ticket form account') } },
  );
  createdAccounts.push(id);
  return id;
}

async function createContact(
  firstName: string,
  lastName: string,
  primaryAccountId: string,
  email = `${unique('ntf').replace(' ', '-')}@example.test`,
): Promise<string> {
  const { id } = await mutateOk<{ id: string }>(
    graph,
    'admin',
    'mutation($input: CreateContactInput!) { createContact(input: $input) { id } }',
    { input: { firstName, lastName, email, primaryAccountId } },
  );
  createdContacts.push(id);
  return id;
}

beforeAll(async () => {
  graph = await startGraph();
});

afterAll(async () => {
  // Links go with their contacts and accounts (ON DELETE CASCADE).
  await sql('DELETE FROM desk.contact WHERE id = ANY($1)', [createdContacts]);
  await sql('DELETE FROM desk.account WHERE id = ANY($1)', [createdAccounts]);
  await graph.stop();
});

describe('BIL-5: a seeded contact within its account', () => {
  let demo: { id: string; firstName: string; lastName: string; email: string; accountId: string };

  beforeAll(async () => {
    // A secondary link when there is one: the form covers every contact of the account.
    [demo] = await sql<typeof demo>(
      `SELECT c.id, c.first_name AS "firstName", c.last_name AS "lastName", c.email,
              l.account_id AS "accountId"
         FROM desk.contact c JOIN desk.contact_account l ON l.contact_id = c.id
        WHERE length(c.last_name) >= 4
        ORDER BY l.is_primary, c.email
        LIMIT 1`,
    );
  });

  it('finds the contact by e-mail, typed in any case, first', async () => {
    const result = await found({ contact: demo.email.toUpperCase(), accountId: demo.accountId });
    expect(result.account.id).toBe(demo.accountId);
    expect(result.contacts[0]).toEqual({
      id: demo.id,
      name: `${demo.firstName} ${demo.lastName}`,
      email: demo.email,
    });
  });

  it.each([
    ['part of the last name', () => demo.lastName.slice(1, 4)],
    [
      'the first name and the start of the last name',
      () => `${demo.firstName} ${demo.lastName.slice(0, 2)}`,
    ],
  ])('finds the contact by %s, and only matching contacts of the account', async (_label, text) => {
    const search = text();
    const result = await found({ contact: search, accountId: demo.accountId, first: 50 });
    expect(ids(result)).toContain(demo.id);
    const linked = await sql<{ contact_id: string }>(
      'SELECT contact_id FROM desk.contact_account WHERE account_id = $1',
      [demo.accountId],
    );
    const ofAccount = new Set(linked.map((row) => row.contact_id));
    for (const contact of result.contacts) {
      expect(ofAccount.has(contact.id)).toBe(true);
      expect(`${contact.name} ${contact.email}`.toLowerCase()).toContain(search.toLowerCase());
    }
  });
});

describe('BIL-5: matching and order within the account', () => {
  let account: string;
  let other: string;
  const contact: Record<string, string> = {};

  beforeAll(async () => {
    account = await createAccount();
    other = await createAccount();
    // Made out of the expected order, so that creation order cannot pass for the ranking.
    contact.nameContains = await createContact('Anna', `Ab${TOKEN}`, account);
    contact.lastNamePrefix = await createContact('Ben', `${TOKEN}zz`, account);
    contact.emailOnly = await createContact('Dora', 'Aa', account, `x${SEARCH}@example.test`);
    contact.secondary = await createContact('Gus', `${TOKEN}gg`, other);
    contact.firstNamePrefix = await createContact(`${TOKEN}ia`, 'Mm', account);
    // Matches the text but belongs only to the other account.
    contact.otherAccount = await createContact('Otto', `${TOKEN}oo`, other);
    // Belongs to the account but does not match.
    contact.unrelated = await createContact('Una', 'Related', account);
    await mutateOk(
      graph,
      'admin',
      'mutation($input: AssociateContactsInput!) { associateContacts(input: $input) { id } }',
      { input: { accountId: account, contactIds: [contact.secondary] } },
    );
  });

  /** Name prefixes (by last name), then other contains-matches (by last name). */
  const EXPECTED_ORDER = [
    'firstNamePrefix',
    'secondary',
    'lastNamePrefix',
    'emailOnly',
    'nameContains',
  ] as const;

  it('lists primary and secondary contacts of the account, best match first', async () => {
    const result = await found({ contact: SEARCH, accountId: account });
    expect(result.account.id).toBe(account);
    expect(ids(result)).toEqual(EXPECTED_ORDER.map((key) => contact[key]));
  });

  it('does not return contacts of other accounts', async () => {
    const result = await found({ contact: SEARCH, accountId: account });
    expect(ids(result)).not.toContain(contact.otherAccount);
    const fromOther = await found({ contact: SEARCH, accountId: other });
    expect(ids(fromOther)).toEqual([contact.secondary, contact.otherAccount]);
  });

  it('puts an exact e-mail before contacts whose e-mail merely contains it', async () => {
    // Without the token, so that the other tests' searches never see these two.
    const email = `exact${RUN}@example.test`;
    // Sorts first by name and its e-mail contains the other one's: only the rank puts it second.
    const containing = await createContact('Aaron', 'Aaberg', account, `a${email}`);
    const exact = await createContact('Zoe', 'Zulu', account, email);
    const result = await found({ contact: email, accountId: account });
    expect(ids(result)).toEqual([exact, containing]);
  });

  it('returns at most `first` contacts', async () => {
    const result = await found({ contact: SEARCH, accountId: account, first: 2 });
    expect(ids(result)).toEqual([contact.firstNamePrefix, contact.secondary]);
  });

  it('takes LIKE wildcards in the text literally', async () => {
    const result = await found({ contact: '%_', accountId: account });
    expect(result.contacts).toEqual([]);
  });
});

describe('BIL-5: refusals', () => {
  let account: string;

  beforeAll(async () => {
    [{ id: account }] = await sql<{ id: string }>(
      'SELECT id FROM desk.account ORDER BY id LIMIT 1',
    );
  });

  it.each(['', '   ', 'a', ' b '])('refuses contact %j with BAD_USER_INPUT', async (text) => {
    const res = await form({ contact: text, accountId: account });
    expectError(res, 'BAD_USER_INPUT', ['newTicketForm']);
    expect(res.errors?.[0].extensions?.argument).toBe('contact');
    expect(res.errors?.[0].message).toMatch(/contact/);
    expect(res.data ?? null).toBeNull();
  });

  it.each([
    ['an unknown', '00000000-0000-4000-8000-000000000000'],
    ['a malformed', 'not-an-id'],
  ])('answers %s accountId with NOT_FOUND', async (_label, accountId) => {
    const res = await form({ contact: 'smith', accountId });
    expectError(res, 'NOT_FOUND', ['newTicketForm']);
    expect(res.errors?.[0].message).toContain(accountId);
    expect(res.data ?? null).toBeNull();
  });

  it.each([51, 0])('refuses first: %d with BAD_USER_INPUT', async (first) => {
    const res = await form({ contact: 'smith', accountId: account, first });
    expectError(res, 'BAD_USER_INPUT', ['newTicketForm']);
    expect(res.errors?.[0].extensions?.argument).toBe('first');
  });
});

describe('BIL-5: permissions', () => {
  let demo: { id: string; email: string; accountId: string };

  beforeAll(async () => {
    [demo] = await sql<typeof demo>(
      `SELECT c.id, c.email, l.account_id AS "accountId"
         FROM desk.contact c JOIN desk.contact_account l ON l.contact_id = c.id
        ORDER BY c.email LIMIT 1`,
    );
  });

  it.each<DemoAgent>(['admin', 'agent', 'newAgent'])(
    '%s, who may view contacts and accounts, gets both',
    async (as) => {
      const result = await found({ contact: demo.email, accountId: demo.accountId }, as);
      expect(result.account.id).toBe(demo.accountId);
      expect(ids(result)).toEqual([demo.id]);
    },
  );

  it('a light agent (contacts, no accounts) gets the contacts', async () => {
    const res = await graph.query<{ newTicketForm: { contacts: { id: string }[] } }>(
      'light',
      CONTACTS_ONLY,
      { contact: demo.email, accountId: demo.accountId },
    );
    expectNoErrors(res);
    expect(res.data?.newTicketForm.contacts).toEqual([{ id: demo.id }]);
  });

  it('a light agent asking for the account is refused it with FORBIDDEN', async () => {
    const res = await form({ contact: demo.email, accountId: demo.accountId }, 'light');
    expect(res.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    expect(res.errors?.[0].path?.slice(0, 2)).toEqual(['newTicketForm', 'account']);
    // account is non-null, so the refusal takes the whole form with it.
    expect(res.data ?? null).toBeNull();
  });

  describe('an agent whose profile may not view contacts', () => {
    let profileId: string;
    let agent: Agent;
    let authorization: string;

    beforeAll(async () => {
      // A profile and agent of this file's own: moving a demo agent would affect other tests.
      const [light] = await sql<{ id: string }>(
        `SELECT id FROM desk.agent_profile WHERE name = 'Light agent'`,
      );
      const profile = await mutateOk<{ id: string }>(
        graph,
        'admin',
        'mutation($input: CreateAgentProfileInput!) { createAgentProfile(input: $input) { id } }',
        { input: { name: unique('Tickets only'), copyFromProfileId: light.id } },
      );
      profileId = profile.id;
      await mutateOk(
        graph,
        'admin',
        `mutation($profileId: ID!, $permissions: [ModulePermissionInput!]!) {
          setProfilePermissions(profileId: $profileId, permissions: $permissions) { id }
        }`,
        {
          profileId,
          permissions: [{ module: 'CONTACTS', view: false, create: false, edit: false }],
        },
      );
      agent = await graph.dataSources.desk.getRepository(Agent).save({
        name: 'Tickets Only',
        email: `${unique('tickets-only').replace(' ', '-')}@demo.customer-graph.dev`,
        profileId,
      });
      authorization = `Bearer ${signAgentToken(agent, config().auth)}`;
    });

    afterAll(async () => {
      await sql('DELETE FROM desk.agent WHERE id = $1', [agent.id]);
      await sql('DELETE FROM desk.agent_profile WHERE id = $1', [profileId]);
    });

    it('is refused with FORBIDDEN and gets nothing', async () => {
      const res = await graph.query({ authorization }, CONTACTS_ONLY, {
        contact: demo.email,
        accountId: demo.accountId,
      });
      expectError(res, 'FORBIDDEN', ['newTicketForm']);
      expect(res.data ?? null).toBeNull();
      expect(JSON.stringify(res)).not.toContain(demo.id);
    });
  });
});
