import type { DataSource } from 'typeorm';
import { recordSeedScale } from '../../../shared/seed/scale';
import {
  Account,
  Agent,
  AgentDepartment,
  AgentProfile,
  Contact,
  ContactAccount,
  CrmTask,
  CrmTaskComment,
  Deal,
  DealStage,
  Department,
  Product,
  ProfilePermission,
  Ticket,
  TicketProduct,
} from '../entities';
import { generateCrm } from './crm';
import { generateCustomers } from './customers';
import { insertRows } from '../../../shared/seed/insertRows';
import { Random } from '../../../shared/seed/random';
import { generateStaff } from './staff';
import { generateProducts, generateTickets } from './tickets';

export { DEMO_AGENTS } from './staff';

/** Changing it reshuffles every generated row, ids included; tests may pin values derived from it. */
const SEED = 20260101;

export interface DeskSeedSummary {
  departments: number;
  profiles: number;
  agents: number;
  accounts: number;
  contacts: number;
  tickets: number;
  products: number;
  deals: number;
  crmTasks: number;
}

/**
 * The desk's demo data, generated in memory and identical for the same scale (ids included).
 * Other subgraphs' seeds tie their demo data to it by calling this, never by reading desk's tables.
 */
export function generateDeskDemo(scale: number) {
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new RangeError(`scale must be a positive number, got ${scale}`);
  }
  // The generators share one random sequence and must run in this order.
  const random = new Random(SEED);
  const staff = generateStaff(random, scale);
  const customers = generateCustomers(random, scale);
  const catalogue = generateProducts(random, scale);
  const { tickets, ticketProducts } = generateTickets(random, scale, staff, customers, catalogue);
  const crm = generateCrm(random, scale, staff, customers);
  return { staff, customers, catalogue, tickets, ticketProducts, crm };
}

export type DeskDemo = ReturnType<typeof generateDeskDemo>;

/**
 * Inserts the demo data in one transaction. Caller guarantees the tables are empty.
 * `scale` 1 is a mid-sized help desk (about 1,000 contacts and 5,000 tickets); fractions give
 * smaller data sets for tests, never below a minimum that still shows every feature.
 */
export async function seedDesk(
  dataSource: DataSource,
  options: { scale: number },
): Promise<DeskSeedSummary> {
  // Everything is generated before the transaction opens, so it holds its locks only for the
  // inserts.
  const { staff, customers, catalogue, tickets, ticketProducts, crm } = generateDeskDemo(
    options.scale,
  );

  await dataSource.transaction(async (manager) => {
    await recordSeedScale(manager, 'desk', options.scale);
    await insertRows(manager, Department, staff.departments);
    await insertRows(manager, AgentProfile, staff.profiles);
    await insertRows(manager, ProfilePermission, staff.permissions);
    await insertRows(manager, Agent, staff.agents);
    await insertRows(manager, AgentDepartment, staff.agentDepartments);
    await insertRows(
      manager,
      Account,
      customers.customers.map((customer) => customer.account),
    );
    await insertRows(
      manager,
      Contact,
      customers.people.map((person) => person.contact),
    );
    await insertRows(manager, ContactAccount, customers.links);
    await insertRows(
      manager,
      Product,
      catalogue.map((item) => item.product),
    );
    await insertRows(manager, Ticket, tickets);
    await insertRows(manager, TicketProduct, ticketProducts);
    // Numbers were inserted explicitly, which does not advance the identity sequence; without
    // this the next ticket created through the API would collide with ticket #1.
    await manager.query(
      `SELECT setval(pg_get_serial_sequence('desk.ticket', 'number'), (SELECT max(number) FROM desk.ticket))`,
    );
    await insertRows(manager, DealStage, crm.stages);
    await insertRows(manager, Deal, crm.deals);
    await insertRows(manager, CrmTask, crm.tasks);
    await insertRows(manager, CrmTaskComment, crm.comments);
  });

  return {
    departments: staff.departments.length,
    profiles: staff.profiles.length,
    agents: staff.agents.length,
    accounts: customers.customers.length,
    contacts: customers.people.length,
    tickets: tickets.length,
    products: catalogue.length,
    deals: crm.deals.length,
    crmTasks: crm.tasks.length,
  };
}

/**
 * true when desk already holds demo data. Any agent profile will do: without one no agent could
 * have signed in to create data, so profiles mean the seed has run.
 */
export async function deskIsSeeded(dataSource: DataSource): Promise<boolean> {
  return dataSource.getRepository(AgentProfile).exists();
}
