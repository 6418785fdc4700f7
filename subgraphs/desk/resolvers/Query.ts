import { Brackets } from 'typeorm';
import { badUserInput, forbidden } from '../../../shared/errors';
import { isUuid, pageOf } from '../../../shared/loaders';
import { likePattern, orNull } from '../../../shared/lookups';
import { syncRunPage } from '../../../shared/jobs/syncRunGraph';
import { deskSyncRuns } from '../jobs/runs';
import { newTicketForm } from '../services/newTicketForm';
import { agentCredential } from '../services/agents';
import * as partners from '../services/partners';
import type { QueryResolvers } from '../generated/resolvers';
import {
  Account,
  Agent,
  AgentProfile,
  Contact,
  CrmTask,
  Deal,
  DealStage,
  Department,
  Product,
  ProductDepartment,
  Ticket,
} from '../entities';

function idFilter(name: string, value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  if (!isUuid(value)) throw badUserInput(`${name} "${value}" is not a valid id`, { field: name });
  return value;
}

const TICKET_FILTER_COLUMNS = {
  departmentId: 'department_id',
  assigneeId: 'assignee_id',
  contactId: 'contact_id',
  accountId: 'account_id',
} as const;

export const Query: QueryResolvers = {
  viewer: (_, __, ctx) => {
    if (!ctx.viewer.agent) throw forbidden('viewer is only defined for agents');
    return ctx.viewer.agent;
  },

  ticket: (_, { id }, ctx) => orNull(ctx.loaders.ticket.load(id)),

  ticketByNumber: (_, { number }, ctx) => ctx.db.getRepository(Ticket).findOneBy({ number }),

  tickets: (_, args, ctx) => {
    const query = ctx.db.getRepository(Ticket).createQueryBuilder('ticket');
    const filter = args.filter ?? {};
    if (filter.status) query.andWhere('ticket.status = :status', { status: filter.status });
    if (filter.priority)
      query.andWhere('ticket.priority = :priority', { priority: filter.priority });
    for (const [field, column] of Object.entries(TICKET_FILTER_COLUMNS)) {
      const value = idFilter(field, filter[field as keyof typeof TICKET_FILTER_COLUMNS]);
      if (value) query.andWhere(`ticket.${column} = :${field}`, { [field]: value });
    }
    return pageOf(
      query,
      args,
      { column: 'number', value: (t) => t.number, direction: 'DESC' },
      ctx.limits,
    );
  },

  contact: (_, { id }, ctx) => orNull(ctx.loaders.contact.load(id)),

  /** ASC-4: search by any part of the name or e-mail, or list by the last name's initial. */
  contacts: (_, args, ctx) => {
    const query = ctx.db.getRepository(Contact).createQueryBuilder('contact');
    if (args.search?.trim()) {
      const pattern = likePattern(args.search);
      query.andWhere(
        new Brackets((q) =>
          q
            .where('contact.first_name ILIKE :pattern')
            .orWhere('contact.last_name ILIKE :pattern')
            .orWhere(`(contact.first_name || ' ' || contact.last_name) ILIKE :pattern`)
            .orWhere('contact.email ILIKE :pattern'),
        ),
        { pattern },
      );
    }
    if (args.initial !== undefined && args.initial !== null) {
      if ([...args.initial].length !== 1) {
        throw badUserInput(`initial must be a single letter, got "${args.initial}"`, {
          field: 'initial',
        });
      }
      query.andWhere('upper(left(contact.last_name, 1)) = upper(:initial)', {
        initial: args.initial,
      });
    }
    return pageOf(
      query,
      args,
      { column: 'last_name', value: (c) => c.lastName, direction: 'ASC' },
      ctx.limits,
    );
  },

  account: (_, { id }, ctx) => orNull(ctx.loaders.account.load(id)),

  accounts: (_, args, ctx) => {
    const query = ctx.db.getRepository(Account).createQueryBuilder('account');
    if (args.search?.trim()) {
      query.andWhere('account.name ILIKE :pattern', { pattern: likePattern(args.search) });
    }
    return pageOf(
      query,
      args,
      { column: 'name', value: (a) => a.name, direction: 'ASC' },
      ctx.limits,
    );
  },

  newTicketForm: (_, args, ctx) => newTicketForm(ctx, args),

  products: (_, args, ctx) => {
    const query = ctx.db.getRepository(Product).createQueryBuilder('product');
    if (args.search?.trim()) {
      query.andWhere('(product.name ILIKE :pattern OR product.code ILIKE :pattern)', {
        pattern: likePattern(args.search),
      });
    }
    const departmentId = idFilter('departmentId', args.departmentId);
    if (departmentId) {
      const linked = query
        .subQuery()
        .select('1')
        .from(ProductDepartment, 'link')
        .where('link.product_id = product.id AND link.department_id = :departmentId')
        .getQuery();
      query.andWhere(`EXISTS ${linked}`, { departmentId });
    }
    return pageOf(
      query,
      args,
      { column: 'name', value: (p) => p.name, direction: 'ASC' },
      ctx.limits,
    );
  },

  agents: (_, args, ctx) =>
    pageOf(
      ctx.db.getRepository(Agent).createQueryBuilder('agent'),
      args,
      { column: 'name', value: (a) => a.name, direction: 'ASC' },
      ctx.limits,
    ),

  departments: (_, __, ctx) => ctx.db.getRepository(Department).find({ order: { name: 'ASC' } }),

  agentProfiles: (_, __, ctx) =>
    ctx.db.getRepository(AgentProfile).find({ order: { name: 'ASC' } }),

  deal: (_, { id }, ctx) => orNull(ctx.loaders.deal.load(id)),

  deals: (_, args, ctx) => {
    const query = ctx.db.getRepository(Deal).createQueryBuilder('deal');
    const accountId = idFilter('accountId', args.accountId);
    if (accountId) query.andWhere('deal.account_id = :accountId', { accountId });
    return pageOf(
      query,
      args,
      { column: 'created_at', value: (d) => d.createdAt.toISOString(), direction: 'DESC' },
      ctx.limits,
    );
  },

  dealStages: (_, __, ctx) => ctx.db.getRepository(DealStage).find({ order: { position: 'ASC' } }),

  crmTask: (_, { id }, ctx) => orNull(ctx.loaders.crmTask.load(id)),
  deskSyncRun: (_, { id }, ctx) => orNull(ctx.syncRuns.run.load(id)),
  deskSyncRuns: (_, args, ctx) =>
    syncRunPage(ctx.db, deskSyncRuns, args, {
      limits: ctx.limits,
      retentionDays: ctx.retentionDays,
    }),

  partners: (_, __, ctx) => partners.listPartners(ctx.db),
  partner: (_, { id }, ctx) => orNull(ctx.loaders.partner.load(id)),
  partnerCredential: (_, { keyHash }, ctx) => partners.partnerCredential(ctx.db, keyHash),
  agentCredential: (_, { email }, ctx) => agentCredential(ctx.db, email),

  crmTasks: (_, args, ctx) => {
    const query = ctx.db.getRepository(CrmTask).createQueryBuilder('task');
    const accountId = idFilter('accountId', args.accountId);
    const dealId = idFilter('dealId', args.dealId);
    if (accountId) query.andWhere('task.account_id = :accountId', { accountId });
    if (dealId) query.andWhere('task.deal_id = :dealId', { dealId });
    return pageOf(
      query,
      args,
      { column: 'created_at', value: (t) => t.createdAt.toISOString(), direction: 'DESC' },
      ctx.limits,
    );
  },
};
