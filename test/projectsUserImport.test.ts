import { randomUUID } from 'node:crypto';
import { config } from '../shared/config';
import { DEMO_AGENTS } from '../subgraphs/desk/seed/generate';
import {
  accountWithContacts,
  expectError,
  expectNoErrors,
  mutateOk,
  sqlOn,
  waitFor,
} from './expectations';
import { type DemoAgent, type Graph, type GraphQLResponse, startGraph } from './harness';

/**
 * PRJ-1, SYNC-1 through the gateway, with the subgraphs' workers: desk agents imported as INTERNAL
 * project users and a client's desk contacts as CLIENT users, as sync runs read back with their
 * counts and failures; the refusals; permissions both ways.
 *
 * afterAll puts back every projects user as it was (imports touch them all), the desk agent this
 * file deactivates, and removes the desk account, contacts, projects clients and runs it made.
 */

/** Small, so the desk agents take several chunks. */
const BATCH = 3;
const RUN_TIMEOUT_MS = 45_000;

interface Run {
  id: string;
  kind: string;
  direction: string;
  status: 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'STOPPED';
  stopRequested: boolean;
  error: string | null;
  client: {
    id: string;
    users: {
      name: string;
      email: string;
      kind: string;
      active: boolean;
      contact: { id: string } | null;
    }[];
  } | null;
  progress: { processed: number; total: number | null };
  counts: { added: number; updated: number; unchanged: number; deleted: number; failed: number };
  failures: { totalCount: number; nodes: { record: string; reason: string }[] };
}

const RUN_FIELDS = `id kind direction status stopRequested error
  client { id users { name email kind active contact { id } } }
  progress { processed total }
  counts { added updated unchanged deleted failed }
  failures(first: 50) { totalCount nodes { record reason } }`;
const START = `mutation ($kind: ProjectUserKind!, $clientId: ID) {
  startProjectUserImport(kind: $kind, clientId: $clientId) { started run { ${RUN_FIELDS} } }
}`;
const STOP = `mutation ($id: ID!) { stopProjectSyncRun(id: $id) { id status stopRequested } }`;
const RUN = `query ($id: ID!) { projectSyncRun(id: $id) { ${RUN_FIELDS} } }`;
const RUNS = `query ($first: Int, $kind: ProjectsSyncKind) {
  projectSyncRuns(first: $first, kind: $kind) { totalCount nodes { id kind } }
}`;
const USERS = `query ($after: String) {
  projectUsers(kind: INTERNAL, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { name email active kind importedAt agent { id } }
  }
}`;

interface UserPage {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: UserNode[];
}

interface UserNode {
  name: string;
  email: string;
  active: boolean;
  kind: string;
  importedAt: string | null;
  agent: { id: string } | null;
}

describe('PRJ-1: project users imported from desk as sync runs', () => {
  let graph: Graph;
  const projects = sqlOn(() => graph.dataSources.projects);
  const desk = sqlOn(() => graph.dataSources.desk);
  let usersBefore: unknown[];
  let runsBefore: string[];
  const createdClients: string[] = [];
  let deskAccount: { accountId: string; contactIds: string[] } | undefined;
  /** A desk agent no test logs in as, deactivated by one test; its active flag as seeded. */
  let leaver: { id: string; active: boolean } | undefined;
  /** An INTERNAL user of a desk agent desk does not have (any more). */
  let goneUserId: string;

  const start = (as: DemoAgent, kind: 'INTERNAL' | 'CLIENT', clientId?: string) =>
    mutateOk<{ started: boolean; run: Run }>(graph, as, START, { kind, clientId });

  const finished = (id: string): Promise<Run> =>
    waitFor(
      `run ${id}`,
      async () => {
        const res = await graph.query<{ projectSyncRun: Run | null }>('admin', RUN, { id });
        expectNoErrors(res);
        const run = res.data?.projectSyncRun;
        return run && ['SUCCEEDED', 'FAILED', 'STOPPED'].includes(run.status) && run;
      },
      RUN_TIMEOUT_MS,
    );

  async function succeeded(
    as: DemoAgent,
    kind: 'INTERNAL' | 'CLIENT',
    clientId?: string,
  ): Promise<Run> {
    const { started, run } = await start(as, kind, clientId);
    expect(started).toBe(true);
    expect(run).toMatchObject({ status: 'QUEUED', direction: 'FROM_DESK' });
    const done = await finished(run.id);
    expect(done).toMatchObject({ status: 'SUCCEEDED', error: null });
    const { processed, total } = done.progress;
    const { added, updated, unchanged, failed } = done.counts;
    expect(processed).toBe(total);
    expect(added + updated + unchanged + failed).toBe(processed);
    return done;
  }

  /** Every INTERNAL user, page by page as a client reads them. */
  async function internalUsers(): Promise<UserNode[]> {
    const users: UserNode[] = [];
    let after: string | null = null;
    do {
      const res: GraphQLResponse<{ projectUsers: UserPage }> = await graph.query('agent', USERS, {
        after,
      });
      expectNoErrors(res);
      const page = res.data?.projectUsers as UserPage;
      users.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return users;
  }

  const linkedClient = async (accountId: string | null, name: string): Promise<string> => {
    const [{ id }] = await projects.sql<{ id: string }>(
      'INSERT INTO projects.client (name, desk_account_id) VALUES ($1, $2) RETURNING id',
      [name, accountId],
    );
    createdClients.push(id);
    return id;
  };

  beforeAll(async () => {
    graph = await startGraph({
      workers: true,
      configure: (c) => ({
        ...c,
        jobs: { ...c.jobs, pollIntervalSeconds: 0.5, syncBatchSize: BATCH },
      }),
    });
    usersBefore = (
      await projects.sql<{ row: unknown }>('SELECT to_jsonb(u) AS row FROM projects."user" u')
    ).map((r) => r.row);
    runsBefore = (await projects.sql<{ id: string }>('SELECT id FROM projects.sync_run')).map(
      (r) => r.id,
    );
    [leaver] = await desk.sql<{ id: string; active: boolean }>(
      `SELECT id, active FROM desk.agent WHERE active AND NOT (email = ANY($1))
        ORDER BY email LIMIT 1`,
      [DEMO_AGENTS.map((agent) => agent.email)],
    );
    // Imported once from a desk agent that is no longer there.
    [{ id: goneUserId }] = await projects.sql<{ id: string }>(
      `INSERT INTO projects."user" (kind, name, email, desk_agent_id, active, imported_at)
       VALUES ('INTERNAL', 'Gone Agent', $1, $2, true, now() - interval '1 day') RETURNING id`,
      [`gone-${randomUUID()}@example.com`, randomUUID()],
    );
  });

  afterAll(async () => {
    if (!graph) return;
    try {
      if (leaver) {
        await desk.sql('UPDATE desk.agent SET active = $2 WHERE id = $1', [
          leaver.id,
          leaver.active,
        ]);
      }
      if (deskAccount) {
        await desk.sql('DELETE FROM desk.contact WHERE id = ANY($1)', [deskAccount.contactIds]);
        await desk.sql('DELETE FROM desk.account WHERE id = $1', [deskAccount.accountId]);
      }
      if (usersBefore) {
        // Every projects user as it was: made ones removed, the others' imported columns put back.
        const snapshot = `jsonb_populate_recordset(NULL::projects."user", $1::jsonb)`;
        const before = [JSON.stringify(usersBefore)];
        await projects.sql(
          `DELETE FROM projects."user" WHERE id NOT IN (SELECT id FROM ${snapshot})`,
          before,
        );
        await projects.sql(
          `UPDATE projects."user" u SET name = b.name, email = b.email, active = b.active,
             client_id = b.client_id, imported_at = b.imported_at
           FROM ${snapshot} b WHERE u.id = b.id`,
          before,
        );
        await projects.sql('DELETE FROM projects.client WHERE id = ANY($1)', [createdClients]);
        await projects.sql('DELETE FROM projects.sync_run WHERE NOT (id = ANY($1))', [runsBefore]);
      }
    } finally {
      await graph.stop();
    }
  });

  it("INTERNAL: desk's agents become INTERNAL users; one desk no longer has is deactivated", async () => {
    const run = await succeeded('admin', 'INTERNAL');
    const agents = await desk.sql<{ id: string; name: string; email: string; active: boolean }>(
      'SELECT id, name, email, active FROM desk.agent',
    );
    expect(run).toMatchObject({
      kind: 'INTERNAL_USER_IMPORT',
      client: null,
      progress: { total: agents.length },
      counts: { failed: 0 },
      failures: { totalCount: 0 },
    });
    // Several chunks: the end is only reached, and the gone user only deactivated, at the last.
    expect(agents.length).toBeGreaterThan(BATCH);
    expect(run.counts.deleted).toBeGreaterThanOrEqual(1);

    const users = await internalUsers();
    for (const agent of agents) {
      expect(users.filter((user) => user.agent?.id === agent.id)).toEqual([
        {
          name: agent.name,
          email: agent.email.toLowerCase(),
          active: agent.active,
          kind: 'INTERNAL',
          importedAt: expect.any(String),
          agent: { id: agent.id },
        },
      ]);
    }
    const [gone] = await projects.sql<{ active: boolean }>(
      'SELECT active FROM projects."user" WHERE id = $1',
      [goneUserId],
    );
    expect(gone.active).toBe(false);
  });

  it('INTERNAL: an agent deactivated in desk is inactive after the next import', async () => {
    const { id } = leaver as { id: string };
    await desk.sql('UPDATE desk.agent SET active = false WHERE id = $1', [id]);
    const run = await succeeded('admin', 'INTERNAL');
    expect(run.counts).toMatchObject({ updated: 1, added: 0, deleted: 0, failed: 0 });
    const [user] = await projects.sql<{ active: boolean }>(
      'SELECT active FROM projects."user" WHERE desk_agent_id = $1',
      [id],
    );
    expect(user.active).toBe(false);

    await desk.sql('UPDATE desk.agent SET active = true WHERE id = $1', [id]);
    expect((await succeeded('admin', 'INTERNAL')).counts.updated).toBe(1);
  });

  it("CLIENT: a linked client's users are its desk account's contacts; a taken e-mail is the record's failure", async () => {
    const tag = randomUUID().slice(0, 8);
    deskAccount = await accountWithContacts(graph, {
      name: `Projects import ${tag}`,
      size: 3,
      lastName: `Import ${tag}`,
      emailOf: (index) => `Import.${index}.${tag}@Example.com`,
    });
    // A desk contact with the e-mail of a desk agent, whose INTERNAL user has it already.
    const taken = DEMO_AGENTS[3].email;
    const { id: clash } = await mutateOk<{ id: string }>(
      graph,
      'admin',
      'mutation($input: CreateContactInput!) { createContact(input: $input) { id } }',
      {
        input: {
          firstName: 'Clash',
          lastName: tag,
          email: taken,
          primaryAccountId: deskAccount.accountId,
        },
      },
    );
    deskAccount.contactIds.push(clash);
    const clientId = await linkedClient(deskAccount.accountId, `Projects import ${tag}`);

    // As an agent (not an administrator): desk is asked on that agent's behalf.
    const run = await succeeded('agent', 'CLIENT', clientId);
    expect(run).toMatchObject({
      kind: 'CLIENT_USER_IMPORT',
      progress: { total: 4 },
      counts: { added: 3, updated: 0, unchanged: 0, deleted: 0, failed: 1 },
      failures: {
        totalCount: 1,
        nodes: [
          {
            record: `desk contact Clash ${tag} (${clash})`,
            reason: expect.stringMatching(
              new RegExp(`e-mail ${taken} is already used by project user .*another desk agent`),
            ),
          },
        ],
      },
    });
    const users = [...(run.client?.users ?? [])].sort((a, b) => a.email.localeCompare(b.email));
    expect(run.client?.id).toBe(clientId);
    expect(users).toEqual(
      [0, 1, 2].map((index) => ({
        name: `Batch Import ${tag} ${index}`,
        email: `import.${index}.${tag}@example.com`,
        kind: 'CLIENT',
        active: true,
        contact: { id: deskAccount?.contactIds[index] },
      })),
    );

    // A contact that leaves the account: its user is deactivated by the next run; the others stay.
    await desk.sql('DELETE FROM desk.contact_account WHERE contact_id = $1', [
      deskAccount.contactIds[0],
    ]);
    const again = await succeeded('agent', 'CLIENT', clientId);
    expect(again.counts).toMatchObject({ added: 0, unchanged: 2, deleted: 1, failed: 1 });
    expect(
      (again.client?.users ?? []).map((user) => [user.contact?.id, user.active]).sort(),
    ).toEqual(
      [
        [deskAccount.contactIds[0], false],
        [deskAccount.contactIds[1], true],
        [deskAccount.contactIds[2], true],
      ].sort(),
    );
  });

  it('CLIENT: refused without clientId, for an unlinked client, and NOT_FOUND for an unknown one', async () => {
    const none = await graph.query('admin', START, { kind: 'CLIENT' });
    expectError(none, 'BAD_USER_INPUT', ['startProjectUserImport']);
    expect(none.errors?.[0].message).toMatch(/clientId/);

    const unlinked = await linkedClient(null, `Unlinked ${randomUUID().slice(0, 8)}`);
    const refused = await graph.query('admin', START, { kind: 'CLIENT', clientId: unlinked });
    expectError(refused, 'BAD_USER_INPUT', ['startProjectUserImport']);
    expect(refused.errors?.[0].message).toMatch(/not linked to a desk account/);

    expectError(
      await graph.query('admin', START, { kind: 'CLIENT', clientId: randomUUID() }),
      'NOT_FOUND',
      ['startProjectUserImport'],
    );
  });

  it('a second start returns the queued or running run; a stop stops it', async () => {
    const first = await start('admin', 'INTERNAL');
    const second = await start('admin', 'INTERNAL');
    // A run of several chunks, each picked up by a polling worker, lasts far longer than this.
    expect(first.started).toBe(true);
    expect(second).toMatchObject({ started: false, run: { id: first.run.id } });

    const stopped = await mutateOk<{ id: string; status: string; stopRequested: boolean }>(
      graph,
      'admin',
      STOP,
      { id: first.run.id },
    );
    expect(stopped.id).toBe(first.run.id);
    // Queued: stopped at once; running: at the start of its next chunk.
    expect(stopped.status === 'STOPPED' || stopped.stopRequested).toBe(true);
    expect((await finished(first.run.id)).status).toBe('STOPPED');

    // Once stopped, a start makes a new run.
    const fresh = await start('admin', 'INTERNAL');
    expect(fresh.started).toBe(true);
    expect((await finished(fresh.run.id)).status).toBe('SUCCEEDED');

    expectError(await graph.query('admin', STOP, { id: randomUUID() }), 'NOT_FOUND');
  });

  it('projectSyncRuns lists the runs newest first, within the maximum page size', async () => {
    const res = await graph.query<{ projectSyncRuns: { totalCount: number; nodes: Run[] } }>(
      'admin',
      RUNS,
      { first: 100, kind: 'INTERNAL_USER_IMPORT' },
    );
    expectNoErrors(res);
    const listed = res.data?.projectSyncRuns.nodes ?? [];
    const expected = await projects.sql<{ id: string }>(
      `SELECT id FROM projects.sync_run WHERE kind = 'INTERNAL_USER_IMPORT'
        ORDER BY queued_at DESC, id DESC LIMIT 100`,
    );
    expect(listed.map((run) => run.id)).toEqual(expected.map((row) => row.id));
    expect(listed.length).toBeGreaterThanOrEqual(5);

    const tooMany = config().pagination.maxPageSize + 1;
    expectError(await graph.query('admin', RUNS, { first: tooMany }), 'BAD_USER_INPUT', [
      'projectSyncRuns',
    ]);
  });

  it('PERM-1: starting and stopping need create and edit tasks; reading runs needs view', async () => {
    const [latest] = await projects.sql<{ id: string }>(
      'SELECT id FROM projects.sync_run ORDER BY queued_at DESC LIMIT 1',
    );
    // New agent: view only.
    const refused = await graph.query('newAgent', START, { kind: 'INTERNAL' });
    expectError(refused, 'FORBIDDEN', ['startProjectUserImport']);
    expect(refused.errors?.[0].message).toMatch(/may not import project users/);
    expectError(await graph.query('newAgent', STOP, { id: latest.id }), 'FORBIDDEN', [
      'stopProjectSyncRun',
    ]);
    const seen = await graph.query<{ projectSyncRun: { id: string } }>('newAgent', RUN, {
      id: latest.id,
    });
    expectNoErrors(seen);
    expect(seen.data?.projectSyncRun.id).toBe(latest.id);

    // Light agent: nothing.
    expectError(await graph.query('light', START, { kind: 'INTERNAL' }), 'FORBIDDEN');
    const hidden = await graph.query('light', RUNS, { first: 10 });
    expectError(hidden, 'FORBIDDEN', ['projectSyncRuns']);
    expect(hidden.errors?.[0].message).toMatch(/may not see projects/);
    expectError(await graph.query('light', RUN, { id: latest.id }), 'FORBIDDEN', [
      'projectSyncRun',
    ]);
  });
});
