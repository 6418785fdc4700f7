import { createHash, randomUUID } from 'node:crypto';
import { config } from '../shared/config';
import { type Identity, IDENTITY_HEADER, signForwardedIdentity } from '../shared/identity';
import { DemoAgent, Graph, GraphQLResponse, postGraphQL, startGraph } from './harness';
import { expectError, expectNoErrors, mutateOk, sqlOn, unique } from './expectations';

/**
 * Issue 8, below the gateway: administrators manage partner applications and their API keys in
 * desk; the gateway (as service `gateway`) looks a key's hash up in desk's subgraph; every
 * subgraph applies a partner's profile, and never administrator, agent or service powers.
 * Everything made here (partners, profiles and their levels) is removed in afterAll.
 */

interface Partner {
  id: string;
  name: string;
  profile: { id: string };
  keyPrefix: string;
  rateLimitPerMinute: number | null;
  createdAt: string;
  createdBy: { id: string } | null;
  revokedAt: string | null;
  active: boolean;
}

interface CreatedPartner {
  partner: Partner;
  apiKey: string;
}

interface Credential {
  partnerId: string;
  name: string;
  profileId: string;
  rateLimitPerMinute: number | null;
}

const PARTNER_FIELDS =
  'id name profile { id } keyPrefix rateLimitPerMinute createdAt createdBy { id } revokedAt active';
const CREATE_PARTNER = `mutation($input: CreatePartnerInput!) {
  createPartner(input: $input) { apiKey partner { ${PARTNER_FIELDS} } }
}`;
const REVOKE_PARTNER = `mutation($id: ID!) { revokePartner(id: $id) { ${PARTNER_FIELDS} } }`;
const ROTATE_PARTNER_KEY = `mutation($id: ID!) {
  rotatePartnerKey(id: $id) { apiKey partner { ${PARTNER_FIELDS} } }
}`;
const PARTNERS = `{ partners { ${PARTNER_FIELDS} } }`;
const PARTNER = `query($id: ID!) { partner(id: $id) { ${PARTNER_FIELDS} } }`;
const CREDENTIAL = `query($keyHash: String!) {
  partnerCredential(keyHash: $keyHash) { partnerId name profileId rateLimitPerMinute }
}`;
const CREATE_PROFILE = `mutation($input: CreateAgentProfileInput!) {
  createAgentProfile(input: $input) { id }
}`;
const SET_PERMISSIONS = `mutation($profileId: ID!, $permissions: [ModulePermissionInput!]!) {
  setProfilePermissions(profileId: $profileId, permissions: $permissions) { id }
}`;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('partner applications', () => {
  let graph: Graph;
  const desk = sqlOn(() => graph.dataSources.desk);
  /** A profile that may view tickets, contacts and CRM tasks (and create them), and one with nothing. */
  const profiles = { viewer: '', blind: '' };
  let administratorProfileId: string;
  const createdPartners: string[] = [];

  const createPartner = async (input: Record<string, unknown>): Promise<CreatedPartner> => {
    const created = await mutateOk<CreatedPartner>(graph, 'admin', CREATE_PARTNER, { input });
    createdPartners.push(created.partner.id);
    return created;
  };

  /** Straight to a subgraph, signed with the shared secret as the gateway signs its calls. */
  const callSubgraph = <T = Record<string, unknown>>(
    subgraph: string,
    identity: Identity,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>> =>
    postGraphQL<T>(
      graph.subgraphUrls[subgraph],
      { [IDENTITY_HEADER]: signForwardedIdentity(identity, config().auth) },
      { query, variables },
    );

  const GATEWAY: Identity = { kind: 'service', service: 'gateway' };

  const credentialOf = async (apiKey: string) => {
    const res = await callSubgraph<{ partnerCredential: Credential | null }>(
      'desk',
      GATEWAY,
      CREDENTIAL,
      { keyHash: sha256(apiKey) },
    );
    expectNoErrors(res);
    return res.data?.partnerCredential;
  };

  beforeAll(async () => {
    graph = await startGraph();
    for (const key of Object.keys(profiles) as (keyof typeof profiles)[]) {
      const { id } = await mutateOk<{ id: string }>(graph, 'admin', CREATE_PROFILE, {
        input: { name: unique(`Partner ${key}`) },
      });
      profiles[key] = id;
    }
    await mutateOk(graph, 'admin', SET_PERMISSIONS, {
      profileId: profiles.viewer,
      permissions: ['TICKETS', 'CONTACTS', 'CRM_TASKS'].map((module) => ({
        module,
        view: true,
        create: module === 'CRM_TASKS',
        edit: false,
      })),
    });
    [{ id: administratorProfileId }] = await desk.sql<{ id: string }>(
      'SELECT id FROM desk.agent_profile WHERE is_administrator LIMIT 1',
    );
  });

  afterAll(async () => {
    const profileIds = Object.values(profiles).filter(Boolean);
    await desk.sql('DELETE FROM desk.partner WHERE id = ANY($1)', [createdPartners]);
    await graph.dataSources.billing.query(
      'DELETE FROM billing.profile_permission WHERE profile_id = ANY($1)',
      [profileIds],
    );
    await graph.dataSources.projects.query(
      'DELETE FROM projects.profile_permission WHERE profile_id = ANY($1)',
      [profileIds],
    );
    await desk.sql('DELETE FROM desk.agent_profile WHERE id = ANY($1)', [profileIds]);
    await graph.stop();
  });

  describe('administration', () => {
    it('creates a partner with a key shown once, keeping only its hash and prefix', async () => {
      const name = unique('Acme CRM');
      const { apiKey, partner } = await createPartner({
        name: `  ${name} `,
        profileId: profiles.viewer,
        rateLimitPerMinute: 600,
      });
      expect(apiKey).toMatch(/^cgp_[A-Za-z0-9_-]{43}$/);
      expect(partner).toEqual({
        id: expect.any(String),
        name,
        profile: { id: profiles.viewer },
        keyPrefix: apiKey.slice(0, 12),
        rateLimitPerMinute: 600,
        createdAt: expect.any(String),
        createdBy: { id: graph.agentIds.admin },
        revokedAt: null,
        active: true,
      });
      const rows = await desk.sql<Record<string, unknown>>(
        'SELECT * FROM desk.partner WHERE id = $1',
        [partner.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].key_hash).toBe(sha256(apiKey));
      expect(rows[0].key_prefix).toBe(apiKey.slice(0, 12));
      // Nothing stored holds the key itself.
      expect(JSON.stringify(rows[0])).not.toContain(apiKey);
    });

    it('lists partners newest first and finds one by id', async () => {
      const older = await createPartner({ name: unique('Older'), profileId: profiles.viewer });
      const newer = await createPartner({ name: unique('Newer'), profileId: profiles.blind });
      const res = await graph.query<{ partners: Partner[] }>('admin', PARTNERS);
      expectNoErrors(res);
      const ids = res.data?.partners.map((p) => p.id) ?? [];
      expect(ids.indexOf(newer.partner.id)).toBeGreaterThanOrEqual(0);
      expect(ids.indexOf(newer.partner.id)).toBeLessThan(ids.indexOf(older.partner.id));

      const one = await graph.query<{ partner: Partner }>('admin', PARTNER, {
        id: older.partner.id,
      });
      expectNoErrors(one);
      expect(one.data?.partner).toEqual(older.partner);
      const none = await graph.query('admin', PARTNER, { id: randomUUID() });
      expectNoErrors(none);
      expect(none.data).toEqual({ partner: null });
    });

    it('refuses every partner operation to an agent who is not an administrator', async () => {
      const { partner } = await createPartner({
        name: unique('Guarded'),
        profileId: profiles.blind,
      });
      const attempts: [string, Record<string, unknown>, string][] = [
        [
          CREATE_PARTNER,
          { input: { name: unique('Sneaky'), profileId: profiles.viewer } },
          'createPartner',
        ],
        [REVOKE_PARTNER, { id: partner.id }, 'revokePartner'],
        [ROTATE_PARTNER_KEY, { id: partner.id }, 'rotatePartnerKey'],
        [PARTNERS, {}, 'partners'],
        [PARTNER, { id: partner.id }, 'partner'],
      ];
      for (const as of ['agent', 'light'] as DemoAgent[]) {
        for (const [operation, variables, field] of attempts) {
          const res = await graph.query(as, operation, variables);
          expectError(res, 'FORBIDDEN', [field]);
        }
      }
      const [row] = await desk.sql<{ revoked_at: Date | null; key_hash: string }>(
        'SELECT revoked_at, key_hash FROM desk.partner WHERE id = $1',
        [partner.id],
      );
      expect(row.revoked_at).toBeNull();
      expect(await desk.count('SELECT 1 FROM desk.partner WHERE name LIKE $1', ['Sneaky %'])).toBe(
        0,
      );
    });

    describe('refuses a partner', () => {
      let taken: string;
      beforeAll(async () => {
        taken = (await createPartner({ name: unique('Taken'), profileId: profiles.viewer })).partner
          .name;
      });

      it.each([
        ['with an empty name', () => ({ name: '   ' }), 'BAD_USER_INPUT', 'name'],
        [
          'with a rate limit below 1',
          () => ({ rateLimitPerMinute: 0 }),
          'BAD_USER_INPUT',
          'rateLimitPerMinute',
        ],
        [
          'with a rate limit above 100000',
          () => ({ rateLimitPerMinute: 100_001 }),
          'BAD_USER_INPUT',
          'rateLimitPerMinute',
        ],
        [
          'on an administrator profile',
          () => ({ profileId: administratorProfileId }),
          'BAD_USER_INPUT',
          'profileId',
        ],
        [
          'whose name is taken, in any case',
          () => ({ name: taken.toUpperCase() }),
          'CONFLICT',
          'name',
        ],
      ])('%s', async (_label, change, code, field) => {
        const before = await desk.count('SELECT 1 FROM desk.partner');
        const res = await graph.query('admin', CREATE_PARTNER, {
          input: { name: unique('Valid'), profileId: profiles.viewer, ...change() },
        });
        expectError(res, code, ['createPartner']);
        expect(res.errors?.[0].extensions?.field).toBe(field);
        expect(await desk.count('SELECT 1 FROM desk.partner')).toBe(before);
      });

      it('naming the partner whose name is taken', async () => {
        const res = await graph.query('admin', CREATE_PARTNER, {
          input: { name: taken, profileId: profiles.viewer },
        });
        expect(res.errors?.[0].message).toContain(`"${taken}"`);
      });

      it('on a profile that does not exist', async () => {
        const res = await graph.query('admin', CREATE_PARTNER, {
          input: { name: unique('Orphan'), profileId: randomUUID() },
        });
        expectError(res, 'NOT_FOUND', ['createPartner']);
      });
    });

    it('revokes once: a second revocation returns the partner unchanged', async () => {
      const { apiKey, partner } = await createPartner({
        name: unique('Revoked'),
        profileId: profiles.viewer,
      });
      const first = await mutateOk<Partner>(graph, 'admin', REVOKE_PARTNER, { id: partner.id });
      expect(first).toMatchObject({ active: false, revokedAt: expect.any(String) });
      const second = await mutateOk<Partner>(graph, 'admin', REVOKE_PARTNER, { id: partner.id });
      expect(second).toEqual(first);
      expect(await credentialOf(apiKey)).toBeNull();

      const rotate = await graph.query('admin', ROTATE_PARTNER_KEY, { id: partner.id });
      expectError(rotate, 'BAD_USER_INPUT', ['rotatePartnerKey']);
      for (const operation of [REVOKE_PARTNER, ROTATE_PARTNER_KEY]) {
        expectError(await graph.query('admin', operation, { id: randomUUID() }), 'NOT_FOUND');
      }
    });

    it('rotates a key: a new hash, and the old key stops working', async () => {
      const created = await createPartner({ name: unique('Rotated'), profileId: profiles.viewer });
      const rotated = await mutateOk<CreatedPartner>(graph, 'admin', ROTATE_PARTNER_KEY, {
        id: created.partner.id,
      });
      expect(rotated.apiKey).toMatch(/^cgp_/);
      expect(rotated.apiKey).not.toBe(created.apiKey);
      expect(rotated.partner).toEqual({
        ...created.partner,
        keyPrefix: rotated.apiKey.slice(0, 12),
      });
      const [row] = await desk.sql<{ key_hash: string }>(
        'SELECT key_hash FROM desk.partner WHERE id = $1',
        [created.partner.id],
      );
      expect(row.key_hash).toBe(sha256(rotated.apiKey));
      expect(await credentialOf(created.apiKey)).toBeNull();
      expect(await credentialOf(rotated.apiKey)).toEqual({
        partnerId: created.partner.id,
        name: created.partner.name,
        profileId: profiles.viewer,
        rateLimitPerMinute: null,
      });
    });
  });

  describe("the gateway's credential lookup", () => {
    it('is not in the public API', async () => {
      const res = await graph.query('admin', CREDENTIAL, { keyHash: sha256('cgp_anything') });
      expectError(res, 'GRAPHQL_VALIDATION_FAILED');
      const sdl = await graph.query<{ __schema: { queryType: { fields: { name: string }[] } } }>(
        'admin',
        '{ __schema { queryType { fields { name } } } }',
      );
      const fields = sdl.data?.__schema.queryType.fields.map((f) => f.name) ?? [];
      expect(fields).toContain('partners');
      expect(fields).not.toContain('partnerCredential');
    });

    it('answers the gateway, in desk directly, for an active key only', async () => {
      const { apiKey, partner } = await createPartner({
        name: unique('Looked up'),
        profileId: profiles.blind,
        rateLimitPerMinute: 120,
      });
      expect(await credentialOf(apiKey)).toEqual({
        partnerId: partner.id,
        name: partner.name,
        profileId: profiles.blind,
        rateLimitPerMinute: 120,
      });
      expect(await credentialOf(`${apiKey}x`)).toBeNull();
      const malformed = await callSubgraph('desk', GATEWAY, CREDENTIAL, { keyHash: 'not-a-hash' });
      expectNoErrors(malformed);
      expect(malformed.data).toEqual({ partnerCredential: null });
    });

    it.each<[string, () => Identity]>([
      [
        'the administrator',
        () => ({
          kind: 'agent',
          agentId: graph.agentIds.admin,
          email: 'admin@demo.customer-graph.dev',
        }),
      ],
      [
        'a service acting for the administrator',
        () => ({ kind: 'service', service: 'gateway', onBehalfOf: graph.agentIds.admin }),
      ],
      [
        'a partner',
        () => ({ kind: 'partner', partnerId: randomUUID(), profileId: profiles.viewer, name: 'P' }),
      ],
    ])('is refused to %s', async (_label, identity) => {
      const res = await callSubgraph('desk', identity(), CREDENTIAL, { keyHash: sha256('cgp_x') });
      expectError(res, 'FORBIDDEN', ['partnerCredential']);
    });
  });

  describe('a partner in the subgraphs', () => {
    /** Partners as the gateway forwards them: one on each test profile. */
    const partners = {} as Record<keyof typeof profiles, Identity>;
    let ticketId: string;

    const as = <T = Record<string, unknown>>(
      who: keyof typeof profiles,
      subgraph: string,
      query: string,
      variables?: Record<string, unknown>,
    ) => callSubgraph<T>(subgraph, partners[who], query, variables);

    beforeAll(async () => {
      for (const key of Object.keys(profiles) as (keyof typeof profiles)[]) {
        const { partner } = await createPartner({
          name: unique(`Partner on ${key}`),
          profileId: profiles[key],
        });
        partners[key] = {
          kind: 'partner',
          partnerId: partner.id,
          profileId: profiles[key],
          name: partner.name,
        };
      }
      [{ id: ticketId }] = await desk.sql<{ id: string }>('SELECT id FROM desk.ticket LIMIT 1');
      await mutateOk(
        graph,
        'admin',
        `mutation($profileId: ID!, $input: BillingPermissionsInput!) {
          setBillingPermissions(profileId: $profileId, input: $input) { updatedAt }
        }`,
        {
          profileId: profiles.viewer,
          input: { view: true, createCustomers: false, createInvoices: false },
        },
      );
      await mutateOk(
        graph,
        'admin',
        `mutation($profileId: ID!, $input: ProjectsPermissionsInput!) {
          setProjectsPermissions(profileId: $profileId, input: $input) { updatedAt }
        }`,
        {
          profileId: profiles.viewer,
          input: { viewProjects: true, createEditTasks: true, addToCrm: true },
        },
      );
    });

    it("reads desk's tickets as its profile allows, by id and through _entities", async () => {
      const TICKET = 'query($id: ID!) { ticket(id: $id) { id subject } }';
      const ENTITIES = `query($r: [_Any!]!) {
        _entities(representations: $r) { ... on Ticket { id subject } }
      }`;
      const seen = await as('viewer', 'desk', TICKET, { id: ticketId });
      expectNoErrors(seen);
      expect(seen.data).toEqual({ ticket: { id: ticketId, subject: expect.any(String) } });
      const entity = await as('viewer', 'desk', ENTITIES, {
        r: [{ __typename: 'Ticket', id: ticketId }],
      });
      expectNoErrors(entity);
      expect(entity.data).toEqual({ _entities: [seen.data?.ticket] });

      expectError(await as('blind', 'desk', TICKET, { id: ticketId }), 'FORBIDDEN', ['ticket']);
      const hidden = await as('blind', 'desk', ENTITIES, {
        r: [{ __typename: 'Ticket', id: ticketId }],
      });
      expect(hidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('is refused what only administrators may do in desk', async () => {
      for (const [operation, field] of [
        [CREATE_PROFILE, 'createAgentProfile'],
        [PARTNERS, 'partners'],
      ]) {
        const res = await as('viewer', 'desk', operation, { input: { name: unique('Nope') } });
        expectError(res, 'FORBIDDEN', [field]);
      }
    });

    it('is refused what only an agent or a peer service may do in desk, writing nothing', async () => {
      expectError(await as('viewer', 'desk', '{ viewer { id } }'), 'FORBIDDEN', ['viewer']);
      const [{ id: accountId }] = await desk.sql<{ id: string }>(
        'SELECT id FROM desk.account LIMIT 1',
      );
      const tasksBefore = await desk.count('SELECT 1 FROM desk.crm_task');
      // Its profile may create CRM tasks, but a task's creator is an agent.
      const created = await as(
        'viewer',
        'desk',
        'mutation($input: CreateCrmTaskInput!) { createCrmTask(input: $input) { id } }',
        { input: { subject: unique('Partner task'), accountId } },
      );
      expectError(created, 'FORBIDDEN', ['createCrmTask']);
      expect(created.errors?.[0].message).toBe('Only an agent can own CRM records');
      expect(await desk.count('SELECT 1 FROM desk.crm_task')).toBe(tasksBefore);

      const refused = await as(
        'viewer',
        'desk',
        `mutation($taskId: ID!, $input: RefuseCrmTaskUpdateInput!) {
          refuseCrmTaskUpdate(taskId: $taskId, input: $input) { id }
        }`,
        {
          taskId: randomUUID(),
          input: { eventId: randomUUID(), reason: 'no', restore: { subject: 'x' } },
        },
      );
      expectError(refused, 'FORBIDDEN', ['refuseCrmTaskUpdate']);
    });

    it("follows its profile's billing levels both ways, never an agent's or an administrator's", async () => {
      const PLANS = '{ billingPlans(first: 1) { totalCount } }';
      const seen = await as('viewer', 'billing', PLANS);
      expectNoErrors(seen);
      expect(seen.data).toEqual({ billingPlans: { totalCount: expect.any(Number) } });
      expectError(await as('blind', 'billing', PLANS), 'FORBIDDEN', ['billingPlans']);

      expectError(await as('viewer', 'billing', '{ billingIntegration { status } }'), 'FORBIDDEN', [
        'billingIntegration',
      ]);
      expectError(
        await as('viewer', 'billing', '{ billingPermissions { updatedAt } }'),
        'FORBIDDEN',
        ['billingPermissions'],
      );
    });

    it('gets no projects powers through desk: what projects would do there as itself is refused', async () => {
      const PROJECTS = '{ projects(first: 1) { totalCount } }';
      expectNoErrors(await as('viewer', 'projects', PROJECTS));
      expectError(await as('blind', 'projects', PROJECTS), 'FORBIDDEN', ['projects']);

      const projects = sqlOn(() => graph.dataSources.projects);
      // A run reads desk as projects on behalf of whoever started it; with no agent, as projects
      // itself, whose powers in desk a partner must not borrow.
      const [client] = await projects.sql<{ id: string }>(
        'SELECT id FROM projects.client WHERE desk_account_id IS NOT NULL LIMIT 1',
      );
      const runsBefore = await projects.count('SELECT 1 FROM projects.sync_run');
      const started = await as(
        'viewer',
        'projects',
        'mutation($clientId: ID!) { startProjectUserImport(kind: CLIENT, clientId: $clientId) { started } }',
        { clientId: client.id },
      );
      expectError(started, 'FORBIDDEN', ['startProjectUserImport']);
      expect(started.errors?.[0].message).toBe('Only an agent can import project users');
      expect(await projects.count('SELECT 1 FROM projects.sync_run')).toBe(runsBefore);

      const [task] = await projects.sql<{ id: string }>(
        'SELECT id FROM projects.task WHERE desk_crm_task_id IS NULL LIMIT 1',
      );
      const linked = await as(
        'viewer',
        'projects',
        'mutation($taskId: ID!, $link: ProjectCrmLinkInput!) { addProjectTaskToCrm(taskId: $taskId, link: $link) { id } }',
        { taskId: task.id, link: { accountId: randomUUID() } },
      );
      expectError(linked, 'FORBIDDEN', ['addProjectTaskToCrm']);
      expect(linked.errors?.[0].message).toBe('Only an agent can add a task to the CRM');
      expect(
        await projects.count(
          'SELECT 1 FROM projects.task WHERE id = $1 AND desk_crm_task_id IS NULL',
          [task.id],
        ),
      ).toBe(1);
    });
  });
});
