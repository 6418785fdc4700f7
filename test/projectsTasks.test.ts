import { randomUUID } from 'node:crypto';
import { expectError, expectNoErrors, mutateOk, sqlOn, unique, waitFor } from './expectations';
import type { DemoAgent, Graph } from './harness';
import { startGraph } from './harness';

/**
 * Projects' writes through the gateway, with every subgraph's workers: tasks and subtasks with
 * their rules (PRJ-6 and PRJ-7 on the projects side), "save and add to CRM" and adding later
 * (PRJ-4, PRJ-5), a client linked by an administrator (PRJ-2), PRJ-3 from projects to desk with
 * the change count settling, comments, and PERM-1 both ways. Each test works on a client and
 * project of its own made in beforeAll, on desk accounts and a deal made through desk's API, and
 * afterAll removes the projects rows.
 */

const SYNC_TIMEOUT_MS = 30_000;

const TASK_FIELDS = `id subject description startDate endDate priority status percentComplete
  parent { id } owners { id } project { id progress { openTasks closedTasks totalTasks } }
  crmLink { crmTask { id } account { id } deal { id } linkedAt syncedAt }`;
const CREATE = `mutation($input: CreateProjectTaskInput!) {
  createProjectTask(input: $input) { ${TASK_FIELDS} }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateProjectTaskInput!) {
  updateProjectTask(id: $id, input: $input) { ${TASK_FIELDS} }
}`;
const ADD_TO_CRM = `mutation($taskId: ID!, $link: ProjectCrmLinkInput!) {
  addProjectTaskToCrm(taskId: $taskId, link: $link) { ${TASK_FIELDS} }
}`;
const COMMENT = `mutation($taskId: ID!, $body: String!) {
  addProjectTaskComment(taskId: $taskId, body: $body) { id body authorName inCrm author { id } }
}`;
const LINK_CLIENT = `mutation($clientId: ID!, $accountId: ID!) {
  linkProjectClient(clientId: $clientId, accountId: $accountId) { id name account { id } }
}`;
const SET_PERMISSIONS = `mutation($profileId: ID!, $input: ProjectsPermissionsInput!) {
  setProjectsPermissions(profileId: $profileId, input: $input) {
    profile { id } levels { viewProjects createEditTasks addToCrm }
  }
}`;
const CRM_TASK = `query($id: ID!) {
  crmTask(id: $id) {
    id subject description dueDate priority status owner { id } account { id } deal { id }
    updatedAt comments { body author { id } }
    projectTask { id }
  }
}`;

interface TaskNode {
  id: string;
  subject: string;
  description: string | null;
  startDate: string | null;
  endDate: string | null;
  priority: string;
  status: string;
  percentComplete: number;
  parent: { id: string } | null;
  owners: { id: string }[];
  project: { id: string; progress: { openTasks: number; closedTasks: number; totalTasks: number } };
  crmLink: {
    crmTask: { id: string };
    account: { id: string } | null;
    deal: { id: string } | null;
    linkedAt: string;
    syncedAt: string | null;
  } | null;
}

interface CrmTaskNode {
  id: string;
  subject: string;
  description: string | null;
  dueDate: string | null;
  priority: string;
  status: string;
  owner: { id: string };
  account: { id: string } | null;
  deal: { id: string } | null;
  updatedAt: string;
  comments: { body: string; author: { id: string } }[];
  projectTask: { id: string } | null;
}

describe('projects tasks, CRM links and PRJ-3 pushes (PRJ-2..PRJ-7, PERM-1)', () => {
  let graph: Graph;
  const { sql, count } = sqlOn(() => graph.dataSources.projects);
  const desk = sqlOn(() => graph.dataSources.desk);

  /** Desk accounts: the one the client is linked to, and one with the client's name. */
  let linkedAccountId: string;
  let sameNameAccountId: string;
  let otherAccountId: string;
  let dealId: string;
  let clientId: string;
  let projectId: string;
  /** A project whose client is not linked: nothing of it may go to the CRM. */
  let unlinkedProjectId: string;
  /** Projects users of the demo agents. */
  const users = {} as Record<DemoAgent, string>;

  const createTask = (as: DemoAgent, input: Record<string, unknown>) =>
    graph.query<{ createProjectTask: TaskNode }>(as, CREATE, {
      input: { projectId, subject: unique('Task'), ...input },
    });
  const created = async (input: Record<string, unknown>, as: DemoAgent = 'agent') => {
    const res = await createTask(as, input);
    expectNoErrors(res);
    return res.data?.createProjectTask as TaskNode;
  };
  const update = (as: DemoAgent, id: string, input: Record<string, unknown>) =>
    graph.query<{ updateProjectTask: TaskNode }>(as, UPDATE, { id, input });
  const crmTask = async (id: string): Promise<CrmTaskNode> => {
    const res = await graph.query<{ crmTask: CrmTaskNode }>('admin', CRM_TASK, { id });
    expectNoErrors(res);
    return res.data?.crmTask as CrmTaskNode;
  };
  const tasksOfProject = (id: string) =>
    count('SELECT 1 FROM projects.task WHERE project_id = $1', [id]);
  const crmTaskEvents = (id: string) =>
    desk.count(
      `SELECT 1 FROM desk.outbox_event WHERE aggregate_id = $1 AND type = 'desk.crm_task.updated'`,
      [id],
    );

  beforeAll(async () => {
    graph = await startGraph({ workers: true });
    const account = (name: string) =>
      mutateOk<{ id: string }>(
        graph,
        'admin',
        'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }',
        { input: { name } },
      ).then((row) => row.id);
    const clientName = unique('Prj Client');
    linkedAccountId = await account(unique('Prj Holdings'));
    sameNameAccountId = await account(clientName);
    otherAccountId = await account(unique('Prj Stranger'));
    dealId = (
      await mutateOk<{ id: string }>(
        graph,
        'admin',
        'mutation($input: CreateDealInput!) { createDeal(input: $input) { id } }',
        { input: { name: unique('Prj deal'), accountId: linkedAccountId, amount: 1000 } },
      )
    ).id;
    for (const agent of ['admin', 'agent', 'newAgent', 'light'] as DemoAgent[]) {
      const [user] = await sql<{ id: string }>(
        `SELECT id FROM projects."user" WHERE desk_agent_id = $1`,
        [graph.agentIds[agent]],
      );
      users[agent] = user.id;
    }
    [{ id: clientId }] = await sql<{ id: string }>(
      `INSERT INTO projects.client (name) VALUES ($1) RETURNING id`,
      [clientName],
    );
    const [{ id: unlinkedClientId }] = await sql<{ id: string }>(
      `INSERT INTO projects.client (name) VALUES ($1) RETURNING id`,
      [unique('Prj Unlinked')],
    );
    const project = async (client: string, fixed: boolean) => {
      const [{ id }] = await sql<{ id: string }>(
        `INSERT INTO projects.project (key, name, owner_user_id, start_date, end_date,
                                       fixed_schedule, client_id)
         VALUES ($1, $2, $3, '2026-11-01', '2026-12-31', $4, $5) RETURNING id`,
        [`TST-${randomInt()}`, unique('Prj project'), users.agent, fixed, client],
      );
      await sql(
        `INSERT INTO projects.project_user (project_id, user_id, role)
         VALUES ($1, $2, 'MANAGER'), ($1, $3, 'MEMBER')`,
        [id, users.agent, users.admin],
      );
      return id;
    };
    projectId = await project(clientId, true);
    unlinkedProjectId = await project(unlinkedClientId, false);
    await sql(`INSERT INTO projects.project_deal (project_id, desk_deal_id) VALUES ($1, $2)`, [
      projectId,
      dealId,
    ]);
  });

  afterAll(async () => {
    if (!graph) return;
    await sql(`DELETE FROM projects.project WHERE id = ANY($1)`, [[projectId, unlinkedProjectId]]);
    await sql(`DELETE FROM projects.client WHERE name LIKE 'Prj %' AND id NOT IN
                 (SELECT client_id FROM projects.project WHERE client_id IS NOT NULL)`);
    await graph.stop();
  });

  describe('tasks and subtasks', () => {
    it('creates a task with its owners in order, and a subtask under it', async () => {
      const task = await created({
        description: '  Write the plan  ',
        startDate: '2026-11-02',
        endDate: '2026-11-20',
        priority: 'HIGH',
        ownerIds: [users.admin, users.agent],
      });
      expect(task).toMatchObject({
        description: 'Write the plan',
        startDate: '2026-11-02',
        endDate: '2026-11-20',
        priority: 'HIGH',
        status: 'OPEN',
        percentComplete: 0,
        parent: null,
        owners: [{ id: users.admin }, { id: users.agent }],
        crmLink: null,
      });
      const subtask = await created({ parentId: task.id, percentComplete: 30 });
      expect(subtask).toMatchObject({
        parent: { id: task.id },
        status: 'OPEN',
        percentComplete: 30,
      });
      const [row] = await sql<{ position: number; user_id: string }>(
        `SELECT position, user_id FROM projects.task_owner WHERE task_id = $1 ORDER BY position`,
        [task.id],
      );
      expect(row).toEqual({ position: 1, user_id: users.admin });
    });

    it('refuses what a task may not be, saving nothing', async () => {
      const parent = await created({});
      const subtask = await created({ parentId: parent.id });
      const before = await tasksOfProject(projectId);
      const refusals: [Record<string, unknown>, string][] = [
        [{ subject: '   ' }, 'subject must not be empty'],
        [{ startDate: '2026-11-10', endDate: '2026-11-09' }, 'is before startDate'],
        [{ parentId: subtask.id }, 'subtasks cannot have subtasks'],
        [{ status: 'CLOSED', percentComplete: 50 }, 'A CLOSED task is 100 % complete'],
        [{ percentComplete: 101 }, 'from 0 to 100'],
        [{ ownerIds: [users.light] }, `is not a user of project`],
        [{ ownerIds: [users.agent, users.agent] }, 'names a user twice'],
      ];
      for (const [input, message] of refusals) {
        const res = await createTask('agent', input);
        expectError(res, 'BAD_USER_INPUT', ['createProjectTask']);
        expect(res.errors?.[0].message).toContain(message);
      }
      expectError(
        await graph.query('agent', CREATE, {
          input: { projectId: randomUUID(), subject: 'Nowhere' },
        }),
        'NOT_FOUND',
      );
      expect(await tasksOfProject(projectId)).toBe(before);
    });

    it('PRJ-6: in a fixed-schedule project no end date past the project end, created or edited', async () => {
      const refused = await createTask('agent', { endDate: '2027-01-01' });
      expectError(refused, 'BAD_USER_INPUT');
      expect(refused.errors?.[0].message).toContain('fixed schedule ending 2026-12-31');
      expect(refused.errors?.[0].extensions?.rule).toBe('FIXED_SCHEDULE');
      const task = await created({ endDate: '2026-12-31' });
      expectError(await update('agent', task.id, { endDate: '2027-02-01' }), 'BAD_USER_INPUT');
      const [row] = await sql<{ end_date: string }>(
        `SELECT end_date::text FROM projects.task WHERE id = $1`,
        [task.id],
      );
      expect(row.end_date).toBe('2026-12-31');
      // A project without a fixed schedule takes any end date.
      const free = await graph.query<{ createProjectTask: TaskNode }>('agent', CREATE, {
        input: { projectId: unlinkedProjectId, subject: 'Late', endDate: '2027-06-30' },
      });
      expectNoErrors(free);
    });

    it('closing sets 100 %, 100 % closes, and the project progress follows', async () => {
      const task = await created({});
      const closed = await update('agent', task.id, { status: 'CLOSED' });
      expectNoErrors(closed);
      expect(closed.data?.updateProjectTask).toMatchObject({
        status: 'CLOSED',
        percentComplete: 100,
      });
      const reopened = await update('agent', task.id, { percentComplete: 40 });
      expect(reopened.data?.updateProjectTask).toMatchObject({
        status: 'IN_PROGRESS',
        percentComplete: 40,
      });
      const byPercent = await update('agent', task.id, { percentComplete: 100 });
      const after = byPercent.data?.updateProjectTask as TaskNode;
      expect(after.status).toBe('CLOSED');
      const [counts] = await sql<{ open: string; closed: string }>(
        `SELECT count(*) FILTER (WHERE status <> 'CLOSED') AS open,
                count(*) FILTER (WHERE status = 'CLOSED') AS closed
           FROM projects.task WHERE project_id = $1`,
        [projectId],
      );
      expect(after.project.progress).toMatchObject({
        openTasks: Number(counts.open),
        closedTasks: Number(counts.closed),
      });
    });

    it('PRJ-7: a subtask is not reopened, nor open work added, under a closed parent', async () => {
      const parent = await created({});
      const subtask = await created({ parentId: parent.id });
      expectNoErrors(await update('agent', subtask.id, { status: 'CLOSED' }));
      expectNoErrors(await update('agent', parent.id, { status: 'CLOSED' }));
      const reopen = await update('agent', subtask.id, { status: 'OPEN' });
      expectError(reopen, 'BAD_USER_INPUT');
      expect(reopen.errors?.[0].message).toContain('cannot be reopened while its parent task');
      expect(reopen.errors?.[0].extensions?.rule).toBe('PARENT_COMPLETED');
      expectError(await createTask('agent', { parentId: parent.id }), 'BAD_USER_INPUT');
      // Reopening the parent first is the way.
      expectNoErrors(await update('agent', parent.id, { status: 'IN_PROGRESS' }));
      const reopened = await update('agent', subtask.id, { status: 'OPEN' });
      expectNoErrors(reopened);
      expect(reopened.data?.updateProjectTask).toMatchObject({
        status: 'OPEN',
        percentComplete: 0,
      });
    });

    it('moves a task under another, but not a task that has subtasks', async () => {
      const parent = await created({});
      const withChild = await created({});
      await created({ parentId: withChild.id });
      const loose = await created({});
      const moved = await update('agent', loose.id, { parentId: parent.id });
      expect(moved.data?.updateProjectTask.parent).toEqual({ id: parent.id });
      expectError(await update('agent', withChild.id, { parentId: parent.id }), 'BAD_USER_INPUT');
      expectError(await update('agent', parent.id, { parentId: parent.id }), 'BAD_USER_INPUT');
      expectError(await update('agent', loose.id, { subject: null }), 'BAD_USER_INPUT');
      expectError(await update('agent', randomUUID(), { subject: 'x' }), 'NOT_FOUND');
    });
  });

  describe('PRJ-4 / PRJ-5: adding tasks to the CRM', () => {
    it('refuses "save and add to CRM" while the client is not linked, saving nothing', async () => {
      const before = await tasksOfProject(unlinkedProjectId);
      const res = await graph.query('agent', CREATE, {
        input: {
          projectId: unlinkedProjectId,
          subject: 'Not yet',
          addToCrm: { accountId: linkedAccountId },
        },
      });
      expectError(res, 'BAD_USER_INPUT');
      expect(res.errors?.[0].message).toContain('is not linked to a CRM account');
      expect(await tasksOfProject(unlinkedProjectId)).toBe(before);
    });

    it('PRJ-2: only an administrator links a client, to an account no other client has', async () => {
      const refused = await graph.query('agent', LINK_CLIENT, {
        clientId,
        accountId: linkedAccountId,
      });
      expectError(refused, 'FORBIDDEN');
      expectError(
        await graph.query('admin', LINK_CLIENT, { clientId, accountId: randomUUID() }),
        'NOT_FOUND',
      );
      const linked = await mutateOk<{ account: { id: string } }>(graph, 'admin', LINK_CLIENT, {
        clientId,
        accountId: linkedAccountId,
      });
      expect(linked.account).toEqual({ id: linkedAccountId });
      // Again is the same link; another account is not, nor is a second client on this one.
      expectNoErrors(
        await graph.query('admin', LINK_CLIENT, { clientId, accountId: linkedAccountId }),
      );
      expectError(
        await graph.query('admin', LINK_CLIENT, { clientId, accountId: otherAccountId }),
        'BAD_USER_INPUT',
      );
      const [seeded] = await sql<{ desk_account_id: string }>(
        `SELECT desk_account_id FROM projects.client WHERE desk_account_id IS NOT NULL LIMIT 1`,
      );
      const [{ id: another }] = await sql<{ id: string }>(
        `SELECT id FROM projects.client WHERE name LIKE 'Prj Unlinked%' LIMIT 1`,
      );
      const taken = await graph.query('admin', LINK_CLIENT, {
        clientId: another,
        accountId: seeded.desk_account_id,
      });
      expectError(taken, 'BAD_USER_INPUT');
      expect(taken.errors?.[0].message).toContain('is already linked to the client');
    });

    it('saves and adds to the CRM: the desk task is made with the task fields and marked linked', async () => {
      const task = await created({
        description: 'For the CRM',
        endDate: '2026-12-10',
        priority: 'MEDIUM',
        status: 'IN_PROGRESS',
        ownerIds: [users.admin],
        addToCrm: { accountId: linkedAccountId },
      });
      expect(task.crmLink).toMatchObject({ account: { id: linkedAccountId }, deal: null });
      const crm = await crmTask(task.crmLink?.crmTask.id as string);
      expect(crm).toMatchObject({
        subject: task.subject,
        description: 'For the CRM',
        dueDate: '2026-12-10',
        priority: 'MEDIUM',
        status: 'IN_PROGRESS',
        owner: { id: graph.agentIds.admin },
        account: { id: linkedAccountId },
        projectTask: { id: task.id },
      });
    });

    it('offers and takes the same-name account and the project deal; nothing else', async () => {
      const byName = await created({ addToCrm: { accountId: sameNameAccountId } });
      expect(byName.crmLink?.account).toEqual({ id: sameNameAccountId });
      const byDeal = await created({ addToCrm: { dealId } });
      expect(byDeal.crmLink).toMatchObject({ account: null, deal: { id: dealId } });
      expect((await crmTask(byDeal.crmLink?.crmTask.id as string)).deal).toEqual({ id: dealId });
      const before = await tasksOfProject(projectId);
      for (const link of [
        { accountId: otherAccountId },
        { dealId: randomUUID() },
        { accountId: linkedAccountId, dealId },
        {},
      ]) {
        expectError(await createTask('agent', { addToCrm: link }), 'BAD_USER_INPUT');
      }
      expect(await tasksOfProject(projectId)).toBe(before);
    });

    it('PRJ-5: adds an existing task later, once', async () => {
      const task = await created({ endDate: '2026-12-01' });
      const linked = await graph.query<{ addProjectTaskToCrm: TaskNode }>('agent', ADD_TO_CRM, {
        taskId: task.id,
        link: { dealId },
      });
      expectNoErrors(linked);
      const crmTaskId = linked.data?.addProjectTaskToCrm.crmLink?.crmTask.id as string;
      expect((await crmTask(crmTaskId)).dueDate).toBe('2026-12-01');
      const again = await graph.query('agent', ADD_TO_CRM, {
        taskId: task.id,
        link: { accountId: linkedAccountId },
      });
      expectError(again, 'BAD_USER_INPUT');
      expect(again.errors?.[0].message).toContain('already added to the CRM');
      expect(
        await desk.count(`SELECT 1 FROM desk.crm_task WHERE subject = $1`, [task.subject]),
      ).toBe(1);
    });
  });

  describe('PRJ-3: projects to desk', () => {
    it('a change on a linked task reaches its desk task once, and the change count settles', async () => {
      const task = await created({
        endDate: '2026-12-05',
        addToCrm: { accountId: linkedAccountId },
      });
      const crmTaskId = task.crmLink?.crmTask.id as string;
      const eventsBefore = await crmTaskEvents(crmTaskId);
      const changes = {
        subject: unique('Renamed'),
        description: 'Changed in projects',
        endDate: '2026-12-20',
        priority: 'LOW',
        status: 'CLOSED',
        ownerIds: [users.admin],
      };
      expectNoErrors(await update('agent', task.id, changes));
      const arrived = await waitFor(
        'the change on the desk task',
        async () => {
          const crm = await crmTask(crmTaskId);
          return crm.status === 'COMPLETED' && crm;
        },
        SYNC_TIMEOUT_MS,
      );
      expect(arrived).toMatchObject({
        subject: changes.subject,
        description: 'Changed in projects',
        dueDate: '2026-12-20',
        priority: 'LOW',
        owner: { id: graph.agentIds.admin },
      });
      // One write to desk for the whole edit, and nothing comes back to write again.
      expect(await crmTaskEvents(crmTaskId)).toBe(eventsBefore + 1);
      await waitFor(
        'the task marked synced',
        () =>
          count(`SELECT 1 FROM projects.task WHERE id = $1 AND crm_synced_at > $2`, [
            task.id,
            task.crmLink?.syncedAt,
          ]),
        SYNC_TIMEOUT_MS,
      );
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(await crmTaskEvents(crmTaskId)).toBe(eventsBefore + 1);
      expect((await crmTask(crmTaskId)).updatedAt).toBe(arrived.updatedAt);
      const [project] = await sql<{ status: string; percent_complete: number }>(
        `SELECT status, percent_complete FROM projects.task WHERE id = $1`,
        [task.id],
      );
      expect(project).toEqual({ status: 'CLOSED', percent_complete: 100 });
    });

    it('an edit of what desk does not mirror writes nothing to desk', async () => {
      const task = await created({ addToCrm: { accountId: linkedAccountId } });
      const crmTaskId = task.crmLink?.crmTask.id as string;
      const before = await crmTaskEvents(crmTaskId);
      expectNoErrors(
        await update('agent', task.id, { startDate: '2026-11-05', percentComplete: 20 }),
      );
      expect(
        await count(
          `SELECT 1 FROM projects.outbox_event WHERE aggregate_id = $1 AND type = 'projects.task.changed'`,
          [task.id],
        ),
      ).toBe(0);
      expect(await crmTaskEvents(crmTaskId)).toBe(before);
    });

    it("a comment on a linked task reaches the desk task as the agent's", async () => {
      const task = await created({ addToCrm: { accountId: linkedAccountId } });
      const res = await graph.query<{
        addProjectTaskComment: {
          authorName: string;
          author: { id: string } | null;
          inCrm: boolean;
        };
      }>('agent', COMMENT, { taskId: task.id, body: '  Looks good  ' });
      expectNoErrors(res);
      expect(res.data?.addProjectTaskComment).toMatchObject({
        author: { id: users.agent },
        inCrm: false,
      });
      const comments = await waitFor(
        'the comment on the desk task',
        async () => {
          const crm = await crmTask(task.crmLink?.crmTask.id as string);
          return crm.comments.length > 0 && crm.comments;
        },
        SYNC_TIMEOUT_MS,
      );
      expect(comments).toEqual([{ body: 'Looks good', author: { id: graph.agentIds.agent } }]);
      await waitFor(
        'the comment marked as in the CRM',
        async () =>
          (await count(
            `SELECT 1 FROM projects.task_comment WHERE task_id = $1 AND desk_comment_id IS NOT NULL`,
            [task.id],
          )) === 1,
        SYNC_TIMEOUT_MS,
      );
      // A comment on a task that is not linked stays in projects.
      const local = await created({});
      expectNoErrors(await graph.query('agent', COMMENT, { taskId: local.id, body: 'Only here' }));
      expectError(
        await graph.query('agent', COMMENT, { taskId: local.id, body: ' ' }),
        'BAD_USER_INPUT',
      );
    });
  });

  describe('PERM-1: permissions both ways', () => {
    it('view-only and no-access profiles may not write; the full profile may', async () => {
      const task = await created({});
      for (const as of ['newAgent', 'light'] as DemoAgent[]) {
        expectError(await createTask(as, {}), 'FORBIDDEN');
        expectError(await update(as, task.id, { subject: 'No' }), 'FORBIDDEN');
        expectError(await graph.query(as, COMMENT, { taskId: task.id, body: 'No' }), 'FORBIDDEN');
        expectError(
          await graph.query(as, ADD_TO_CRM, {
            taskId: task.id,
            link: { accountId: linkedAccountId },
          }),
          'FORBIDDEN',
        );
      }
      expectNoErrors(await update('agent', task.id, { subject: 'Yes' }));
    });

    it('create and edit without add to CRM: tasks yes, CRM no; only administrators set levels', async () => {
      const [{ profile_id: profileId }] = await desk.sql<{ profile_id: string }>(
        `SELECT profile_id FROM desk.agent WHERE id = $1`,
        [graph.agentIds.newAgent],
      );
      const [saved] = await sql<Record<string, boolean>>(
        `SELECT view_projects, create_edit_tasks, add_to_crm FROM projects.profile_permission
          WHERE profile_id = $1`,
        [profileId],
      );
      const levels = { viewProjects: true, createEditTasks: true, addToCrm: false };
      expectError(
        await graph.query('agent', SET_PERMISSIONS, { profileId, input: levels }),
        'FORBIDDEN',
      );
      expectError(
        await graph.query('admin', SET_PERMISSIONS, {
          profileId,
          input: { viewProjects: true, createEditTasks: false, addToCrm: true },
        }),
        'BAD_USER_INPUT',
      );
      expectError(
        await graph.query('admin', SET_PERMISSIONS, { profileId: randomUUID(), input: levels }),
        'NOT_FOUND',
      );
      try {
        const set = await mutateOk<{ levels: typeof levels }>(graph, 'admin', SET_PERMISSIONS, {
          profileId,
          input: levels,
        });
        expect(set.levels).toEqual(levels);
        const task = await created({}, 'newAgent');
        expectError(
          await graph.query('newAgent', ADD_TO_CRM, {
            taskId: task.id,
            link: { accountId: linkedAccountId },
          }),
          'FORBIDDEN',
        );
        const saveAndAdd = await createTask('newAgent', {
          addToCrm: { accountId: linkedAccountId },
        });
        expectError(saveAndAdd, 'FORBIDDEN');
        // Allowed in projects, the agent still needs desk's own permission to create CRM tasks
        // (New agent may only view them): desk's refusal comes back, and nothing is saved.
        await mutateOk(graph, 'admin', SET_PERMISSIONS, {
          profileId,
          input: { ...levels, addToCrm: true },
        });
        const before = await tasksOfProject(projectId);
        const deskRefused = await createTask('newAgent', {
          addToCrm: { accountId: linkedAccountId },
        });
        expectError(deskRefused, 'FORBIDDEN');
        expect(deskRefused.errors?.[0].message).toContain('The CRM refused the new CRM task');
        expect(await tasksOfProject(projectId)).toBe(before);
      } finally {
        await mutateOk(graph, 'admin', SET_PERMISSIONS, {
          profileId,
          input: {
            viewProjects: saved.view_projects,
            createEditTasks: saved.create_edit_tasks,
            addToCrm: saved.add_to_crm,
          },
        });
      }
    });
  });
});

function randomInt(): number {
  return 100_000 + Math.floor(Math.random() * 900_000);
}
