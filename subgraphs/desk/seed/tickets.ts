import type { Account } from '../entities/Account';
import type { Agent } from '../entities/Agent';
import type { Product } from '../entities/Product';
import type { Ticket, TicketChannel, TicketPriority, TicketStatus } from '../entities/Ticket';
import type { TicketProduct } from '../entities/TicketProduct';
import { after, between, day, hoursAfter } from '../../../shared/seed/clock';
import type { Customers, Person } from './customers';
import { coverEveryValue, Random } from '../../../shared/seed/random';
import type { Staff } from './staff';
import { fill } from '../../../shared/seed/text';
import { ProductKind, PRODUCTS, TICKET_REQUESTS } from './vocabulary';

const STATUSES: readonly TicketStatus[] = ['OPEN', 'ON_HOLD', 'ESCALATED', 'CLOSED'];
const PRIORITIES: readonly TicketPriority[] = ['LOW', 'MEDIUM', 'HIGH', 'URGENT'];
const CHANNELS: readonly TicketChannel[] = ['EMAIL', 'PHONE', 'WEB', 'CHAT', 'SOCIAL'];

/** Tickets come in after every customer exists (contacts are all created by day 90). */
const FIRST_TICKET_DAY = 95;
const LAST_TICKET_DAY = 300;
/** Tickets from the last month are still being worked on; older ones are mostly closed. */
const RECENT_FROM = day(LAST_TICKET_DAY - 30);
const RECENT_STATUS_WEIGHTS = [
  ['OPEN', 40],
  ['ON_HOLD', 15],
  ['ESCALATED', 10],
  ['CLOSED', 35],
] as const;
const OLDER_STATUS_WEIGHTS = [
  ['OPEN', 3],
  ['ON_HOLD', 5],
  ['ESCALATED', 2],
  ['CLOSED', 90],
] as const;

const PRIORITY_WEIGHTS = [
  ['LOW', 25],
  ['MEDIUM', 45],
  ['HIGH', 22],
  ['URGENT', 8],
] as const;
const CHANNEL_WEIGHTS = [
  ['EMAIL', 40],
  ['WEB', 25],
  ['PHONE', 15],
  ['CHAT', 15],
  ['SOCIAL', 5],
] as const;
/** Products listed besides the one a request names, if any: mostly none, so 0 to 3 in all. */
const EXTRA_PRODUCT_WEIGHTS = [
  [0, 6],
  [1, 3],
  [2, 1],
] as const;
/** Service-level targets: the hours a ticket of each priority may stay unresolved. */
const DUE_HOURS: Record<TicketPriority, number> = { URGENT: 4, HIGH: 24, MEDIUM: 72, LOW: 168 };

/** A product row with the kind of product it is, which decides what tickets it fits. */
export interface CatalogueItem {
  product: Product;
  kind: ProductKind;
}

export function generateProducts(random: Random, scale: number): CatalogueItem[] {
  const count = Math.max(5, Math.round(40 * scale));
  return Array.from({ length: count }, (_, index): CatalogueItem => {
    const item = PRODUCTS[index % PRODUCTS.length];
    // Beyond the catalogue's length (scales above 1), later product generations fill the list.
    const generation = Math.floor(index / PRODUCTS.length);
    const product: Product = {
      id: random.uuid(),
      name: generation === 0 ? item.name : `${item.name} (Gen ${generation + 1})`,
      code: `PRD-${String(index + 1).padStart(4, '0')}`,
      unitPrice: Math.round(item.price * (1 + 0.1 * generation) * 100) / 100,
      // Discontinued products stay in the catalogue because old tickets refer to them.
      active: index % 8 !== 4,
      externalSource: null,
      externalId: null,
      createdAt: between(random, 0, 10),
    };
    return { product, kind: item.kind };
  });
}

export interface TicketData {
  tickets: Ticket[];
  ticketProducts: TicketProduct[];
}

export function generateTickets(
  random: Random,
  scale: number,
  staff: Staff,
  { people }: Customers,
  catalogue: CatalogueItem[],
): TicketData {
  const count = Math.max(30, Math.round(5000 * scale));
  // Numbers are handed out in creation order, as the help desk itself would.
  const createdAts = Array.from({ length: count }, () =>
    between(random, FIRST_TICKET_DAY, LAST_TICKET_DAY),
  ).sort((a, b) => a.getTime() - b.getTime());
  const statuses = createdAts.map((createdAt) => statusFor(random, createdAt));
  const priorities = createdAts.map(() => random.weighted(PRIORITY_WEIGHTS));
  const channels = createdAts.map(() => random.weighted(CHANNEL_WEIGHTS));
  coverEveryValue(random, statuses, STATUSES);
  coverEveryValue(random, priorities, PRIORITIES);
  coverEveryValue(random, channels, CHANNELS);

  const assignable = assigneesByDepartment(staff);
  const products = catalogue.map((item) => item.product);
  const ofKind = new Map<ProductKind, Product[]>();
  for (const { product, kind } of catalogue) {
    ofKind.set(kind, [...(ofKind.get(kind) ?? []), product]);
  }

  const tickets: Ticket[] = [];
  const ticketProducts: TicketProduct[] = [];
  createdAts.forEach((createdAt, index) => {
    const person = random.pick(people);
    const request = random.pick(TICKET_REQUESTS);
    const mentioned = request.product && random.pick(ofKind.get(request.product) ?? products);
    const others = random.sample(
      products.filter((product) => product !== mentioned),
      random.weighted(EXTRA_PRODUCT_WEIGHTS),
    );
    const ticketProductList = mentioned ? [mentioned, ...others] : others;
    const account = accountOf(random, person);
    const values = {
      firstName: person.contact.firstName,
      account: account?.name ?? 'our company',
      order: `SO-${random.int(100000, 999999)}`,
      invoice: `INV-2026-${random.int(10000, 99999)}`,
      ...(mentioned ? { product: mentioned.name } : {}),
    };
    const department = staff.departmentByName.get(request.department);
    if (department === undefined) throw new Error(`no department ${request.department}`);
    const status = statuses[index];
    const priority = priorities[index];
    const closedAt = status === 'CLOSED' ? after(random, createdAt, 1, 240) : null;
    const ticket: Ticket = {
      id: random.uuid(),
      number: index + 1,
      subject: fill(request.subject, values),
      description: fill(request.description, values),
      status,
      priority,
      channel: channels[index],
      departmentId: department.id,
      assigneeId: assigneeFor(random, status, assignable.get(department.id) ?? []),
      contactId: person.contact.id,
      accountId: account?.id ?? null,
      dueAt: random.chance(0.6) ? hoursAfter(createdAt, DUE_HOURS[priority]) : null,
      closedAt,
      createdAt,
      updatedAt: closedAt ?? after(random, createdAt, 0, status === 'OPEN' ? 24 : 120),
    };
    tickets.push(ticket);
    for (const product of ticketProductList) {
      ticketProducts.push({ ticketId: ticket.id, productId: product.id });
    }
  });
  return { tickets, ticketProducts };
}

function statusFor(random: Random, createdAt: Date): TicketStatus {
  return random.weighted(createdAt >= RECENT_FROM ? RECENT_STATUS_WEIGHTS : OLDER_STATUS_WEIGHTS);
}

/**
 * Who may be assigned a ticket of each department: its members who can edit tickets, or any
 * such agent when a small seed leaves a department without one.
 */
function assigneesByDepartment(staff: Staff): Map<string, Agent[]> {
  const everyEditor = staff.editors('TICKETS');
  return new Map(
    staff.departments.map((department) => {
      const members = staff.editors('TICKETS', department.id);
      return [department.id, members.length > 0 ? members : everyEditor];
    }),
  );
}

/** The contact's primary account, now and then another of theirs (ASC-7 allows either). */
function accountOf(random: Random, person: Person): Account | undefined {
  if (person.secondaries.length > 0 && random.chance(0.1)) {
    return random.pick(person.secondaries).account;
  }
  return person.primary?.account;
}

/** New tickets often wait in the queue unassigned; anything further along has an owner. */
function assigneeFor(random: Random, status: TicketStatus, candidates: Agent[]): string | null {
  if (candidates.length === 0 || (status === 'OPEN' && random.chance(0.35))) return null;
  return random.pick(candidates).id;
}
