import { allow, and, or, rule } from 'graphql-shield';
import { createPermissions } from '../../shared/shield';
import type { DeskContext } from './context';
import type { AgentProfile } from './entities';
import { PermissionAction, PermissionModule } from './entities/ProfilePermission';

const levelRules = new Map<string, ReturnType<ReturnType<typeof rule>>>();

/** One rule object per (module, action): graphql-shield refuses two rules with one name. */
function can(module: PermissionModule, action: PermissionAction) {
  const name = `desk-${module}-${action}`;
  let levelRule = levelRules.get(name);
  if (!levelRule) {
    // Depends on the caller alone, so one evaluation per request is enough.
    levelRule = rule(name, { cache: 'contextual' })((_parent, _args, ctx: DeskContext) =>
      ctx.viewer.can(module, action),
    );
    levelRules.set(name, levelRule);
  }
  return levelRule;
}

const isAdministrator = rule('desk-administrator', { cache: 'contextual' })(
  (_parent, _args, ctx: DeskContext) => ctx.viewer.isAdministrator,
);

/**
 * A peer service acting on its own behalf, never for an agent: what it records (PRJ-6/7 refusals)
 * is its own decision, which no agent, administrators included, may make for it.
 */
const isPeerService = rule('desk-peer-service', { cache: 'contextual' })(
  (_parent, _args, ctx: DeskContext) => ctx.identity.kind === 'service' && !ctx.identity.onBehalfOf,
);

const isAgent = rule('desk-agent', { cache: 'contextual' })(
  (_parent, _args, ctx: DeskContext) => ctx.viewer.agent !== null,
);

/** An agent may read their own profile; the others' only an administrator may. */
const isOwnProfile = rule('desk-own-profile', { cache: 'no_cache' })(
  (parent: AgentProfile, _args, ctx: DeskContext) => ctx.viewer.agent?.profileId === parent.id,
);

const view = {
  tickets: can('TICKETS', 'view'),
  contacts: can('CONTACTS', 'view'),
  accounts: can('ACCOUNTS', 'view'),
  products: can('PRODUCTS', 'view'),
  deals: can('DEALS', 'view'),
  crmTasks: can('CRM_TASKS', 'view'),
};

const changeAssociations = and(can('ACCOUNTS', 'edit'), can('CONTACTS', 'view'));

/** A sync creates some products and changes others, as its records turn out to need. */
const syncProducts = and(can('PRODUCTS', 'create'), can('PRODUCTS', 'edit'));

export const deskPermissions = createPermissions({
  Query: {
    viewer: isAgent,
    ticket: view.tickets,
    ticketByNumber: view.tickets,
    tickets: view.tickets,
    contact: view.contacts,
    contacts: view.contacts,
    account: view.accounts,
    accounts: view.accounts,
    // BIL-5: finding contacts for a ticket is viewing contacts; the account it returns keeps
    // its own rule below, like an account reached from a contact or a ticket.
    newTicketForm: view.contacts,
    products: view.products,
    agents: isAgent,
    departments: isAgent,
    agentProfiles: isAdministrator,
    deal: view.deals,
    deals: view.deals,
    dealStages: view.deals,
    crmTask: view.crmTasks,
    crmTasks: view.crmTasks,
    // The desk's only sync is the association import: who may import may follow and stop it.
    deskSyncRun: changeAssociations,
    deskSyncRuns: changeAssociations,
    partners: isAdministrator,
    partner: isAdministrator,
    // The gateway, before it knows who the partner is; not in the public API either.
    partnerCredential: isPeerService,
    agentCredential: isPeerService,
  },
  Mutation: {
    createTicket: can('TICKETS', 'create'),
    updateTicket: can('TICKETS', 'edit'),
    createContact: can('CONTACTS', 'create'),
    updateContact: can('CONTACTS', 'edit'),
    createAccount: can('ACCOUNTS', 'create'),
    updateAccount: can('ACCOUNTS', 'edit'),
    associateContacts: changeAssociations,
    dissociateContact: changeAssociations,
    setPrimaryAccount: changeAssociations,
    setAccountTicketsViewable: changeAssociations,
    importContactAssociations: changeAssociations,
    startAssociationImport: changeAssociations,
    stopDeskSyncRun: changeAssociations,
    createDeal: can('DEALS', 'create'),
    moveDealToStage: can('DEALS', 'edit'),
    createCrmTask: can('CRM_TASKS', 'create'),
    updateCrmTask: can('CRM_TASKS', 'edit'),
    addCrmTaskComment: can('CRM_TASKS', 'edit'),
    refuseCrmTaskUpdate: isPeerService,
    syncProducts,
    updateProduct: can('PRODUCTS', 'edit'),
    createAgentProfile: isAdministrator,
    setProfilePermissions: isAdministrator,
    setAgentProfile: isAdministrator,
    createPartner: isAdministrator,
    revokePartner: isAdministrator,
    rotatePartnerKey: isAdministrator,
  },
  // Entity types are guarded on their own fields: `_entities` reaches them without any Query rule.
  Ticket: view.tickets,
  Contact: view.contacts,
  Account: view.accounts,
  ContactAccount: or(view.contacts, view.accounts),
  Product: view.products,
  Deal: view.deals,
  DealStage: view.deals,
  CrmTask: view.crmTasks,
  CrmTaskComment: view.crmTasks,
  CrmTaskSyncNotice: view.crmTasks,
  Agent: allow,
  Department: allow,
  AgentProfile: or(isAdministrator, isOwnProfile),
  ModulePermission: allow,
  Partner: isAdministrator,
  // Holds the key itself: guarded like the mutations that return it, not as a mere container.
  CreatedPartner: isAdministrator,
  PartnerCredential: isPeerService,
  AgentCredential: isPeerService,
  // Containers only: whatever they hold is guarded by its own type's rule.
  PageInfo: allow,
  TicketConnection: allow,
  TicketEdge: allow,
  ContactConnection: allow,
  ContactEdge: allow,
  AccountConnection: allow,
  AccountEdge: allow,
  AccountContactConnection: allow,
  AccountContactEdge: allow,
  NewTicketForm: allow,
  ProductConnection: allow,
  ProductEdge: allow,
  AgentConnection: allow,
  AgentEdge: allow,
  DealConnection: allow,
  DealEdge: allow,
  CrmTaskConnection: allow,
  CrmTaskEdge: allow,
  DeskSyncRun: changeAssociations,
  DeskSyncRunStart: allow,
  DeskSyncRunConnection: allow,
  DeskSyncRunEdge: allow,
  SyncProgress: allow,
  SyncCounts: allow,
  SyncFailure: allow,
  SyncFailureConnection: allow,
  SyncFailureEdge: allow,
  AssociationImportReport: allow,
  AssociationImportRow: allow,
  SyncProductsResult: allow,
  ProductSyncOutcome: allow,
});
