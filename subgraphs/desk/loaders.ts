import { DataSource, In } from 'typeorm';
import { byIdLoader, childPageLoader, childrenLoader, groupedLoader } from '../../shared/loaders';
import type { PageLimits } from '../../shared/pagination';
import {
  Account,
  Agent,
  AgentDepartment,
  AgentProfile,
  Contact,
  ContactAccount,
  CrmTask,
  CrmTaskComment,
  CrmTaskSyncNotice,
  Deal,
  DealStage,
  Department,
  Partner,
  Product,
  ProductDepartment,
  ProfilePermission,
  Ticket,
  TicketProduct,
} from './entities';

/** Every entity reference and nested list of a request goes through one of these. */
export function createDeskLoaders(db: DataSource, limits: PageLimits) {
  const repo = db.getRepository.bind(db);
  return {
    ticket: byIdLoader(repo(Ticket), 'Ticket'),
    contact: byIdLoader(repo(Contact), 'Contact'),
    account: byIdLoader(repo(Account), 'Account'),
    product: byIdLoader(repo(Product), 'Product'),
    agent: byIdLoader(repo(Agent), 'Agent'),
    department: byIdLoader(repo(Department), 'Department'),
    profile: byIdLoader(repo(AgentProfile), 'AgentProfile'),
    deal: byIdLoader(repo(Deal), 'Deal'),
    dealStage: byIdLoader(repo(DealStage), 'DealStage'),
    crmTask: byIdLoader(repo(CrmTask), 'CrmTask'),
    partner: byIdLoader(repo(Partner), 'Partner'),
    permissionsByProfile: groupedLoader(
      (ids: readonly string[]) =>
        repo(ProfilePermission).find({
          where: { profileId: In([...ids]) },
          order: { module: 'ASC' },
        }),
      (row) => row.profileId,
    ),
    accountLinksByContact: groupedLoader(
      (ids: readonly string[]) =>
        repo(ContactAccount).find({
          where: { contactId: In([...ids]) },
          order: { isPrimary: 'DESC', createdAt: 'ASC' },
        }),
      (row) => row.contactId,
    ),
    /** In the order of account.contacts, so that both list an account's contacts alike. */
    contactIdsByAccount: groupedLoader(
      (ids: readonly string[]) =>
        repo(ContactAccount).find({
          select: { accountId: true, contactId: true },
          where: { accountId: In([...ids]) },
          order: { createdAt: 'ASC', id: 'ASC' },
        }),
      (row) => row.accountId,
    ),
    productIdsByTicket: groupedLoader(
      (ids: readonly string[]) => repo(TicketProduct).find({ where: { ticketId: In([...ids]) } }),
      (row) => row.ticketId,
    ),
    departmentIdsByProduct: groupedLoader(
      (ids: readonly string[]) =>
        repo(ProductDepartment).find({ where: { productId: In([...ids]) } }),
      (row) => row.productId,
    ),
    departmentIdsByAgent: groupedLoader(
      (ids: readonly string[]) => repo(AgentDepartment).find({ where: { agentId: In([...ids]) } }),
      (row) => row.agentId,
    ),
    commentsByTask: groupedLoader(
      (ids: readonly string[]) =>
        repo(CrmTaskComment).find({
          where: { taskId: In([...ids]) },
          order: { createdAt: 'ASC', id: 'ASC' },
        }),
      (row) => row.taskId,
    ),
    syncNoticesByTask: childrenLoader(repo(CrmTaskSyncNotice), 'taskId', {
      createdAt: 'DESC',
      id: 'DESC',
    }),
    ticketsByAccount: childPageLoader({
      repository: repo(Ticket),
      parentColumn: 'account_id',
      parentOf: (ticket) => ticket.accountId ?? '',
      orderColumn: 'number',
      orderValue: (ticket) => ticket.number,
      direction: 'DESC',
      limits,
    }),
    ticketsByContact: childPageLoader({
      repository: repo(Ticket),
      parentColumn: 'contact_id',
      parentOf: (ticket) => ticket.contactId,
      orderColumn: 'number',
      orderValue: (ticket) => ticket.number,
      direction: 'DESC',
      limits,
    }),
    contactLinksByAccount: childPageLoader({
      repository: repo(ContactAccount),
      parentColumn: 'account_id',
      parentOf: (link) => link.accountId,
      orderColumn: 'created_at',
      orderValue: (link) => link.createdAt.toISOString(),
      direction: 'ASC',
      limits,
    }),
    dealsByAccount: childPageLoader({
      repository: repo(Deal),
      parentColumn: 'account_id',
      parentOf: (deal) => deal.accountId,
      orderColumn: 'created_at',
      orderValue: (deal) => deal.createdAt.toISOString(),
      direction: 'DESC',
      limits,
    }),
  };
}

export type DeskLoaders = ReturnType<typeof createDeskLoaders>;
