import { addDays } from '../../../shared/dates';
import { generateDeskDemo } from '../../desk/seed/generate';
import { sameNameKey } from '../domain/crmChoices';
import { fieldsFromCrm, projectStatusOf, taskSyncHash } from '../domain/taskSync';
import { generateProjectsDemo } from './generate';

/** The scale test/globalSetup.ts seeds desk with; scale 1 is the development demo's. */
const SCALES = [0.05, 1];

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.id, row]));
}

function expectUnique(values: readonly (string | null)[]): void {
  const present = values.filter((value) => value !== null);
  expect(new Set(present).size).toBe(present.length);
}

describe.each(SCALES)('generateProjectsDemo(%s)', (scale) => {
  const demo = generateProjectsDemo(scale);
  const desk = generateDeskDemo(scale);
  const clients = byId(demo.clients);
  const users = byId(demo.users);
  const projects = byId(demo.projects);
  const lists = byId(demo.taskLists);
  const tasks = byId(demo.tasks);
  const deskAccounts = byId(desk.customers.customers.map((customer) => customer.account));
  const deskDeals = byId(desk.crm.deals);
  const deskAgents = byId(desk.staff.agents);
  const deskContacts = byId(desk.customers.people.map((person) => person.contact));
  const deskTasks = byId(desk.crm.tasks);
  const deskComments = byId(desk.crm.comments);
  const projectDealKeys = new Set(
    demo.projectDeals.map((row) => `${row.projectId}/${row.deskDealId}`),
  );

  it('is the same for the same scale, ids included', () => {
    expect(generateProjectsDemo(scale)).toEqual(demo);
  });

  it('keeps every unique key unique', () => {
    for (const rows of [demo.clients, demo.users, demo.projects, demo.taskLists, demo.tasks]) {
      expectUnique(rows.map((row) => row.id));
    }
    expectUnique(demo.comments.map((row) => row.id));
    expectUnique(demo.clients.map((row) => row.deskAccountId));
    expectUnique(demo.users.map((row) => row.email));
    expectUnique(demo.users.map((row) => row.deskAgentId));
    expectUnique(demo.users.map((row) => row.deskContactId));
    expectUnique(demo.projects.map((row) => row.key));
    expectUnique(demo.tasks.map((row) => row.deskCrmTaskId));
    expectUnique(demo.comments.map((row) => row.deskCommentId));
    expectUnique(demo.projectDeals.map((row) => `${row.projectId}/${row.deskDealId}`));
    expectUnique(demo.members.map((row) => `${row.projectId}/${row.userId}`));
    expectUnique(demo.owners.map((row) => `${row.taskId}/${row.userId}`));
    expectUnique(demo.owners.map((row) => `${row.taskId}/${row.position}`));
    expectUnique(demo.taskLists.map((row) => `${row.projectId}/${row.position}`));
    expectUnique(demo.profilePermissions.map((row) => row.profileId));
  });

  it('resolves every foreign key, and the kinds the foreign keys check', () => {
    for (const user of demo.users) {
      if (user.clientId) expect(clients.has(user.clientId)).toBe(true);
    }
    for (const project of demo.projects) {
      expect(users.get(project.ownerUserId)?.kind).toBe('INTERNAL');
      if (project.clientId) expect(clients.has(project.clientId)).toBe(true);
    }
    for (const row of demo.projectDeals) expect(projects.has(row.projectId)).toBe(true);
    for (const member of demo.members) {
      const project = projects.get(member.projectId);
      const user = users.get(member.userId);
      expect(project).toBeDefined();
      expect(user?.kind).toBe(member.role === 'CLIENT' ? 'CLIENT' : 'INTERNAL');
      // A client member is a person of the project's client (the services' rule).
      if (member.role === 'CLIENT') expect(user?.clientId).toBe(project?.clientId);
    }
    for (const list of demo.taskLists) expect(projects.has(list.projectId)).toBe(true);
    const seen = new Set<string>();
    for (const task of demo.tasks) {
      expect(projects.has(task.projectId)).toBe(true);
      if (task.taskListId) expect(lists.get(task.taskListId)?.projectId).toBe(task.projectId);
      if (task.parentTaskId) {
        const parent = tasks.get(task.parentTaskId);
        expect(parent?.projectId).toBe(task.projectId);
        // One level only, and inserted before its subtasks.
        expect(parent?.parentTaskId).toBeNull();
        expect(seen.has(task.parentTaskId)).toBe(true);
      }
      seen.add(task.id);
    }
    for (const owner of demo.owners) {
      expect(tasks.has(owner.taskId)).toBe(true);
      expect(users.has(owner.userId)).toBe(true);
    }
    for (const comment of demo.comments) {
      expect(tasks.has(comment.taskId)).toBe(true);
      if (comment.authorUserId) expect(users.has(comment.authorUserId)).toBe(true);
    }
  });

  it("keeps the tables' CHECK rules", () => {
    for (const user of demo.users) {
      expect(user.email).toBe(user.email.trim().toLowerCase());
      if (user.kind === 'INTERNAL') {
        expect(user.deskContactId).toBeNull();
        expect(user.clientId).toBeNull();
      } else {
        expect(user.deskAgentId).toBeNull();
        expect(user.clientId).not.toBeNull();
      }
      if (user.importedAt)
        expect(Boolean(user.deskAgentId) !== Boolean(user.deskContactId)).toBe(true);
    }
    for (const project of demo.projects) {
      expect(project.key).toMatch(/^PRJ-[1-9][0-9]*$/);
      expect(project.endDate >= project.startDate).toBe(true);
    }
    for (const list of demo.taskLists) expect(list.position).toBeGreaterThan(0);
    for (const task of demo.tasks) {
      expect(task.percentComplete).toBeGreaterThanOrEqual(0);
      expect(task.percentComplete).toBeLessThanOrEqual(100);
      expect(task.percentComplete === 100).toBe(task.status === 'CLOSED');
      if (task.startDate && task.endDate) expect(task.endDate >= task.startDate).toBe(true);
      if (task.deskCrmTaskId) {
        expect([task.crmAccountId, task.crmDealId].filter(Boolean)).toHaveLength(1);
        expect(task.crmLinkedAt).not.toBeNull();
      } else {
        expect([
          task.crmAccountId,
          task.crmDealId,
          task.crmLinkedAt,
          task.crmSyncedHash,
          task.crmSyncedAt,
        ]).toEqual([null, null, null, null, null]);
      }
      expect(task.crmSyncedHash === null).toBe(task.crmSyncedAt === null);
      if (task.crmSyncedHash) expect(task.crmSyncedHash).toMatch(/^[0-9a-f]{64}$/);
      expect(task.updatedAt.getTime()).toBeGreaterThanOrEqual(task.createdAt.getTime());
    }
    for (const row of demo.profilePermissions) {
      expect(row.viewProjects || !row.createEditTasks).toBe(true);
      expect(row.createEditTasks || !row.addToCrm).toBe(true);
    }
  });

  it("keeps the rules the services enforce: fixed schedules, closed parents' subtasks", () => {
    for (const task of demo.tasks) {
      const project = projects.get(task.projectId);
      if (project?.fixedSchedule && task.endDate) {
        expect(task.endDate <= project.endDate).toBe(true);
      }
      if (task.parentTaskId && tasks.get(task.parentTaskId)?.status === 'CLOSED') {
        expect(task.status).toBe('CLOSED');
      }
    }
    // A completed project has no open work left.
    for (const task of demo.tasks) {
      if (projects.get(task.projectId)?.status === 'COMPLETED') expect(task.status).toBe('CLOSED');
    }
  });

  it("is tied to desk's demo of the same scale", () => {
    for (const client of demo.clients) {
      if (client.deskAccountId) {
        expect(deskAccounts.get(client.deskAccountId)?.name).toBe(client.name);
      }
    }
    for (const user of demo.users) {
      if (user.deskAgentId) {
        expect(deskAgents.get(user.deskAgentId)?.email).toBe(user.email);
      }
      if (user.deskContactId) {
        const contact = deskContacts.get(user.deskContactId);
        expect(contact?.email).toBe(user.email);
        // A contact of the client's own account.
        const customer = desk.customers.customers.find(
          (c) => c.account.id === clients.get(user.clientId ?? '')?.deskAccountId,
        );
        expect(customer?.contacts.some((c) => c.id === user.deskContactId)).toBe(true);
      }
    }
    // PRJ-1 was run for the demo: every desk agent is an internal user.
    expect(demo.users.filter((user) => user.deskAgentId).length).toBe(desk.staff.agents.length);
    for (const row of demo.projectDeals) {
      const deal = deskDeals.get(row.deskDealId);
      expect(deal).toBeDefined();
      const client = clients.get(projects.get(row.projectId)?.clientId ?? '');
      expect(client?.deskAccountId).toBe(deal?.accountId);
    }
    const linked = demo.tasks.filter((task) => task.deskCrmTaskId !== null);
    // The two showcase tasks at least; at scale 1 tasks linked to accounts and to deals.
    expect(linked.length).toBeGreaterThanOrEqual(2);
    if (scale >= 1) {
      expect(linked.some((task) => task.crmAccountId)).toBe(true);
      expect(linked.some((task) => task.crmDealId)).toBe(true);
    }
    const owners = new Map(
      demo.owners.filter((o) => o.position === 1).map((o) => [o.taskId, o.userId]),
    );
    for (const task of linked) {
      const crmTask = deskTasks.get(task.deskCrmTaskId ?? '');
      expect(crmTask).toBeDefined();
      if (!crmTask) continue;
      const client = clients.get(projects.get(task.projectId)?.clientId ?? '');
      // PRJ-4: only for a linked client, for its account or a deal associated with the project.
      expect(client?.deskAccountId).toBe(crmTask.accountId);
      if (task.crmDealId) {
        expect(task.crmDealId).toBe(crmTask.dealId);
        expect(projectDealKeys.has(`${task.projectId}/${task.crmDealId}`)).toBe(true);
      } else {
        expect(task.crmAccountId).toBe(crmTask.accountId);
        expect(crmTask.dealId).toBeNull();
      }
      // PRJ-3: the two sides agree, and the synced hash is the one both give.
      const owner = users.get(owners.get(task.id) ?? '');
      expect(owner?.deskAgentId).toBe(crmTask.ownerId);
      expect({
        subject: task.subject,
        description: task.description,
        endDate: task.endDate,
        priority: task.priority,
        status: task.status,
      }).toEqual({
        subject: crmTask.subject,
        description: crmTask.description,
        endDate: crmTask.dueDate,
        priority: crmTask.priority,
        status: projectStatusOf(crmTask.status),
      });
      expect(task.crmSyncedHash).toBe(taskSyncHash(fieldsFromCrm(crmTask)));
      expect(
        taskSyncHash({
          subject: task.subject,
          description: task.description,
          endDate: task.endDate,
          priority: task.priority,
          status: task.status,
          ownerDeskAgentId: owner?.deskAgentId ?? null,
        }),
      ).toBe(task.crmSyncedHash);
    }
    for (const comment of demo.comments) {
      if (!comment.deskCommentId) continue;
      const deskComment = deskComments.get(comment.deskCommentId);
      expect(deskComment?.body).toBe(comment.body);
      expect(tasks.get(comment.taskId)?.deskCrmTaskId).toBe(deskComment?.taskId);
      expect(users.get(comment.authorUserId ?? '')?.deskAgentId).toBe(deskComment?.authorId);
    }
    const profiles = new Map(desk.staff.profiles.map((profile) => [profile.id, profile.name]));
    const levels = Object.fromEntries(
      demo.profilePermissions.map((row) => [
        profiles.get(row.profileId),
        [row.viewProjects, row.createEditTasks, row.addToCrm],
      ]),
    );
    expect(levels).toEqual({
      Administrator: [true, true, true],
      Agent: [true, true, true],
      'New agent': [true, false, false],
    });
  });

  it('has the showcase cases', () => {
    const { showcase } = demo;
    const linkedClient = clients.get(showcase.linkedClientId);
    expect(linkedClient?.deskAccountId).toBe(desk.customers.customers[0].account.id);
    // The big customer's four, and more when a showcase desk task is one of its own.
    expect(
      demo.projects.filter((p) => p.clientId === showcase.linkedClientId).length,
    ).toBeGreaterThanOrEqual(4);

    // PRJ-4: unlinked clients named like a desk account no client is linked to.
    const linkedAccounts = new Set(demo.clients.map((client) => client.deskAccountId));
    expect(showcase.sameNameClientIds.length).toBeGreaterThan(0);
    for (const id of showcase.sameNameClientIds) {
      const client = clients.get(id);
      expect(client?.deskAccountId).toBeNull();
      const namesakes = [...deskAccounts.values()].filter(
        (account) => sameNameKey(account.name) === sameNameKey(client?.name ?? ''),
      );
      expect(namesakes).toHaveLength(1);
      expect(linkedAccounts.has(namesakes[0].id)).toBe(false);
    }
    expect(demo.clients.some((c) => c.deskAccountId === null && !deskNames(c.name))).toBe(true);

    // PRJ-6: a fixed-schedule project with an open CRM-linked task three days before its end.
    const fixedProject = projects.get(showcase.fixedScheduleProjectId);
    const fixedTask = tasks.get(showcase.fixedScheduleTaskId);
    expect(fixedProject?.fixedSchedule).toBe(true);
    expect(fixedProject?.status).toBe('ACTIVE');
    expect(fixedTask?.projectId).toBe(fixedProject?.id);
    expect(fixedTask?.deskCrmTaskId).not.toBeNull();
    expect(fixedTask?.status).not.toBe('CLOSED');
    expect(fixedTask?.endDate).not.toBeNull();
    expect(addDays(fixedTask?.endDate ?? '', 3)).toBe(fixedProject?.endDate);

    // PRJ-7: a closed parent whose closed subtask is linked to a completed desk task.
    const parent = tasks.get(showcase.closedParentTaskId);
    const subtask = tasks.get(showcase.closedSubtaskId);
    expect(parent?.status).toBe('CLOSED');
    expect(parent?.parentTaskId).toBeNull();
    expect(subtask?.parentTaskId).toBe(parent?.id);
    expect(subtask?.status).toBe('CLOSED');
    expect(deskTasks.get(subtask?.deskCrmTaskId ?? '')?.status).toBe('COMPLETED');
  });

  function deskNames(name: string): boolean {
    return [...deskAccounts.values()].some((account) => account.name === name);
  }
});
