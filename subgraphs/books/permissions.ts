import { allow, and, rule } from 'graphql-shield';
import { forbidden } from '../../shared/errors';
import { createPermissions } from '../../shared/shield';
import type { BooksContext } from './context';
import { AREA_OF_KIND, type BooksArea } from './domain/permissions';

// Rules that depend on the caller and the connection alone: one evaluation per request.
const contextual = { cache: 'contextual' } as const;

const isAgent = rule(
  'books-agent',
  contextual,
)(async (_parent, _args, ctx: BooksContext) => (await ctx.viewer()).agentId !== null);

const isAdministrator = rule(
  'books-administrator',
  contextual,
)(
  async (_parent, _args, ctx: BooksContext) =>
    (await ctx.viewer()).isAdministrator ||
    forbidden('Only administrators may set the books integration up'),
);

/** BKS-1: without invoices view the whole integration is refused. */
const view = rule(
  'books-view',
  contextual,
)(
  async (_parent, _args, ctx: BooksContext) =>
    (await ctx.viewer()).levels.invoices.view || forbidden('Your profile may not see books data'),
);

/** BKS-8: while books is not enabled its records are hidden, by id and through `_entities` too. */
const enabled = rule(
  'books-enabled',
  contextual,
)(
  async (_parent, _args, ctx: BooksContext) =>
    (await ctx.connection()).status === 'ENABLED' ||
    forbidden('The books integration is not enabled'),
);

const visible = and(view, enabled);

const AREA_NAMES: Record<BooksArea, string> = {
  invoices: 'invoices',
  estimates: 'estimates and sales orders',
  receivables: 'receivables',
};

type Access = 'view' | 'createEdit' | 'email';

const VERBS: Record<Access, string> = {
  view: 'see',
  createEdit: 'create or edit',
  email: 'e-mail',
};

async function allowed(ctx: BooksContext, area: BooksArea, access: Access) {
  const levels = (await ctx.viewer()).levels[area];
  return (
    levels[access] || forbidden(`Your profile may not ${VERBS[access]} books ${AREA_NAMES[area]}`)
  );
}

/** BKS-7: one level of one kind of data. */
const level = (area: BooksArea, access: Access) =>
  rule(
    `books-${area}-${access}`,
    contextual,
  )(async (_parent, _args, ctx: BooksContext) => allowed(ctx, area, access));

/** BKS-8: what every refusal of a sales order in the INVOICE edition says. */
const SALES_ORDERS_NEED_BOOKS =
  'Sales orders exist only in the BOOKS edition (an administrator switches with switchBooksEdition)';

/**
 * BKS-7: a level of the kind of the transaction `args.id` names, which only its row tells (hence
 * per arguments). One this organization does not have passes, for the resolver's NOT_FOUND.
 */
const transactionLevel = (access: Access) =>
  rule(`books-transaction-${access}`, { cache: 'strict' })(
    async (_parent, args: { id: string }, ctx: BooksContext) => {
      const row = await ctx.loaders.transaction.load(args.id);
      if (!row) return true;
      if (row.kind === 'SALES_ORDER' && (await ctx.connection()).edition !== 'BOOKS') {
        return forbidden(SALES_ORDERS_NEED_BOOKS);
      }
      return allowed(ctx, AREA_OF_KIND[row.kind], access);
    },
  );

/** BKS-7/8: sales orders exist only in the BOOKS edition. */
const booksEdition = rule(
  'books-edition',
  contextual,
)(
  async (_parent, _args, ctx: BooksContext) =>
    (await ctx.connection()).edition === 'BOOKS' || forbidden(SALES_ORDERS_NEED_BOOKS),
);

/** Sales orders follow the estimates' levels (the product has no switch of their own). */
const estimatesView = and(visible, level('estimates', 'view'));
const createEstimates = and(visible, level('estimates', 'createEdit'));
const salesOrdersView = and(estimatesView, booksEdition);
const receivablesView = and(visible, level('receivables', 'view'));

export const booksPermissions = createPermissions({
  Query: {
    booksIntegration: and(isAgent, view),
    booksOrganizations: isAdministrator,
    booksTransaction: visible,
    booksEstimate: estimatesView,
    booksInvoice: visible,
    booksSalesOrder: salesOrdersView,
    booksItems: visible,
    booksTransactionPdf: and(visible, transactionLevel('view')),
    booksEmailTemplates: visible,
    booksContactSync: isAdministrator,
    booksProductSync: isAdministrator,
    booksSyncRun: isAdministrator,
    booksSyncRuns: isAdministrator,
    booksPermissions: isAdministrator,
  },
  Mutation: {
    connectBooks: isAdministrator,
    chooseBooksOrganization: isAdministrator,
    switchBooksEdition: isAdministrator,
    disableBooks: isAdministrator,
    setBooksProcessRule: isAdministrator,
    createBooksEstimate: createEstimates,
    createBooksInvoice: and(visible, level('invoices', 'createEdit')),
    createBooksSalesOrder: and(createEstimates, booksEdition),
    updateBooksTransaction: and(visible, transactionLevel('createEdit')),
    emailBooksTransaction: and(visible, transactionLevel('email')),
    recordBooksPayment: and(visible, level('receivables', 'createEdit')),
    emailBooksStatement: and(visible, level('receivables', 'email')),
    updateBooksContactSync: isAdministrator,
    updateBooksProductSync: isAdministrator,
    startBooksSync: isAdministrator,
    stopBooksSyncRun: isAdministrator,
    setBooksPermissions: isAdministrator,
  },
  // Desk's entities: their keys travel freely, the panel is what needs books' permission.
  Account: { id: allow, books: visible },
  Contact: { id: allow, books: visible },
  Deal: { id: allow, books: visible },
  AgentProfile: allow,
  BooksIntegration: { '*': and(isAgent, view), connectedEmail: isAdministrator },
  BooksOrganization: and(isAgent, view),
  BooksAccess: allow,
  BooksPermissionLevels: allow,
  BooksProfilePermissions: isAdministrator,
  // Entity types are guarded on their own fields: `_entities` reaches them without any Query rule.
  BooksPanel: { '*': visible, receivables: receivablesView },
  BooksReceivables: receivablesView,
  BooksContact: visible,
  BooksEstimate: estimatesView,
  BooksInvoice: visible,
  BooksSalesOrder: salesOrdersView,
  BooksLineItem: allow,
  // An invoice's payments explain its balance due, which whoever sees the invoice sees.
  BooksPayment: visible,
  BooksItem: visible,
  BooksEmailTemplate: visible,
  BooksPdf: visible,
  BooksEmail: visible,
  BooksContactSync: isAdministrator,
  BooksRecordFilter: isAdministrator,
  BooksFieldMapping: isAdministrator,
  BooksProductSync: isAdministrator,
  BooksSyncRun: isAdministrator,
  SyncProgress: allow,
  SyncCounts: allow,
  SyncFailure: allow,
  // Containers only: whatever they hold is guarded by its own type's rule.
  PageInfo: allow,
  BooksTransactionConnection: allow,
  BooksTransactionEdge: allow,
  BooksItemConnection: allow,
  BooksItemEdge: allow,
  BooksSyncRunStart: allow,
  BooksSyncRunConnection: allow,
  BooksSyncRunEdge: allow,
  SyncFailureConnection: allow,
  SyncFailureEdge: allow,
});
