import type { DataSource } from 'typeorm';
import { addDays } from '../../../shared/dates';
import {
  after,
  between,
  calendarDate,
  DAY_HOURS,
  dayBetween,
  earliest,
  earlier,
  hoursAfter,
  instantBetween,
  latest,
  later,
  startOf,
  TODAY_DATE,
} from '../../../shared/seed/clock';
import { insertRows } from '../../../shared/seed/insertRows';
import { Random } from '../../../shared/seed/random';
import { recordSeedScale } from '../../../shared/seed/scale';
import { slug, uniqueEmail } from '../../../shared/seed/text';
import type { CrmTask } from '../../desk/entities/CrmTask';
import { generateDeskDemo } from '../../desk/seed/generate';
import type { Customer } from '../../desk/seed/customers';
import { FIRST_NAMES, LAST_NAMES } from '../../desk/seed/vocabulary';
import { PROJECTS_SCHEMA } from '../database';
import { fieldsFromCrm, projectStatusOf, taskSyncHash } from '../domain/taskSync';
import {
  Client,
  ProfilePermission,
  Project,
  ProjectDeal,
  ProjectMember,
  ProjectsUser,
  Task,
  TaskComment,
  TaskList,
  TaskOwner,
} from '../entities';
import type { ProjectStatus } from '../entities/Project';
import type { TaskPriority, TaskStatus } from '../entities/Task';
import {
  CLIENTS_FROM,
  IMPORTED_AT,
  LAST_INSTANT,
  PROJECTS_FROM_DAY,
  PROJECTS_TO_DAY,
} from './clock';
import { generatePermissions, PROFILE_LEVELS } from './permissions';
import {
  INTERNAL_PROJECT_KINDS,
  OTHER_CLIENT_NAMES,
  PROJECT_DESCRIPTIONS,
  PROJECT_KINDS,
  TASK_COMMENTS,
  TASK_DESCRIPTIONS,
  TASK_LIST_NAMES,
  TASK_SUBJECTS,
} from './vocabulary';

/**
 * Changing it reshuffles every generated row, ids included. Its mulberry32 sequence starts far
 * from desk's (20260101), inventory's (20261101), billing's (20261201) and books' (20261301).
 */
const SEED = 20261401;

/** Share of desk accounts that are linked clients (the showcase ones come on top). */
const LINKED_SHARE = 0.3;
/** Share of the linked clients' desk CRM tasks that projects tasks are linked to. */
const LINKED_TASK_SHARE = 0.6;

const PRIORITY_WEIGHTS = [
  ['NONE', 25],
  ['LOW', 25],
  ['MEDIUM', 35],
  ['HIGH', 15],
] as const satisfies readonly (readonly [TaskPriority, number])[];

export interface ProjectsSeedSummary {
  clients: number;
  users: number;
  projects: number;
  projectDeals: number;
  members: number;
  taskLists: number;
  tasks: number;
  linkedTasks: number;
  owners: number;
  comments: number;
  profilePermissions: number;
}

/** The showcase rows the README and the gateway tests can start from. */
export interface ProjectsShowcase {
  /** The desk demo's big customer, linked, with several projects. */
  linkedClientId: string;
  /** Unlinked clients named exactly like a desk account no client is linked to. */
  sameNameClientIds: string[];
  /** PRJ-6: a fixed-schedule project and its CRM-linked open task that ends three days before it. */
  fixedScheduleProjectId: string;
  fixedScheduleTaskId: string;
  /** PRJ-7: a CLOSED task and its CLOSED subtask, linked to a COMPLETED desk CRM task. */
  closedParentTaskId: string;
  closedSubtaskId: string;
}

interface ProjectPlan {
  project: Project;
  lists: TaskList[];
  members: Map<string, ProjectMember>;
}

/**
 * The projects demo data, generated in memory and identical for the same scale (ids included). It
 * is tied to the desk demo of the same scale through `generateDeskDemo`: clients are linked to
 * desk accounts, users were imported from desk agents and contacts (PRJ-1), projects carry their
 * account's deals, some tasks are linked to desk's own CRM tasks and agree with them field for
 * field (PRJ-3), and permissions are keyed by desk profiles.
 */
export function generateProjectsDemo(scale: number) {
  const desk = generateDeskDemo(scale);
  // One random sequence for everything, drawn in this order.
  const random = new Random(SEED);
  const customers = desk.customers.customers;
  const agentById = new Map(desk.staff.agents.map((agent) => [agent.id, agent]));

  // The two showcase desk tasks decide which accounts must be linked clients.
  const accountTasks = desk.crm.tasks.filter((task) => task.accountId !== null);
  const openDue = accountTasks.filter((task) => task.status !== 'COMPLETED' && task.dueDate);
  const futureDue = openDue.filter((task) => (task.dueDate ?? '') >= TODAY_DATE);
  const latestDue = [...openDue].sort((a, b) => (b.dueDate ?? '').localeCompare(a.dueDate ?? ''));
  const fixedCrmTask = futureDue.length > 0 ? random.pick(futureDue) : latestDue[0];
  const reopenCrmTask = random.pick(accountTasks.filter((task) => task.status === 'COMPLETED'));
  if (!fixedCrmTask || !reopenCrmTask) throw new Error('the desk demo has no showcase CRM tasks');

  // Clients: the big customer, the showcase accounts and a share of the rest are linked.
  const linkedIds = new Set([
    customers[0].account.id,
    fixedCrmTask.accountId as string,
    reopenCrmTask.accountId as string,
    ...random
      .sample(customers.slice(1), Math.round(customers.length * LINKED_SHARE))
      .map((customer) => customer.account.id),
  ]);
  const clients: Client[] = [];
  const customerOf = new Map<string, Customer>();
  for (const customer of customers) {
    if (!linkedIds.has(customer.account.id)) continue;
    const client: Client = {
      id: random.uuid(),
      name: customer.account.name,
      deskAccountId: customer.account.id,
      createdAt: between(random, 91, 94),
    };
    clients.push(client);
    customerOf.set(client.id, customer);
  }
  const unlinkedAccounts = customers.filter((customer) => !linkedIds.has(customer.account.id));
  const sameName = random
    .sample(unlinkedAccounts, Math.max(1, Math.round(3 * scale)))
    .map((customer) => clientNamed(random, customer.account.name));
  const deskNames = new Set(customers.map((customer) => customer.account.name));
  const others = random
    .sample(
      OTHER_CLIENT_NAMES.filter((name) => !deskNames.has(name)),
      Math.max(1, Math.round(4 * scale)),
    )
    .map((name) => clientNamed(random, name));
  clients.push(...sameName, ...others);

  // PRJ-1 for the demo: every desk agent, and a few contacts of each linked client's account.
  const emails = new Set(desk.customers.people.map((person) => person.contact.email));
  for (const agent of desk.staff.agents) emails.add(agent.email);
  const users: ProjectsUser[] = desk.staff.agents.map((agent) => ({
    id: random.uuid(),
    kind: 'INTERNAL',
    name: agent.name,
    email: agent.email.toLowerCase(),
    deskAgentId: agent.id,
    deskContactId: null,
    clientId: null,
    active: agent.active,
    importedAt: IMPORTED_AT,
    createdAt: IMPORTED_AT,
  }));
  const userByAgent = new Map(users.map((user) => [user.deskAgentId as string, user]));
  const importedContacts = new Set<string>();
  const clientUsers = new Map<string, ProjectsUser[]>(clients.map((client) => [client.id, []]));
  for (const client of clients) {
    const own = clientUsers.get(client.id) as ProjectsUser[];
    const customer = customerOf.get(client.id);
    if (customer) {
      const count = client.deskAccountId === customers[0].account.id ? 5 : random.int(1, 3);
      const free = customer.contacts.filter((contact) => !importedContacts.has(contact.id));
      for (const contact of random.sample(free, count)) {
        importedContacts.add(contact.id);
        own.push({
          id: random.uuid(),
          kind: 'CLIENT',
          name: `${contact.firstName} ${contact.lastName}`,
          email: contact.email.toLowerCase(),
          deskAgentId: null,
          deskContactId: contact.id,
          clientId: client.id,
          active: true,
          importedAt: IMPORTED_AT,
          createdAt: IMPORTED_AT,
        });
      }
    } else if (random.chance(0.5)) {
      // Made in projects: no desk contact, never imported.
      const first = random.pick(FIRST_NAMES);
      const last = random.pick(LAST_NAMES);
      own.push({
        id: random.uuid(),
        kind: 'CLIENT',
        name: `${first} ${last}`,
        email: uniqueEmail(`${first}.${last}`, `${slug(client.name)}.example`, emails),
        deskAgentId: null,
        deskContactId: null,
        clientId: client.id,
        active: true,
        importedAt: null,
        createdAt: after(random, client.createdAt, 1, 48),
      });
    }
    users.push(...own);
  }

  // Project managers: active internal users whose desk profile may create and edit tasks.
  const editorProfiles = new Set(
    desk.staff.profiles
      .filter(
        (profile) => PROFILE_LEVELS[profile.name as keyof typeof PROFILE_LEVELS]?.createEditTasks,
      )
      .map((profile) => profile.id),
  );
  const managers = desk.staff.agents
    .filter((agent) => agent.active && editorProfiles.has(agent.profileId))
    .map((agent) => userByAgent.get(agent.id) as ProjectsUser);
  const colleagues = users.filter((user) => user.kind === 'INTERNAL' && user.active);

  const plans: ProjectPlan[] = [];
  const plansOf = new Map<string | null, ProjectPlan[]>();
  const newProject = (
    client: Client | null,
    name: string,
    createdAt: Date,
    shape: { startDate?: string; endDate?: string; fixed?: boolean; status?: ProjectStatus },
  ): ProjectPlan => {
    const startDate = shape.startDate ?? addDays(calendarDate(createdAt), random.int(0, 14));
    const endDate = shape.endDate ?? addDays(startDate, random.int(30, 200));
    const fixedSchedule = shape.fixed ?? random.chance(0.25);
    const status =
      shape.status ??
      (endDate < TODAY_DATE
        ? random.weighted<ProjectStatus>([
            ['COMPLETED', 80],
            ['CANCELLED', 20],
          ])
        : startDate > TODAY_DATE
          ? 'ACTIVE'
          : random.weighted<ProjectStatus>([
              ['ACTIVE', 85],
              ['ON_HOLD', 15],
            ]));
    const owner = random.pick(managers);
    const project: Project = {
      id: random.uuid(),
      key: '',
      name,
      description: random.chance(0.7) ? random.pick(PROJECT_DESCRIPTIONS) : null,
      ownerUserId: owner.id,
      startDate,
      endDate,
      fixedSchedule,
      status,
      clientId: client?.id ?? null,
      createdAt,
      updatedAt: instantBetween(random, createdAt, LAST_INSTANT),
    };
    const members = new Map<string, ProjectMember>([
      [owner.id, { projectId: project.id, userId: owner.id, role: 'MANAGER' }],
    ]);
    for (const user of random.sample(colleagues, random.int(1, 3))) {
      if (!members.has(user.id)) {
        members.set(user.id, { projectId: project.id, userId: user.id, role: 'MEMBER' });
      }
    }
    const ownClientUsers = client ? (clientUsers.get(client.id) ?? []) : [];
    for (const user of random.sample(ownClientUsers, random.int(0, 2))) {
      members.set(user.id, { projectId: project.id, userId: user.id, role: 'CLIENT' });
    }
    const lists = random
      .sample(TASK_LIST_NAMES, random.int(2, 4))
      .map((listName, index): TaskList => ({
        id: random.uuid(),
        projectId: project.id,
        name: listName,
        position: index + 1,
      }));
    const plan = { project, lists, members };
    plans.push(plan);
    const key = client?.id ?? null;
    plansOf.set(key, [...(plansOf.get(key) ?? []), plan]);
    return plan;
  };

  // The showcase projects, made before the desk tasks they will hold.
  const clientOfAccount = new Map(clients.map((client) => [client.deskAccountId, client]));
  const showcaseCreatedAt = (crmTask: CrmTask) =>
    instantBetween(
      random,
      latest(hoursAfter(IMPORTED_AT, DAY_HOURS), hoursAfter(crmTask.createdAt, -30 * DAY_HOURS)),
      hoursAfter(crmTask.createdAt, -2),
    );
  const fixedCreatedAt = showcaseCreatedAt(fixedCrmTask);
  const fixedPlan = newProject(
    clientOfAccount.get(fixedCrmTask.accountId) as Client,
    'Go-live on the agreed date',
    fixedCreatedAt,
    {
      startDate: calendarDate(fixedCreatedAt),
      endDate: addDays(fixedCrmTask.dueDate as string, 3),
      fixed: true,
      status: 'ACTIVE',
    },
  );
  const reopenCreatedAt = showcaseCreatedAt(reopenCrmTask);
  const reopenPlan = newProject(
    clientOfAccount.get(reopenCrmTask.accountId) as Client,
    'Rollout with sign-off steps',
    reopenCreatedAt,
    { startDate: calendarDate(reopenCreatedAt), fixed: false, status: 'ACTIVE' },
  );

  // Every client's projects (the big customer's four), and a few internal ones.
  for (const client of clients) {
    const count = client.deskAccountId === customers[0].account.id ? 4 : random.int(1, 3);
    const linked = client.deskAccountId !== null;
    for (const name of random.sample(PROJECT_KINDS, linked ? count : 1)) {
      newProject(client, name, between(random, PROJECTS_FROM_DAY, PROJECTS_TO_DAY), {});
    }
  }
  for (const name of random.sample(INTERNAL_PROJECT_KINDS, Math.max(1, Math.round(2 * scale)))) {
    newProject(null, name, between(random, PROJECTS_FROM_DAY, PROJECTS_TO_DAY), {});
  }

  // Deals: most of a linked account's deals belong to one of its client's projects.
  const projectDeals = new Map<string, ProjectDeal>();
  const associate = (projectId: string, deskDealId: string) =>
    projectDeals.set(`${projectId}/${deskDealId}`, { projectId, deskDealId });
  for (const deal of desk.crm.deals) {
    const client = clientOfAccount.get(deal.accountId);
    if (!client || !random.chance(0.75)) continue;
    associate(random.pick(plansOf.get(client.id) as ProjectPlan[]).project.id, deal.id);
  }

  const tasks: Task[] = [];
  const owners: TaskOwner[] = [];
  const comments: TaskComment[] = [];
  const userById = new Map(users.map((user) => [user.id, user]));
  const addOwners = (task: Task, plan: ProjectPlan, first: ProjectsUser | null) => {
    const members = [...plan.members.values()];
    const internal = members.filter((m) => m.role !== 'CLIENT').map((m) => m.userId);
    const chosen = first ? [first.id] : [];
    for (const userId of random.sample(internal, random.int(1, 2))) {
      if (!chosen.includes(userId) && chosen.length < 2) chosen.push(userId);
    }
    const clientMembers = members.filter((m) => m.role === 'CLIENT');
    if (clientMembers.length > 0 && random.chance(0.1)) {
      chosen.push(random.pick(clientMembers).userId);
    }
    chosen.forEach((userId, index) => {
      owners.push({ taskId: task.id, userId, position: index + 1 });
    });
  };
  const addComments = (task: Task, plan: ProjectPlan) => {
    const authors = [...plan.members.keys()];
    let at = task.createdAt;
    for (let n = random.int(0, 3); n > 0; n -= 1) {
      at = after(random, at, 1, 5 * DAY_HOURS);
      if (at >= LAST_INSTANT) break;
      const author = userById.get(random.pick(authors)) as ProjectsUser;
      comments.push({
        id: random.uuid(),
        taskId: task.id,
        authorUserId: author.id,
        authorName: author.name,
        body: random.pick(TASK_COMMENTS),
        createdAt: at,
        deskCommentId: null,
      });
    }
  };
  /** A task made in projects, between `from` and `to` (dates), with a status its dates allow. */
  const plainTask = (
    plan: ProjectPlan,
    parent: Task | null,
    shape: { status?: TaskStatus; from?: string; to?: string; createdFrom?: Date } = {},
  ): Task => {
    const { project } = plan;
    const from = shape.from ?? project.startDate;
    const to = shape.to ?? project.endDate;
    const startDate = dayBetween(random, from, to);
    const endDate = random.chance(0.9) ? dayBetween(random, startDate, to) : null;
    const status =
      shape.status ??
      (parent?.status === 'CLOSED' || project.status === 'COMPLETED'
        ? 'CLOSED'
        : project.status === 'CANCELLED'
          ? random.weighted<TaskStatus>([
              ['CLOSED', 50],
              ['OPEN', 50],
            ])
          : endDate !== null && endDate < TODAY_DATE
            ? random.weighted<TaskStatus>([
                ['CLOSED', 75],
                ['IN_PROGRESS', 20],
                ['OPEN', 5],
              ])
            : startDate > TODAY_DATE
              ? random.weighted<TaskStatus>([
                  ['OPEN', 90],
                  ['IN_PROGRESS', 10],
                ])
              : random.weighted<TaskStatus>([
                  ['OPEN', 30],
                  ['IN_PROGRESS', 45],
                  ['CLOSED', 25],
                ]));
    const createdFrom = shape.createdFrom ?? parent?.createdAt ?? project.createdAt;
    const createdAt = instantBetween(
      random,
      createdFrom,
      latest(createdFrom, earliest(startOf(startDate), LAST_INSTANT)),
    );
    return {
      id: random.uuid(),
      projectId: project.id,
      taskListId: parent
        ? parent.taskListId
        : random.chance(0.9)
          ? random.pick(plan.lists).id
          : null,
      parentTaskId: parent?.id ?? null,
      subject: random.pick(TASK_SUBJECTS),
      description: random.chance(0.5) ? random.pick(TASK_DESCRIPTIONS) : null,
      startDate,
      endDate,
      priority: random.weighted(PRIORITY_WEIGHTS),
      status,
      percentComplete: percentFor(random, status),
      deskCrmTaskId: null,
      crmAccountId: null,
      crmDealId: null,
      crmLinkedAt: null,
      crmSyncedHash: null,
      crmSyncedAt: null,
      createdAt,
      updatedAt: instantBetween(random, createdAt, LAST_INSTANT),
    };
  };
  const addTask = (task: Task, plan: ProjectPlan, firstOwner: ProjectsUser | null = null) => {
    tasks.push(task);
    addOwners(task, plan, firstOwner);
    addComments(task, plan);
    return task;
  };

  for (const plan of plans) {
    for (let n = random.int(3, 8); n > 0; n -= 1) {
      const parent = addTask(plainTask(plan, null), plan);
      if (!random.chance(0.3)) continue;
      for (let s = random.int(1, 3); s > 0; s -= 1) {
        addTask(
          plainTask(plan, parent, {
            from: parent.startDate ?? plan.project.startDate,
            to: parent.endDate ?? plan.project.endDate,
          }),
          plan,
        );
      }
    }
  }

  /**
   * A task linked to a desk CRM task, agreeing with it on every synced field (PRJ-3), so its
   * crm_synced_hash is the hash both sides give; its comments are the desk task's.
   */
  const deskComments = new Map<string, typeof desk.crm.comments>();
  for (const comment of desk.crm.comments) {
    deskComments.set(comment.taskId, [...(deskComments.get(comment.taskId) ?? []), comment]);
  }
  const linkedTask = (plan: ProjectPlan, crmTask: CrmTask, parent: Task | null): Task => {
    const { project } = plan;
    if (crmTask.dealId) associate(project.id, crmTask.dealId);
    const owner = userByAgent.get(crmTask.ownerId) as ProjectsUser;
    if (!plan.members.has(owner.id)) {
      plan.members.set(owner.id, { projectId: project.id, userId: owner.id, role: 'MEMBER' });
    }
    const status = projectStatusOf(crmTask.status);
    const fields = fieldsFromCrm(crmTask);
    // Saved and added to the CRM at once (PRJ-4), or made earlier and added later (PRJ-5).
    const createdAt = random.chance(0.6)
      ? crmTask.createdAt
      : instantBetween(random, parent?.createdAt ?? project.createdAt, crmTask.createdAt);
    const start = later(project.startDate, calendarDate(createdAt));
    const task: Task = {
      id: random.uuid(),
      projectId: project.id,
      taskListId: parent ? parent.taskListId : random.pick(plan.lists).id,
      parentTaskId: parent?.id ?? null,
      subject: fields.subject,
      description: fields.description,
      startDate: crmTask.dueDate ? earlier(start, crmTask.dueDate) : start,
      endDate: fields.endDate,
      priority: fields.priority,
      status,
      percentComplete: percentFor(random, status),
      deskCrmTaskId: crmTask.id,
      crmAccountId: crmTask.dealId ? null : crmTask.accountId,
      crmDealId: crmTask.dealId,
      crmLinkedAt: crmTask.createdAt,
      crmSyncedHash: taskSyncHash(fields),
      crmSyncedAt: crmTask.updatedAt,
      createdAt,
      updatedAt: latest(createdAt, crmTask.updatedAt),
    };
    tasks.push(task);
    owners.push({ taskId: task.id, userId: owner.id, position: 1 });
    for (const comment of deskComments.get(crmTask.id) ?? []) {
      const author = userByAgent.get(comment.authorId);
      comments.push({
        id: random.uuid(),
        taskId: task.id,
        authorUserId: author?.id ?? null,
        authorName: author?.name ?? (agentById.get(comment.authorId)?.name as string),
        body: comment.body,
        createdAt: comment.createdAt,
        deskCommentId: comment.id,
      });
    }
    return task;
  };

  const fixedTask = linkedTask(fixedPlan, fixedCrmTask, null);
  const closedParent = addTask(
    plainTask(reopenPlan, null, {
      status: 'CLOSED',
      to: later(reopenPlan.project.startDate, calendarDate(reopenCrmTask.createdAt)),
    }),
    reopenPlan,
  );
  closedParent.createdAt = earliest(
    closedParent.createdAt,
    hoursAfter(reopenCrmTask.createdAt, -1),
  );
  const closedSubtask = linkedTask(reopenPlan, reopenCrmTask, closedParent);

  // A share of the other desk tasks on linked accounts, each in a project of the account's client
  // that was open when the desk task was made and whose schedule its due date fits.
  for (const crmTask of accountTasks) {
    if (crmTask === fixedCrmTask || crmTask === reopenCrmTask) continue;
    const client = clientOfAccount.get(crmTask.accountId);
    if (!client || !random.chance(LINKED_TASK_SHARE)) continue;
    const fits = (plansOf.get(client.id) ?? []).filter(
      ({ project }) =>
        project.createdAt < crmTask.createdAt &&
        (project.status === 'ACTIVE' || project.status === 'ON_HOLD') &&
        (!project.fixedSchedule || !crmTask.dueDate || crmTask.dueDate <= project.endDate),
    );
    if (fits.length > 0) linkedTask(random.pick(fits), crmTask, null);
  }

  // Keys in the order the projects were made: PRJ-1 is the oldest.
  const projects = plans.map((plan) => plan.project);
  [...projects]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .forEach((project, index) => {
      project.key = `PRJ-${index + 1}`;
    });

  const showcase: ProjectsShowcase = {
    linkedClientId: (clientOfAccount.get(customers[0].account.id) as Client).id,
    sameNameClientIds: sameName.map((client) => client.id),
    fixedScheduleProjectId: fixedPlan.project.id,
    fixedScheduleTaskId: fixedTask.id,
    closedParentTaskId: closedParent.id,
    closedSubtaskId: closedSubtask.id,
  };

  return {
    clients,
    users,
    projects,
    projectDeals: [...projectDeals.values()],
    members: plans.flatMap((plan) => [...plan.members.values()]),
    taskLists: plans.flatMap((plan) => plan.lists),
    // Parents before their subtasks, so every chunk's foreign keys find their rows.
    tasks: [
      ...tasks.filter((task) => task.parentTaskId === null),
      ...tasks.filter((task) => task.parentTaskId !== null),
    ],
    owners,
    comments,
    profilePermissions: generatePermissions(desk.staff.profiles),
    showcase,
  };
}

/** An unlinked client, set up before the demo's import. */
function clientNamed(random: Random, name: string): Client {
  return {
    id: random.uuid(),
    name,
    deskAccountId: null,
    createdAt: instantBetween(random, CLIENTS_FROM, hoursAfter(IMPORTED_AT, -1)),
  };
}

/** 100 exactly when CLOSED (the table's CHECK); an open task has not started. */
function percentFor(random: Random, status: TaskStatus): number {
  if (status === 'CLOSED') return 100;
  if (status === 'OPEN') return 0;
  return random.int(1, 19) * 5;
}

export type ProjectsDemo = ReturnType<typeof generateProjectsDemo>;

/**
 * Inserts the demo data in one transaction. Caller guarantees the tables are empty. `scale` is
 * desk's: the same scale ties clients, users and tasks to the accounts, agents, contacts, deals
 * and CRM tasks desk seeded. The demo records no CRM update refusals: those only come from desk
 * events.
 */
export async function seedProjects(
  dataSource: DataSource,
  options: { scale: number },
): Promise<ProjectsSeedSummary> {
  // Everything is generated before the transaction opens, so it holds its locks only for the
  // inserts.
  const demo = generateProjectsDemo(options.scale);

  await dataSource.transaction(async (manager) => {
    await recordSeedScale(manager, PROJECTS_SCHEMA, options.scale);
    await insertRows(manager, Client, demo.clients);
    await insertRows(manager, ProjectsUser, demo.users);
    await insertRows(manager, Project, demo.projects);
    // Keys were given explicitly; the next project made through the API continues after them.
    await manager.query(`SELECT setval('${PROJECTS_SCHEMA}.project_number_seq', $1)`, [
      demo.projects.length,
    ]);
    await insertRows(manager, ProjectDeal, demo.projectDeals);
    await insertRows(manager, ProjectMember, demo.members);
    await insertRows(manager, TaskList, demo.taskLists);
    await insertRows(manager, Task, demo.tasks);
    await insertRows(manager, TaskOwner, demo.owners);
    await insertRows(manager, TaskComment, demo.comments);
    await insertRows(manager, ProfilePermission, demo.profilePermissions);
  });

  return summaryOf(demo);
}

export function summaryOf(demo: ProjectsDemo): ProjectsSeedSummary {
  return {
    clients: demo.clients.length,
    users: demo.users.length,
    projects: demo.projects.length,
    projectDeals: demo.projectDeals.length,
    members: demo.members.length,
    taskLists: demo.taskLists.length,
    tasks: demo.tasks.length,
    linkedTasks: demo.tasks.filter((task) => task.deskCrmTaskId !== null).length,
    owners: demo.owners.length,
    comments: demo.comments.length,
    profilePermissions: demo.profilePermissions.length,
  };
}

/**
 * true when projects already holds demo data. Any user will do: the migration creates none, so one
 * means the seed (or a PRJ-1 import) has run.
 */
export async function projectsIsSeeded(dataSource: DataSource): Promise<boolean> {
  return dataSource.getRepository(ProjectsUser).exists();
}
