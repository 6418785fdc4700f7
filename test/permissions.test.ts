import { randomUUID } from 'node:crypto';
import { config } from '../shared/config';
import { IDENTITY_HEADER, signForwardedIdentity } from '../shared/identity';
import { DEMO_AGENTS } from '../subgraphs/desk/seed/generate';
import { DemoAgent, Graph, GraphQLResponse, postGraphQL, startGraph } from './harness';
import { errorCodes, expectError, expectNoErrors, unique } from './expectations';

/** PERM-1 for desk: graphql-shield applies each agent profile's levels, deny by default. */

type Module = 'TICKETS' | 'CONTACTS' | 'ACCOUNTS' | 'PRODUCTS' | 'DEALS' | 'CRM_TASKS';
type Level = '' | 'v' | 'vc' | 'vce';

interface ModulePermission {
  module: Module;
  view: boolean;
  create: boolean;
  edit: boolean;
}

interface Profile {
  id: string;
  name: string;
  isAdministrator: boolean;
  permissions: ModulePermission[];
}

const MODULES: readonly Module[] = [
  'TICKETS',
  'CONTACTS',
  'ACCOUNTS',
  'PRODUCTS',
  'DEALS',
  'CRM_TASKS',
];

/** Every module in schema order, as `AgentProfile.permissions` lists them. */
function levels(of: Partial<Record<Module, Level>>): ModulePermission[] {
  return MODULES.map((module) => {
    const level = of[module] ?? '';
    return {
      module,
      view: level.includes('v'),
      create: level.includes('c'),
      edit: level.includes('e'),
    };
  });
}

/** The seeded permission matrix (v = view, c = create, e = edit). */
const SEEDED_PROFILES: Record<DemoAgent, { name: string; permissions: ModulePermission[] }> = {
  admin: {
    name: 'Administrator',
    permissions: levels({
      TICKETS: 'vce',
      CONTACTS: 'vce',
      ACCOUNTS: 'vce',
      PRODUCTS: 'vce',
      DEALS: 'vce',
      CRM_TASKS: 'vce',
    }),
  },
  agent: {
    name: 'Agent',
    permissions: levels({
      TICKETS: 'vce',
      CONTACTS: 'vce',
      ACCOUNTS: 'vce',
      PRODUCTS: 'v',
      DEALS: 'vce',
      CRM_TASKS: 'vce',
    }),
  },
  newAgent: {
    name: 'New agent',
    permissions: levels({
      TICKETS: 'vc',
      CONTACTS: 'v',
      ACCOUNTS: 'v',
      PRODUCTS: 'v',
      DEALS: 'v',
      CRM_TASKS: 'v',
    }),
  },
  light: { name: 'Light agent', permissions: levels({ TICKETS: 'v', CONTACTS: 'v' }) },
};

const DEMO_EMAILS: Record<DemoAgent, string> = {
  admin: DEMO_AGENTS[0].email,
  agent: DEMO_AGENTS[1].email,
  newAgent: DEMO_AGENTS[2].email,
  light: DEMO_AGENTS[3].email,
};

const PROFILE_FIELDS = 'id name isAdministrator permissions { module view create edit }';

const CREATE_TICKET = `mutation($input: CreateTicketInput!) {
  createTicket(input: $input) { id subject account { id } }
}`;
const UPDATE_TICKET = `mutation($id: ID!, $input: UpdateTicketInput!) {
  updateTicket(id: $id, input: $input) { id subject }
}`;
const CREATE_ACCOUNT = `mutation($input: CreateAccountInput!) {
  createAccount(input: $input) { id name }
}`;
const CREATE_DEAL = `mutation($input: CreateDealInput!) {
  createDeal(input: $input) { id name outcome owner { id } }
}`;
const CREATE_PROFILE = `mutation($input: CreateAgentProfileInput!) {
  createAgentProfile(input: $input) { ${PROFILE_FIELDS} }
}`;
const SET_PERMISSIONS = `mutation($profileId: ID!, $permissions: [ModulePermissionInput!]!) {
  setProfilePermissions(profileId: $profileId, permissions: $permissions) { ${PROFILE_FIELDS} }
}`;
const SET_AGENT_PROFILE = `mutation($agentId: ID!, $profileId: ID!) {
  setAgentProfile(agentId: $agentId, profileId: $profileId) { id profile { id name } }
}`;

describe('PERM-1: desk permissions per agent profile', () => {
  let graph: Graph;
  let profileIds: Record<string, string>;
  let ticket: { id: string; subject: string; accountName: string; assigneeProfile: string };
  let contactId: string;
  let departmentId: string;
  let accountId: string;

  /** Runs SQL against the desk schema of the shared test database. */
  async function sql<Row>(text: string, params: unknown[] = []): Promise<Row[]> {
    return graph.dataSources.desk.query(text, params);
  }

  async function count(text: string, params: unknown[] = []): Promise<number> {
    const [row] = await sql<{ n: string }>(`SELECT count(*) AS n FROM (${text}) rows`, params);
    return Number(row.n);
  }

  /** Calls the desk subgraph itself with a valid gateway signature for `agentId`. */
  function callDesk<T>(
    agentId: string,
    query: string,
    variables?: Record<string, unknown>,
    email = 'someone@demo.customer-graph.dev',
  ): Promise<GraphQLResponse<T>> {
    const identity = signForwardedIdentity({ kind: 'agent', agentId, email }, config().auth);
    return postGraphQL<T>(
      graph.subgraphUrls.desk,
      { [IDENTITY_HEADER]: identity },
      {
        query,
        variables,
      },
    );
  }

  const callDeskAs = <T>(as: DemoAgent, query: string, variables?: Record<string, unknown>) =>
    callDesk<T>(graph.agentIds[as], query, variables, DEMO_EMAILS[as]);

  beforeAll(async () => {
    graph = await startGraph();
    const profiles = await sql<{ id: string; name: string }>(
      'SELECT id, name FROM desk.agent_profile',
    );
    profileIds = Object.fromEntries(profiles.map((p) => [p.name, p.id]));
    // A seeded ticket filed under an account and assigned to someone who is not a light agent.
    [ticket] = await sql<typeof ticket>(
      `SELECT t.id, t.subject, a.name AS "accountName", p.name AS "assigneeProfile"
         FROM desk.ticket t
         JOIN desk.account a ON a.id = t.account_id
         JOIN desk.agent g ON g.id = t.assignee_id
         JOIN desk.agent_profile p ON p.id = g.profile_id
        WHERE p.name <> 'Light agent'
        ORDER BY t.number
        LIMIT 1`,
    );
    [{ contactId, accountId }] = await sql<{ contactId: string; accountId: string }>(
      `SELECT contact_id AS "contactId", account_id AS "accountId"
         FROM desk.contact_account WHERE is_primary ORDER BY contact_id LIMIT 1`,
    );
    [{ id: departmentId }] = await sql<{ id: string }>(
      'SELECT id FROM desk.department ORDER BY name LIMIT 1',
    );
  });
  afterAll(() => graph.stop());

  const newTicket = (subject: string) => ({ subject, contactId, departmentId });

  describe('light agent: views tickets and contacts, nothing else', () => {
    it('reads tickets and contacts', async () => {
      const res = await graph.query<{
        ticket: { subject: string; contact: { name: string } };
        contacts: { nodes: { id: string }[] };
      }>(
        'light',
        `query($id: ID!) {
          ticket(id: $id) { subject contact { name } }
          contacts(first: 2) { nodes { id } }
        }`,
        { id: ticket.id },
      );
      expectNoErrors(res);
      expect(res.data?.ticket.subject).toBe(ticket.subject);
      expect(res.data?.ticket.contact.name).toEqual(expect.any(String));
      expect(res.data?.contacts.nodes).toHaveLength(2);
    });

    it('gets the ticket but not its account: account is null with FORBIDDEN at that path', async () => {
      const res = await graph.query<{ ticket: { subject: string; account: unknown } }>(
        'light',
        'query($id: ID!) { ticket(id: $id) { subject account { name } } }',
        { id: ticket.id },
      );
      expectError(res, 'FORBIDDEN', ['ticket', 'account', 'name']);
      expect(res.data).toEqual({ ticket: { subject: ticket.subject, account: null } });
      expect(JSON.stringify(res)).not.toContain(ticket.accountName);
    });

    it.each([
      ['accounts', '{ accounts(first: 1) { nodes { name } } }'],
      ['products', '{ products(first: 1) { nodes { name } } }'],
      ['deals', '{ deals(first: 1) { nodes { name } } }'],
      ['dealStages', '{ dealStages { name } }'],
      ['crmTasks', '{ crmTasks(first: 1) { nodes { subject } } }'],
    ])('is refused %s with FORBIDDEN', async (field, query) => {
      const res = await graph.query('light', query);
      expectError(res, 'FORBIDDEN', [field]);
      expect(res.data ?? null).toBeNull();
    });

    it('is refused createTicket, and nothing is written', async () => {
      const subject = unique('Light agent ticket');
      const res = await graph.query('light', CREATE_TICKET, { input: newTicket(subject) });
      expectError(res, 'FORBIDDEN', ['createTicket']);
      expect(await count('SELECT 1 FROM desk.ticket WHERE subject = $1', [subject])).toBe(0);
    });

    it('is refused updateTicket, and the ticket keeps its subject', async () => {
      const res = await graph.query('light', UPDATE_TICKET, {
        id: ticket.id,
        input: { subject: 'Changed by a light agent' },
      });
      expectError(res, 'FORBIDDEN', ['updateTicket']);
      const [row] = await sql<{ subject: string }>(
        'SELECT subject FROM desk.ticket WHERE id = $1',
        [ticket.id],
      );
      expect(row.subject).toBe(ticket.subject);
    });
  });

  describe('new agent: views everything, creates tickets, edits nothing', () => {
    it('reads accounts, products, deals and CRM tasks', async () => {
      const res = await graph.query<Record<string, { nodes: unknown[] }>>(
        'newAgent',
        `{
          accounts(first: 1) { nodes { name } }
          products(first: 1) { nodes { name } }
          deals(first: 1) { nodes { name stage { name } } }
          crmTasks(first: 1) { nodes { subject } }
        }`,
      );
      expectNoErrors(res);
      for (const list of Object.values(res.data ?? {})) expect(list.nodes).toHaveLength(1);
    });

    it('creates a ticket but may not update it', async () => {
      const subject = unique('New agent ticket');
      const created = await graph.query<{ createTicket: { id: string; subject: string } }>(
        'newAgent',
        CREATE_TICKET,
        { input: newTicket(subject) },
      );
      expectNoErrors(created);
      const id = created.data?.createTicket.id as string;
      expect(created.data?.createTicket.subject).toBe(subject);

      const updated = await graph.query('newAgent', UPDATE_TICKET, {
        id,
        input: { subject: 'Renamed by a new agent' },
      });
      expectError(updated, 'FORBIDDEN', ['updateTicket']);
      const [row] = await sql<{ subject: string }>(
        'SELECT subject FROM desk.ticket WHERE id = $1',
        [id],
      );
      expect(row.subject).toBe(subject);
    });

    it('is refused createAccount, and nothing is written', async () => {
      const name = unique('New agent account');
      const res = await graph.query('newAgent', CREATE_ACCOUNT, { input: { name } });
      expectError(res, 'FORBIDDEN', ['createAccount']);
      expect(await count('SELECT 1 FROM desk.account WHERE name = $1', [name])).toBe(0);
    });

    it('is refused createContact, and nothing is written', async () => {
      const email = `${randomUUID()}@example.test`;
      const res = await graph.query(
        'newAgent',
        'mutation($input: CreateContactInput!) { createContact(input: $input) { id } }',
        { input: { firstName: 'Newly', lastName: 'Refused', email } },
      );
      expectError(res, 'FORBIDDEN', ['createContact']);
      expect(await count('SELECT 1 FROM desk.contact WHERE email = $1', [email])).toBe(0);
    });
  });

  describe('agent: edits tickets, customers and deals', () => {
    it('updates a ticket', async () => {
      const created = await graph.query<{ createTicket: { id: string } }>('agent', CREATE_TICKET, {
        input: newTicket(unique('Agent ticket')),
      });
      expectNoErrors(created);
      const subject = unique('Agent ticket, renamed');
      const res = await graph.query<{ updateTicket: { subject: string } }>('agent', UPDATE_TICKET, {
        id: created.data?.createTicket.id,
        input: { subject },
      });
      expectNoErrors(res);
      expect(res.data?.updateTicket.subject).toBe(subject);
    });

    it('creates an account and a deal on it', async () => {
      const name = unique('Agent account');
      const account = await graph.query<{ createAccount: { id: string; name: string } }>(
        'agent',
        CREATE_ACCOUNT,
        { input: { name } },
      );
      expectNoErrors(account);
      expect(account.data?.createAccount.name).toBe(name);

      const deal = await graph.query<{
        createDeal: { name: string; outcome: string; owner: { id: string } };
      }>('agent', CREATE_DEAL, {
        input: { name: `${name} - pilot`, accountId: account.data?.createAccount.id, amount: 1200 },
      });
      expectNoErrors(deal);
      expect(deal.data?.createDeal).toMatchObject({
        name: `${name} - pilot`,
        outcome: 'OPEN',
        owner: { id: graph.agentIds.agent },
      });
    });

    it('is refused profile management like every other non-administrator', async () => {
      const res = await graph.query('agent', `{ agentProfiles { name } }`);
      expectError(res, 'FORBIDDEN', ['agentProfiles']);
    });
  });

  describe('profile management: administrators only', () => {
    it.each<DemoAgent>(['agent', 'newAgent', 'light'])(
      '%s may not list agentProfiles',
      async (as) => {
        const res = await graph.query(as, '{ agentProfiles { id name } }');
        expectError(res, 'FORBIDDEN', ['agentProfiles']);
        expect(res.data ?? null).toBeNull();
      },
    );

    it('admin lists every profile with its permissions', async () => {
      const res = await graph.query<{ agentProfiles: Profile[] }>(
        'admin',
        `{ agentProfiles { ${PROFILE_FIELDS} } }`,
      );
      expectNoErrors(res);
      const byName = new Map(res.data?.agentProfiles.map((p) => [p.name, p]));
      for (const seeded of Object.values(SEEDED_PROFILES)) {
        expect(byName.get(seeded.name)?.permissions).toEqual(seeded.permissions);
      }
      expect(byName.get('Administrator')?.isAdministrator).toBe(true);
    });

    it('an agent may not create a profile; nothing is written', async () => {
      const name = unique('Made by an agent');
      const res = await graph.query('agent', CREATE_PROFILE, { input: { name } });
      expectError(res, 'FORBIDDEN', ['createAgentProfile']);
      expect(await count('SELECT 1 FROM desk.agent_profile WHERE name = $1', [name])).toBe(0);
    });

    it("an agent may not change a profile's permissions; they stay as they were", async () => {
      const res = await graph.query('agent', SET_PERMISSIONS, {
        profileId: profileIds['Agent'],
        permissions: [{ module: 'PRODUCTS', view: true, create: true, edit: true }],
      });
      expectError(res, 'FORBIDDEN', ['setProfilePermissions']);
      const [row] = await sql<{ create: boolean; edit: boolean }>(
        `SELECT can_create AS "create", can_edit AS "edit" FROM desk.profile_permission
          WHERE profile_id = $1 AND module = 'PRODUCTS'`,
        [profileIds['Agent']],
      );
      expect(row).toEqual({ create: false, edit: false });
    });

    it('an agent may not move themselves onto the Administrator profile', async () => {
      const res = await graph.query('agent', SET_AGENT_PROFILE, {
        agentId: graph.agentIds.agent,
        profileId: profileIds['Administrator'],
      });
      expectError(res, 'FORBIDDEN', ['setAgentProfile']);
      const [row] = await sql<{ profileId: string }>(
        'SELECT profile_id AS "profileId" FROM desk.agent WHERE id = $1',
        [graph.agentIds.agent],
      );
      expect(row.profileId).toBe(profileIds['Agent']);
    });
  });

  describe('viewer and agent profiles', () => {
    it.each<DemoAgent>(['admin', 'agent', 'newAgent', 'light'])(
      '%s sees their own profile and its levels',
      async (as) => {
        const res = await graph.query<{ viewer: { id: string; profile: Profile } }>(
          as,
          `{ viewer { id profile { ${PROFILE_FIELDS} } } }`,
        );
        expectNoErrors(res);
        expect(res.data?.viewer.id).toBe(graph.agentIds[as]);
        expect(res.data?.viewer.profile).toEqual({
          id: profileIds[SEEDED_PROFILES[as].name],
          name: SEEDED_PROFILES[as].name,
          isAdministrator: as === 'admin',
          permissions: SEEDED_PROFILES[as].permissions,
        });
      },
    );

    const ASSIGNEE_PROFILE =
      'query($id: ID!) { ticket(id: $id) { subject assignee { profile { name } } } }';

    it("a light agent is refused another agent's profile (FORBIDDEN at that field)", async () => {
      const res = await graph.query<{ ticket: { subject: string; assignee: unknown } }>(
        'light',
        ASSIGNEE_PROFILE,
        { id: ticket.id },
      );
      expectError(res, 'FORBIDDEN', ['ticket', 'assignee', 'profile', 'name']);
      // name and profile are non-null, so the refusal nulls the nearest nullable field.
      expect(res.data).toEqual({ ticket: { subject: ticket.subject, assignee: null } });
    });

    it("an administrator sees another agent's profile", async () => {
      const res = await graph.query<{ ticket: { assignee: { profile: { name: string } } } }>(
        'admin',
        ASSIGNEE_PROFILE,
        { id: ticket.id },
      );
      expectNoErrors(res);
      expect(res.data?.ticket.assignee.profile.name).toBe(ticket.assigneeProfile);
    });
  });

  describe('permission levels are data an administrator changes', () => {
    let customProfileId: string;

    beforeAll(async () => {
      const res = await graph.query<{ createAgentProfile: Profile }>('admin', CREATE_PROFILE, {
        input: { name: unique('Validation target'), copyFromProfileId: profileIds['Light agent'] },
      });
      expectNoErrors(res);
      customProfileId = res.data?.createAgentProfile.id as string;
    });

    const storedLevels = async (profileId: string) =>
      sql<ModulePermission>(
        `SELECT module, can_view AS view, can_create AS "create", can_edit AS edit
           FROM desk.profile_permission WHERE profile_id = $1 ORDER BY module`,
        [profileId],
      );

    const ACCOUNTS_QUERY = '{ accounts(first: 1) { nodes { id name } } }';

    it('a new profile copied from Light agent, granted ACCOUNTS view, lets light read accounts until revoked', async () => {
      const created = await graph.query<{ createAgentProfile: Profile }>('admin', CREATE_PROFILE, {
        input: {
          name: unique('Light agent with accounts'),
          description: 'Light agent who may also read accounts',
          copyFromProfileId: profileIds['Light agent'],
        },
      });
      expectNoErrors(created);
      const profile = created.data?.createAgentProfile as Profile;
      expect(profile.isAdministrator).toBe(false);
      expect(profile.permissions).toEqual(SEEDED_PROFILES.light.permissions);

      try {
        const granted = await graph.query<{ setProfilePermissions: Profile }>(
          'admin',
          SET_PERMISSIONS,
          {
            profileId: profile.id,
            permissions: [{ module: 'ACCOUNTS', view: true, create: false, edit: false }],
          },
        );
        expectNoErrors(granted);
        expect(granted.data?.setProfilePermissions.permissions).toEqual(
          levels({ TICKETS: 'v', CONTACTS: 'v', ACCOUNTS: 'v' }),
        );

        const before = await graph.query('light', ACCOUNTS_QUERY);
        expectError(before, 'FORBIDDEN', ['accounts']);

        const moved = await graph.query<{ setAgentProfile: { profile: { id: string } } }>(
          'admin',
          SET_AGENT_PROFILE,
          { agentId: graph.agentIds.light, profileId: profile.id },
        );
        expectNoErrors(moved);
        expect(moved.data?.setAgentProfile.profile.id).toBe(profile.id);

        // Same token as before: the levels are read from the database on every request.
        const allowed = await graph.query<{ accounts: { nodes: { name: string }[] } }>(
          'light',
          ACCOUNTS_QUERY,
        );
        expectNoErrors(allowed);
        expect(allowed.data?.accounts.nodes).toHaveLength(1);
        const viewer = await graph.query<{ viewer: { profile: { name: string } } }>(
          'light',
          '{ viewer { profile { name } } }',
        );
        expect(viewer.data?.viewer.profile.name).toBe(profile.name);

        const revoked = await graph.query('admin', SET_PERMISSIONS, {
          profileId: profile.id,
          permissions: [{ module: 'ACCOUNTS', view: false, create: false, edit: false }],
        });
        expectNoErrors(revoked);
        expectError(await graph.query('light', ACCOUNTS_QUERY), 'FORBIDDEN', ['accounts']);
      } finally {
        const restored = await graph.query('admin', SET_AGENT_PROFILE, {
          agentId: graph.agentIds.light,
          profileId: profileIds['Light agent'],
        });
        expectNoErrors(restored);
      }
      expectError(await graph.query('light', ACCOUNTS_QUERY), 'FORBIDDEN', ['accounts']);
    });

    it('a new profile without copyFromProfileId starts with everything off', async () => {
      const res = await graph.query<{ createAgentProfile: Profile }>('admin', CREATE_PROFILE, {
        input: { name: unique('Blank profile') },
      });
      expectNoErrors(res);
      expect(res.data?.createAgentProfile.permissions).toEqual(levels({}));
    });

    it.each([
      ['create without view', { module: 'DEALS', view: false, create: true, edit: false }],
      ['edit without view', { module: 'DEALS', view: false, create: false, edit: true }],
    ])('refuses %s with BAD_USER_INPUT and keeps the levels', async (_label, permission) => {
      const before = await storedLevels(customProfileId);
      const res = await graph.query('admin', SET_PERMISSIONS, {
        profileId: customProfileId,
        permissions: [permission],
      });
      expectError(res, 'BAD_USER_INPUT', ['setProfilePermissions']);
      expect(await storedLevels(customProfileId)).toEqual(before);
    });

    it('refuses a module listed twice with BAD_USER_INPUT and keeps the levels', async () => {
      const before = await storedLevels(customProfileId);
      const res = await graph.query('admin', SET_PERMISSIONS, {
        profileId: customProfileId,
        permissions: [
          { module: 'DEALS', view: true, create: false, edit: false },
          { module: 'DEALS', view: true, create: true, edit: true },
        ],
      });
      expectError(res, 'BAD_USER_INPUT', ['setProfilePermissions']);
      expect(await storedLevels(customProfileId)).toEqual(before);
    });

    it('refuses to change the Administrator profile with BAD_USER_INPUT', async () => {
      const res = await graph.query('admin', SET_PERMISSIONS, {
        profileId: profileIds['Administrator'],
        permissions: [{ module: 'TICKETS', view: true, create: false, edit: false }],
      });
      expectError(res, 'BAD_USER_INPUT', ['setProfilePermissions']);
      expect(await storedLevels(profileIds['Administrator'])).toEqual(
        levels({
          TICKETS: 'vce',
          CONTACTS: 'vce',
          ACCOUNTS: 'vce',
          PRODUCTS: 'vce',
          DEALS: 'vce',
          CRM_TASKS: 'vce',
        }).sort((a, b) => a.module.localeCompare(b.module)),
      );
    });

    it.each([
      [
        'setProfilePermissions',
        SET_PERMISSIONS,
        () => ({
          profileId: randomUUID(),
          permissions: [{ module: 'DEALS', view: true, create: false, edit: false }],
        }),
      ],
      [
        'setAgentProfile',
        SET_AGENT_PROFILE,
        () => ({ agentId: graph.agentIds.light, profileId: randomUUID() }),
      ],
      [
        'createAgentProfile',
        CREATE_PROFILE,
        () => ({ input: { name: unique('Copy of nothing'), copyFromProfileId: randomUUID() } }),
      ],
    ])('%s with an unknown profile id is NOT_FOUND', async (field, mutation, variables) => {
      const res = await graph.query('admin', mutation, variables());
      expectError(res, 'NOT_FOUND', [field]);
    });

    it('setAgentProfile with an unknown agent id is NOT_FOUND', async () => {
      const res = await graph.query('admin', SET_AGENT_PROFILE, {
        agentId: randomUUID(),
        profileId: customProfileId,
      });
      expectError(res, 'NOT_FOUND', ['setAgentProfile']);
    });

    it('an administrator cannot take away their own administrator profile', async () => {
      const res = await graph.query('admin', SET_AGENT_PROFILE, {
        agentId: graph.agentIds.admin,
        profileId: profileIds['Agent'],
      });
      expectError(res, 'BAD_USER_INPUT', ['setAgentProfile']);
      const viewer = await graph.query<{ viewer: { profile: { isAdministrator: boolean } } }>(
        'admin',
        '{ viewer { profile { isAdministrator } } }',
      );
      expect(viewer.data?.viewer.profile.isAdministrator).toBe(true);
    });

    it('refuses a second profile with an existing name with CONFLICT', async () => {
      const res = await graph.query('admin', CREATE_PROFILE, { input: { name: 'Agent' } });
      expectError(res, 'CONFLICT', ['createAgentProfile']);
      expect(await count(`SELECT 1 FROM desk.agent_profile WHERE name = 'Agent'`)).toBe(1);
    });

    it('refuses an empty profile name with BAD_USER_INPUT', async () => {
      const res = await graph.query('admin', CREATE_PROFILE, { input: { name: '   ' } });
      expectError(res, 'BAD_USER_INPUT', ['createAgentProfile']);
    });
  });

  describe('_entities cannot reach what the caller may not see', () => {
    const ENTITIES = `query($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on Account { name }
        ... on Ticket { subject }
        ... on Deal { name }
        ... on AgentProfile { name }
      }
    }`;
    type Entities = { _entities: ({ name?: string; subject?: string } | null)[] };

    const entity = (as: DemoAgent, __typename: string, id: string) =>
      callDeskAs<Entities>(as, ENTITIES, { representations: [{ __typename, id }] });

    it('a light agent asking for an Account gets FORBIDDEN and no name', async () => {
      const res = await entity('light', 'Account', accountId);
      expectError(res, 'FORBIDDEN', ['_entities', 0, 'name']);
      expect(res.data?._entities).toEqual([null]);
    });

    it('an administrator asking for the same Account gets its name', async () => {
      const [row] = await sql<{ name: string }>('SELECT name FROM desk.account WHERE id = $1', [
        accountId,
      ]);
      const res = await entity('admin', 'Account', accountId);
      expectNoErrors(res);
      expect(res.data?._entities).toEqual([{ name: row.name }]);
    });

    it('a light agent resolves a Ticket reference it may view', async () => {
      const res = await entity('light', 'Ticket', ticket.id);
      expectNoErrors(res);
      expect(res.data?._entities).toEqual([{ subject: ticket.subject }]);
    });

    it('a Deal is FORBIDDEN to a light agent and visible to a new agent', async () => {
      const [deal] = await sql<{ id: string; name: string }>(
        'SELECT id, name FROM desk.deal ORDER BY id LIMIT 1',
      );
      const refused = await entity('light', 'Deal', deal.id);
      expectError(refused, 'FORBIDDEN', ['_entities', 0, 'name']);
      expect(refused.data?._entities).toEqual([null]);
      const allowed = await entity('newAgent', 'Deal', deal.id);
      expectNoErrors(allowed);
      expect(allowed.data?._entities).toEqual([{ name: deal.name }]);
    });

    it("an AgentProfile reference: one's own is visible, another's is FORBIDDEN", async () => {
      const own = await entity('light', 'AgentProfile', profileIds['Light agent']);
      expectNoErrors(own);
      expect(own.data?._entities).toEqual([{ name: 'Light agent' }]);
      const other = await entity('light', 'AgentProfile', profileIds['Administrator']);
      expectError(other, 'FORBIDDEN', ['_entities', 0, 'name']);
      expect(other.data?._entities).toEqual([null]);
    });
  });

  describe('the desk context only accepts active agents it knows', () => {
    it('refuses a validly signed identity naming an unknown agent with 401 UNAUTHENTICATED', async () => {
      const res = await callDesk('' + randomUUID(), '{ viewer { id } }');
      expect(res.status).toBe(401);
      expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
      expect(res.data ?? null).toBeNull();
    });

    it('refuses an agent who has left (inactive) with 401 UNAUTHENTICATED', async () => {
      const [inactive] = await sql<{ id: string; email: string }>(
        'SELECT id, email FROM desk.agent WHERE NOT active ORDER BY email LIMIT 1',
      );
      expect(inactive).toBeDefined();
      const res = await callDesk(
        inactive.id,
        '{ tickets(first: 1) { nodes { id } } }',
        {},
        inactive.email,
      );
      expect(res.status).toBe(401);
      expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
      expect(res.data ?? null).toBeNull();
    });
  });
});
