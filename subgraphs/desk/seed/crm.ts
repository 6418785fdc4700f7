import type { CrmTask, CrmTaskPriority, CrmTaskStatus } from '../entities/CrmTask';
import type { CrmTaskComment } from '../entities/CrmTaskComment';
import type { Deal } from '../entities/Deal';
import type { DealOutcome, DealStage } from '../entities/DealStage';
import { after, between, calendarDate, DAY_HOURS } from '../../../shared/seed/clock';
import type { Customers } from './customers';
import { coverEveryValue, Random } from '../../../shared/seed/random';
import type { Staff } from './staff';
import { fill } from '../../../shared/seed/text';
import {
  CRM_TASK_COMMENTS,
  CRM_TASK_DESCRIPTIONS,
  CRM_TASK_SUBJECTS,
  DEAL_KINDS,
} from './vocabulary';

/** The pipeline, in order; `weight` is how many of the demo deals sit in each stage. */
const STAGES: readonly {
  name: string;
  probability: number;
  outcome: DealOutcome;
  weight: number;
}[] = [
  { name: 'Qualification', probability: 10, outcome: 'OPEN', weight: 15 },
  { name: 'Needs Analysis', probability: 20, outcome: 'OPEN', weight: 12 },
  { name: 'Proposal', probability: 50, outcome: 'OPEN', weight: 12 },
  { name: 'Negotiation', probability: 80, outcome: 'OPEN', weight: 8 },
  { name: 'Closed Won', probability: 100, outcome: 'WON', weight: 25 },
  { name: 'Closed Lost', probability: 0, outcome: 'LOST', weight: 18 },
];

const TASK_STATUSES: readonly CrmTaskStatus[] = ['OPEN', 'IN_PROGRESS', 'COMPLETED'];
const TASK_PRIORITIES: readonly CrmTaskPriority[] = ['NONE', 'LOW', 'MEDIUM', 'HIGH'];
const TASK_STATUS_WEIGHTS = [
  ['OPEN', 35],
  ['IN_PROGRESS', 25],
  ['COMPLETED', 40],
] as const;
const TASK_PRIORITY_WEIGHTS = [
  ['NONE', 20],
  ['LOW', 25],
  ['MEDIUM', 35],
  ['HIGH', 20],
] as const;
/** What tasks are about: mostly deals in progress, then accounts, then single contacts. */
const TARGET_WEIGHTS = [
  ['deal', 45],
  ['account', 35],
  ['contact', 20],
] as const;

export interface CrmData {
  stages: DealStage[];
  deals: Deal[];
  tasks: CrmTask[];
  comments: CrmTaskComment[];
}

export function generateCrm(
  random: Random,
  scale: number,
  staff: Staff,
  customers: Customers,
): CrmData {
  const stages = STAGES.map((stage, index): DealStage => ({
    id: random.uuid(),
    name: stage.name,
    position: index + 1,
    probability: stage.probability,
    outcome: stage.outcome,
  }));
  const deals = generateDeals(random, scale, staff, customers, stages);
  const { tasks, comments } = generateTasks(random, scale, staff, customers, deals);
  return { stages, deals, tasks, comments };
}

function generateDeals(
  random: Random,
  scale: number,
  staff: Staff,
  { customers }: Customers,
  stages: DealStage[],
): Deal[] {
  const count = Math.max(10, Math.round(150 * scale));
  const stagePicks = Array.from({ length: count }, () =>
    random.weighted(stages.map((stage, index) => [stage, STAGES[index].weight] as const)),
  );
  coverEveryValue(random, stagePicks, stages);
  const owners = staff.editors('DEALS');

  return stagePicks.map((stage): Deal => {
    const customer = random.pick(customers);
    const createdAt = between(random, 100, 280);
    const closedAt =
      stage.outcome === 'OPEN' ? null : after(random, createdAt, 7 * DAY_HOURS, 90 * DAY_HOURS);
    const kind = fill(random.pick(DEAL_KINDS), {
      seats: String(random.int(1, 20) * 5),
      city: customer.city.city,
    });
    return {
      id: random.uuid(),
      name: `${customer.account.name} - ${kind}`,
      // Yen deals are quoted in round ten-thousands, dollar and euro deals in round hundreds.
      amount:
        customer.city.currency === 'JPY'
          ? random.int(30, 3000) * 10_000
          : random.int(20, 2500) * 100,
      currency: customer.city.currency,
      stageId: stage.id,
      accountId: customer.account.id,
      contactId: customer.contacts.length > 0 ? random.pick(customer.contacts).id : null,
      ownerId: random.pick(owners).id,
      closingDate: closedAt
        ? calendarDate(closedAt)
        : random.chance(0.9)
          ? calendarDate(after(random, createdAt, 14 * DAY_HOURS, 120 * DAY_HOURS))
          : null,
      closedAt,
      createdAt,
      updatedAt: closedAt ?? after(random, createdAt, 0, 30 * DAY_HOURS),
    };
  });
}

function generateTasks(
  random: Random,
  scale: number,
  staff: Staff,
  { customers, people }: Customers,
  deals: Deal[],
): { tasks: CrmTask[]; comments: CrmTaskComment[] } {
  const count = Math.max(10, Math.round(300 * scale));
  const statuses = Array.from({ length: count }, () => random.weighted(TASK_STATUS_WEIGHTS));
  const priorities = Array.from({ length: count }, () => random.weighted(TASK_PRIORITY_WEIGHTS));
  coverEveryValue(random, statuses, TASK_STATUSES);
  coverEveryValue(random, priorities, TASK_PRIORITIES);
  const agents = staff.editors('CRM_TASKS');

  const tasks: CrmTask[] = [];
  const comments: CrmTaskComment[] = [];
  statuses.forEach((status, index) => {
    const subject = random.pick(CRM_TASK_SUBJECTS);
    const owner = random.pick(agents);
    const target = targetOf(random, customers, people, deals);
    const createdAt = target.after
      ? after(random, target.after, 1, 20 * DAY_HOURS)
      : between(random, 100, 300);
    const task: CrmTask = {
      id: random.uuid(),
      subject,
      description: random.chance(0.7) ? random.pick(CRM_TASK_DESCRIPTIONS) : null,
      dueDate: random.chance(0.9)
        ? calendarDate(after(random, createdAt, DAY_HOURS, 30 * DAY_HOURS))
        : null,
      priority: priorities[index],
      status,
      ownerId: owner.id,
      accountId: target.accountId,
      contactId: target.contactId,
      dealId: target.dealId,
      // Most people file their own tasks; some are handed over by a colleague.
      createdById: random.chance(0.7) ? owner.id : random.pick(agents).id,
      createdAt,
      updatedAt: after(random, createdAt, 0, (status === 'COMPLETED' ? 20 : 5) * DAY_HOURS),
    };
    tasks.push(task);
    let commentedAt = createdAt;
    for (let n = random.int(0, 3); n > 0; n -= 1) {
      commentedAt = after(random, commentedAt, 1, 5 * DAY_HOURS);
      comments.push({
        id: random.uuid(),
        taskId: task.id,
        authorId: random.pick(agents).id,
        body: random.pick(CRM_TASK_COMMENTS),
        createdAt: commentedAt,
      });
    }
  });
  return { tasks, comments };
}

interface TaskTarget {
  accountId: string | null;
  contactId: string | null;
  dealId: string | null;
  /** When the task follows up a deal, it cannot be older than the deal. */
  after?: Date;
}

/** What a task is about; at least one of account, contact and deal, as the table requires. */
function targetOf(
  random: Random,
  customers: Customers['customers'],
  people: Customers['people'],
  deals: Deal[],
): TaskTarget {
  const kind = random.weighted(TARGET_WEIGHTS);
  if (kind === 'deal') {
    const deal = random.pick(deals);
    return {
      accountId: deal.accountId,
      contactId: deal.contactId,
      dealId: deal.id,
      after: deal.createdAt,
    };
  }
  if (kind === 'account') {
    const customer = random.pick(customers);
    const contact =
      customer.contacts.length > 0 && random.chance(0.5) ? random.pick(customer.contacts) : null;
    return { accountId: customer.account.id, contactId: contact?.id ?? null, dealId: null };
  }
  const person = random.pick(people);
  return {
    accountId: person.primary?.account.id ?? null,
    contactId: person.contact.id,
    dealId: null,
  };
}
