import { randomUUID } from 'node:crypto';
import { config } from '../shared/config';
import { addDays } from '../shared/dates';
import type { DomainEvent } from '../shared/events';
import { signAgentToken } from '../shared/identity';
import { consumerQueue } from '../shared/jobs/consumer';
import { crmTaskEventsConsumer } from '../subgraphs/projects/jobs/crmTaskEvents';
import { fieldsFromCrm, taskSyncHash } from '../subgraphs/projects/domain/taskSync';
import { REFUSAL_MAIL_RELATED_TYPE } from '../subgraphs/projects/services/crmRefusals';
import { expectNoErrors, mutateOk, sqlOn, unique, waitFor } from './expectations';
import { type DemoAgent, type Graph, startGraph } from './harness';
import { type SmtpServer, startSmtpServer } from './smtpServer';

/**
 * PRJ-3 desk → projects, PRJ-6, PRJ-7 end to end, with every subgraph's workers: agents change desk
 * CRM tasks through the gateway, desk's relay publishes the events, projects' worker applies them
 * to the linked project tasks or refuses them (recording the refusal, e-mailing the author through
 * a real SMTP server, and having desk put its task back), and the gateway shows the result.
 *
 * The linked tasks are made here: desk tasks through desk's API on a new account, project tasks
 * linked to them directly in the database with agreeing fields and hash, in seeded projects.
 * afterAll removes all of it, with the desk agent one test adds, the projects user projects makes
 * for it, the e-mails and what the consumer remembered.
 */

const DELIVERY_TIMEOUT_MS = 30_000;
const TEST_TIMEOUT_MS = 120_000;
/** Longer than a few polls of the relay and the consumer: what has not happened by then will not. */
const SETTLE_MS = 3_000;
const QUEUE = consumerQueue(crmTaskEventsConsumer);

const CRM_TASK_FIELDS = `id subject description dueDate priority status owner { id } updatedAt
  syncNotices { source message restoredFields }`;
const CREATE_CRM_TASK = `mutation($input: CreateCrmTaskInput!) {
  createCrmTask(input: $input) { ${CRM_TASK_FIELDS} }
}`;
const UPDATE_CRM_TASK = `mutation($id: ID!, $input: UpdateCrmTaskInput!) {
  updateCrmTask(id: $id, input: $input) { ${CRM_TASK_FIELDS} }
}`;
const READ_CRM_TASK = `query($id: ID!) { crmTask(id: $id) { ${CRM_TASK_FIELDS} } }`;
const COMMENT = `mutation($taskId: ID!, $body: String!) {
  addCrmTaskComment(taskId: $taskId, body: $body) { id }
}`;
const PROJECT_TASK = `query($id: ID!) {
  projectTask(id: $id) {
    id subject description endDate priority status percentComplete updatedAt
    owners { id }
    comments { body authorName inCrm author { id } }
    crmRefusals { rule reason authorEmail crmTask { id } }
  }
}`;

interface CrmTask {
  id: string;
  subject: string;
  description: string | null;
  dueDate: string | null;
  priority: string;
  status: string;
  owner: { id: string };
  updatedAt: string;
  syncNotices: { source: string; message: string; restoredFields: string[] }[];
}
interface ProjectTask {
  id: string;
  subject: string;
  description: string | null;
  endDate: string | null;
  priority: string;
  status: string;
  percentComplete: number;
  updatedAt: string;
  owners: { id: string }[];
  comments: { body: string; authorName: string; inCrm: boolean; author: { id: string } | null }[];
  crmRefusals: {
    rule: string;
    reason: string;
    authorEmail: string | null;
    crmTask: { id: string };
  }[];
}
interface Pair {
  crmTask: CrmTask;
  taskId: string;
}
interface ProjectRow {
  id: string;
  key: string;
  endDate: string;
}
interface UserRow {
  id: string;
  name: string;
  email: string;
}

describe('PRJ-3/6/7: desk CRM task changes reach the linked project tasks, with workers', () => {
  let graph: Graph;
  let smtp: SmtpServer;
  const desk = sqlOn(() => graph.dataSources.desk);
  const projects = sqlOn(() => graph.dataSources.projects);
  let accountId: string;
  /** A seeded project without a fixed schedule, and one with (PRJ-6). */
  let plain: ProjectRow;
  let fixed: ProjectRow;
  /** The projects users the demo agents were imported as (PRJ-1 seed). */
  const users = {} as Record<'agent' | 'admin', UserRow>;
  const crmTaskIds: string[] = [];
  const taskIds: string[] = [];
  let addedAgentId: string | null = null;

  const updateCrm = (id: string, input: Record<string, unknown>, as: DemoAgent = 'agent') =>
    mutateOk<CrmTask>(graph, as, UPDATE_CRM_TASK, { id, input });

  async function crmTask(id: string): Promise<CrmTask> {
    const res = await graph.query<{ crmTask: CrmTask }>('agent', READ_CRM_TASK, { id });
    expectNoErrors(res);
    return res.data?.crmTask as CrmTask;
  }

  async function projectTask(id: string): Promise<ProjectTask> {
    const res = await graph.query<{ projectTask: ProjectTask }>('agent', PROJECT_TASK, { id });
    expectNoErrors(res);
    return res.data?.projectTask as ProjectTask;
  }

  /** Waits until the project task, read through the gateway, is as `done` wants it. */
  const until = (what: string, id: string, done: (task: ProjectTask) => boolean) =>
    waitFor(
      what,
      async () => {
        const task = await projectTask(id);
        return done(task) && task;
      },
      DELIVERY_TIMEOUT_MS,
    );

  /**
   * A desk task made by the agent (and completed when `completed`), and a project task of
   * `project` linked to it, agreeing on every synced field and owned by the agent's user.
   */
  async function linkedPair(
    project: ProjectRow,
    options: { dueDate?: string; completed?: boolean; parentTaskId?: string } = {},
  ): Promise<Pair> {
    let created = await mutateOk<CrmTask>(graph, 'agent', CREATE_CRM_TASK, {
      input: {
        subject: unique('Synced task'),
        description: 'Set up the shared drive',
        dueDate: options.dueDate ?? addDays(project.endDate, -3),
        priority: 'MEDIUM',
        accountId,
      },
    });
    crmTaskIds.push(created.id);
    if (options.completed) created = await updateCrm(created.id, { status: 'COMPLETED' });
    const fields = fieldsFromCrm({ ...created, ownerId: created.owner.id });
    const [row] = await projects.sql<{ id: string }>(
      `INSERT INTO projects.task (project_id, parent_task_id, subject, description, end_date,
         priority, status, percent_complete, desk_crm_task_id, crm_account_id, crm_linked_at,
         crm_synced_hash, crm_synced_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now(), $11, now()) RETURNING id`,
      [
        project.id,
        options.parentTaskId ?? null,
        fields.subject,
        fields.description,
        fields.endDate,
        fields.priority,
        fields.status,
        fields.status === 'CLOSED' ? 100 : 0,
        created.id,
        accountId,
        taskSyncHash(fields),
      ],
    );
    taskIds.push(row.id);
    await projects.sql(
      'INSERT INTO projects.task_owner (task_id, user_id, position) VALUES ($1, $2, 1)',
      [row.id, users.agent.id],
    );
    return { crmTask: created, taskId: row.id };
  }

  /** Desk's committed update events of the task, oldest first. */
  const deskUpdates = (crmTaskId: string) =>
    desk.sql<{ id: string; causedBy: { kind: string; service?: string } }>(
      `SELECT id, caused_by AS "causedBy" FROM desk.outbox_event
        WHERE aggregate_id = $1 AND type = 'desk.crm_task.updated' ORDER BY occurred_at, id`,
      [crmTaskId],
    );

  /** Waits until projects' consumer has taken in every event desk committed for the task. */
  async function allConsumed(crmTaskId: string): Promise<void> {
    await waitFor(
      `projects to consume the events of desk task ${crmTaskId}`,
      async () => {
        const events = await desk.sql<{ id: string }>(
          `SELECT id FROM desk.outbox_event
            WHERE aggregate_id = $1 AND type IN ('desk.crm_task.updated', 'desk.crm_task.commented')`,
          [crmTaskId],
        );
        const consumed = await projects.count(
          'SELECT 1 FROM projects.processed_event WHERE consumer = $1 AND event_id = ANY($2::uuid[])',
          [crmTaskEventsConsumer.name, events.map((event) => event.id)],
        );
        return consumed === events.length;
      },
      DELIVERY_TIMEOUT_MS,
    );
  }

  /** No echo: once projects has taken everything in, neither side changes any more. */
  async function expectSettled(pair: Pair): Promise<void> {
    await allConsumed(pair.crmTask.id);
    const before = {
      crm: (await crmTask(pair.crmTask.id)).updatedAt,
      updates: (await deskUpdates(pair.crmTask.id)).length,
      project: (await projectTask(pair.taskId)).updatedAt,
    };
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    expect({
      crm: (await crmTask(pair.crmTask.id)).updatedAt,
      updates: (await deskUpdates(pair.crmTask.id)).length,
      project: (await projectTask(pair.taskId)).updatedAt,
    }).toEqual(before);
  }

  const pushesOf = (taskId: string) =>
    projects.count(
      `SELECT 1 FROM projects.outbox_event WHERE type = 'projects.task.changed' AND aggregate_id = $1`,
      [taskId],
    );

  const refusalsOf = (taskId: string) =>
    projects.sql<{ id: string; eventId: string }>(
      'SELECT id, event_id AS "eventId" FROM projects.crm_update_refusal WHERE task_id = $1',
      [taskId],
    );

  const mailsAbout = (refusalIds: string[]) =>
    projects.sql<{ toAddress: string; subject: string; textBody: string }>(
      `SELECT to_address AS "toAddress", subject, text_body AS "textBody"
         FROM projects.mail_message WHERE related_type = $1 AND related_id = ANY($2::text[])`,
      [REFUSAL_MAIL_RELATED_TYPE, refusalIds],
    );

  /**
   * E-mails the SMTP server received for the demo agent: only refusals are mailed to agents in this
   * suite (subjects come MIME-encoded, so they are checked on the stored message instead).
   */
  const mailedToAgent = () =>
    smtp.received.filter((message) => message.to.includes(users.agent.email)).length;

  /** Hands desk's event to projects' queue again under a new job id and waits until it is worked. */
  async function deliverAgain(eventId: string): Promise<void> {
    const delivered = await graph.jobs.projects.getJobById<DomainEvent>(QUEUE, eventId);
    expect(delivered?.state).toBe('completed');
    const jobId = randomUUID();
    await graph.jobs.projects.send(QUEUE, delivered?.data as DomainEvent, { id: jobId });
    const job = await waitFor(
      `job ${jobId} to be worked`,
      async () => {
        const current = await graph.jobs.projects.getJobById(QUEUE, jobId);
        return current && ['completed', 'failed'].includes(current.state) && current;
      },
      DELIVERY_TIMEOUT_MS,
    );
    expect(job.state).toBe('completed');
  }

  /**
   * PRJ-6/PRJ-7 as the agent sees it after `change` was refused: the project task as it was, one
   * refusal naming the rule, the desk task put back with one notice, exactly one e-mail to the
   * agent (also when the event is delivered again), and nothing moving any more.
   */
  async function expectRefused(
    pair: Pair,
    change: Record<string, unknown>,
    rule: string,
    restoredField: 'dueDate' | 'status',
  ): Promise<void> {
    const before = await projectTask(pair.taskId);
    const mailedBefore = mailedToAgent();
    await updateCrm(pair.crmTask.id, change);
    const after = await until(`the ${rule} refusal`, pair.taskId, (task) => {
      return task.crmRefusals.length > 0;
    });
    expect(after).toEqual({
      ...before,
      crmRefusals: [
        {
          rule,
          reason: expect.any(String),
          authorEmail: users.agent.email,
          crmTask: { id: pair.crmTask.id },
        },
      ],
    });
    const { reason } = after.crmRefusals[0];

    // Desk was told in the refusal's transaction: by now its task is back, with the notice.
    const restored = await crmTask(pair.crmTask.id);
    expect(restored[restoredField]).toBe(pair.crmTask[restoredField]);
    expect(restored.syncNotices).toEqual([
      { source: 'projects', message: reason, restoredFields: [restoredField] },
    ]);
    const updates = await deskUpdates(pair.crmTask.id);
    expect(updates.map((event) => event.causedBy.kind)).toEqual(
      pair.crmTask.status === 'COMPLETED' ? ['agent', 'agent', 'service'] : ['agent', 'service'],
    );

    const refusals = await refusalsOf(pair.taskId);
    const mails = await mailsAbout(refusals.map((refusal) => refusal.id));
    expect(mails).toEqual([
      { toAddress: users.agent.email, subject: expect.any(String), textBody: expect.any(String) },
    ]);
    expect(mails[0].subject).toContain(pair.crmTask.subject);
    expect(mails[0].textBody).toContain(reason);
    expect(mails[0].textBody).toContain('put back');
    await waitFor(
      'the refusal e-mail to reach the SMTP server',
      async () => mailedToAgent() === mailedBefore + 1,
      DELIVERY_TIMEOUT_MS,
    );

    // The refused event once more: still one refusal and one e-mail.
    await deliverAgain(refusals[0].eventId);
    expect(await refusalsOf(pair.taskId)).toEqual(refusals);
    expect(await mailsAbout(refusals.map((refusal) => refusal.id))).toHaveLength(1);
    await expectSettled(pair);
    expect((await crmTask(pair.crmTask.id)).syncNotices).toHaveLength(1);
    expect(await projectTask(pair.taskId)).toEqual(after);
    expect(mailedToAgent()).toBe(mailedBefore + 1);
  }

  beforeAll(async () => {
    smtp = await startSmtpServer();
    graph = await startGraph({
      workers: true,
      configure: (settings) => ({
        ...settings,
        jobs: { ...settings.jobs, pollIntervalSeconds: 0.5 },
        mail: { ...settings.mail, smtpUrl: smtp.url, retryLimit: 2, retryDelaySeconds: 1 },
      }),
    });
    ({ id: accountId } = await mutateOk<{ id: string }>(
      graph,
      'agent',
      'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }',
      { input: { name: unique('Task sync account') } },
    ));
    const projectOf = async (fixedSchedule: boolean) => {
      const [row] = await projects.sql<ProjectRow>(
        `SELECT id, key, to_char(end_date, 'YYYY-MM-DD') AS "endDate" FROM projects.project
          WHERE fixed_schedule = $1 AND status = 'ACTIVE' ORDER BY key LIMIT 1`,
        [fixedSchedule],
      );
      if (!row)
        throw new Error(`the seed has no active project with fixed_schedule ${fixedSchedule}`);
      return row;
    };
    plain = await projectOf(false);
    fixed = await projectOf(true);
    for (const as of ['agent', 'admin'] as const) {
      [users[as]] = await projects.sql<UserRow>(
        `SELECT id, name, email FROM projects."user" WHERE kind = 'INTERNAL' AND desk_agent_id = $1`,
        [graph.agentIds[as]],
      );
    }
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    if (!graph) return;
    try {
      const events = await desk.sql<{ id: string }>(
        'SELECT id FROM desk.outbox_event WHERE aggregate_id = ANY($1)',
        [crmTaskIds],
      );
      await projects.sql(
        'DELETE FROM projects.processed_event WHERE consumer = $1 AND event_id = ANY($2::uuid[])',
        [crmTaskEventsConsumer.name, events.map((event) => event.id)],
      );
      const refusals = await projects.sql<{ id: string }>(
        'SELECT id FROM projects.crm_update_refusal WHERE task_id = ANY($1)',
        [taskIds],
      );
      await projects.sql(
        'DELETE FROM projects.mail_message WHERE related_type = $1 AND related_id = ANY($2::text[])',
        [REFUSAL_MAIL_RELATED_TYPE, refusals.map((refusal) => refusal.id)],
      );
      await projects.sql(
        `DELETE FROM projects.outbox_event WHERE type = 'projects.task.changed' AND aggregate_id = ANY($1)`,
        [taskIds],
      );
      // Subtasks first: their parents are this suite's too. Owners, comments and refusals go along.
      await projects.sql(
        'DELETE FROM projects.task WHERE id = ANY($1) AND parent_task_id IS NOT NULL',
        [taskIds],
      );
      await projects.sql('DELETE FROM projects.task WHERE id = ANY($1)', [taskIds]);
      await desk.sql('DELETE FROM desk.crm_task WHERE id = ANY($1)', [crmTaskIds]);
      await desk.sql('DELETE FROM desk.account WHERE id = $1', [accountId]);
      if (addedAgentId) {
        await projects.sql('DELETE FROM projects."user" WHERE desk_agent_id = $1', [addedAgentId]);
        await desk.sql('DELETE FROM desk.agent WHERE id = $1', [addedAgentId]);
      }
    } finally {
      await graph.stop();
      await smtp.close();
    }
  });

  it(
    'PRJ-3: each synced field changed on desk arrives on the project task, and nothing echoes',
    async () => {
      const pair = await linkedPair(plain);
      const { crmTask: crm, taskId } = pair;
      const subject = unique('Renamed on desk');
      await updateCrm(crm.id, { subject });
      await until('the subject', taskId, (task) => task.subject === subject);
      await updateCrm(crm.id, { description: 'Now with the VPN too' });
      await until('the description', taskId, (t) => t.description === 'Now with the VPN too');
      const dueDate = addDays(plain.endDate, -10);
      await updateCrm(crm.id, { dueDate });
      await until('the due date as end date', taskId, (task) => task.endDate === dueDate);
      await updateCrm(crm.id, { priority: 'HIGH' });
      await until('the priority', taskId, (task) => task.priority === 'HIGH');
      await updateCrm(crm.id, { status: 'COMPLETED' });
      await until(
        'COMPLETED as CLOSED at 100 %',
        taskId,
        (task) => task.status === 'CLOSED' && task.percentComplete === 100,
      );
      await updateCrm(crm.id, { status: 'OPEN' });
      await until(
        'the reopening at 0 %',
        taskId,
        (task) => task.status === 'OPEN' && task.percentComplete === 0,
      );
      await updateCrm(crm.id, { ownerId: graph.agentIds.admin });
      const owned = await until('the owner', taskId, (t) => t.owners[0]?.id === users.admin.id);
      expect(owned).toMatchObject({
        subject,
        description: 'Now with the VPN too',
        endDate: dueDate,
        priority: 'HIGH',
        status: 'OPEN',
        percentComplete: 0,
        owners: [{ id: users.admin.id }],
        crmRefusals: [],
      });

      await expectSettled(pair);
      // Both sides agree: the stored hash is desk's, and projects has nothing to send back.
      const now = await crmTask(crm.id);
      const [row] = await projects.sql<{ hash: string }>(
        'SELECT crm_synced_hash AS hash FROM projects.task WHERE id = $1',
        [taskId],
      );
      expect(row.hash).toBe(taskSyncHash(fieldsFromCrm({ ...now, ownerId: now.owner.id })));
      expect(await pushesOf(taskId)).toBe(0);
      expect((await deskUpdates(crm.id)).every((event) => event.causedBy.kind === 'agent')).toBe(
        true,
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'PRJ-3: desk comments arrive once, by the imported user or, not imported, by name; a new owner not imported yet is imported',
    async () => {
      const pair = await linkedPair(plain);
      await mutateOk(graph, 'agent', COMMENT, { taskId: pair.crmTask.id, body: 'Drive is ready' });
      await until('the comment', pair.taskId, (task) => task.comments.length === 1);

      // A desk agent who joined after the last PRJ-1 import, with the demo agent's profile.
      const name = unique('New Hire');
      const email = `${randomUUID()}@example.test`;
      const [added] = await desk.sql<{ id: string }>(
        `INSERT INTO desk.agent (name, email, profile_id, active)
         SELECT $1, $2, profile_id, true FROM desk.agent WHERE id = $3 RETURNING id`,
        [name, email, graph.agentIds.agent],
      );
      addedAgentId = added.id;
      const token = signAgentToken({ id: added.id, email }, config().auth);
      const res = await graph.query({ authorization: `Bearer ${token}` }, COMMENT, {
        taskId: pair.crmTask.id,
        body: 'Licence keys sent',
      });
      expectNoErrors(res);
      const commented = await until(
        'the second comment',
        pair.taskId,
        (t) => t.comments.length === 2,
      );
      expect(commented.comments).toEqual([
        {
          body: 'Drive is ready',
          authorName: users.agent.name,
          inCrm: true,
          author: { id: users.agent.id },
        },
        { body: 'Licence keys sent', authorName: name, inCrm: true, author: null },
      ]);

      await updateCrm(pair.crmTask.id, { ownerId: added.id });
      const owned = await until('the new owner', pair.taskId, (task) => {
        return task.owners.length === 1 && task.owners[0].id !== users.agent.id;
      });
      const [imported] = await projects.sql<{
        id: string;
        kind: string;
        name: string;
        email: string;
      }>(`SELECT id, kind, name, email FROM projects."user" WHERE desk_agent_id = $1`, [added.id]);
      expect(imported).toEqual({ id: owned.owners[0].id, kind: 'INTERNAL', name, email });
      await expectSettled(pair);
      expect(
        await projects.count('SELECT 1 FROM projects.task_comment WHERE task_id = $1', [
          pair.taskId,
        ]),
      ).toBe(2);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "PRJ-6: a due date past a fixed-schedule project's end is refused, the desk task put back and the author mailed once",
    async () => {
      const pair = await linkedPair(fixed);
      await expectRefused(
        pair,
        { dueDate: addDays(fixed.endDate, 5) },
        'FIXED_SCHEDULE',
        'dueDate',
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'PRJ-7: reopening a subtask whose parent is closed is refused, the desk task put back and the author mailed once',
    async () => {
      const [parent] = await projects.sql<{ id: string }>(
        `INSERT INTO projects.task (project_id, subject, status, percent_complete)
         VALUES ($1, $2, 'CLOSED', 100) RETURNING id`,
        [plain.id, unique('Closed parent')],
      );
      taskIds.push(parent.id);
      const pair = await linkedPair(plain, { completed: true, parentTaskId: parent.id });
      await expectRefused(pair, { status: 'OPEN' }, 'PARENT_COMPLETED', 'status');
    },
    TEST_TIMEOUT_MS,
  );
});
