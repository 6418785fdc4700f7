import fs from 'node:fs';
import path from 'node:path';
import { type CodegenConfig, generate } from '@graphql-codegen/cli';
import { printSchema } from 'graphql';
import { apiSchema } from './apiSchema';
import { SUBGRAPHS } from '../subgraphs';

/** Entity classes that desk's object types resolve from. */
const DESK_ENTITY_TYPES = [
  'Ticket',
  'Contact',
  'ContactAccount',
  'Account',
  'Product',
  'Department',
  'Agent',
  'AgentProfile',
  'DealStage',
  'Deal',
  'CrmTask',
  'CrmTaskComment',
  'Partner',
];

const DESK_LIST_TYPES = ['Ticket', 'Contact', 'Account', 'Product', 'Agent', 'Deal', 'CrmTask'];

/** The shared SyncRun types (shared/jobs/syncRun.graphql), in every subgraph that has them. */
const SYNC_RUN_MAPPERS = {
  SyncRun: '../../../shared/jobs/syncRuns#SyncRunRecord',
  SyncFailure: '../../../shared/jobs/syncRuns#SyncFailureRecord',
  SyncFailureConnection: '../../../shared/jobs/syncRunGraph#SyncFailureConnectionModel',
  SyncFailureEdge: '../../../shared/jobs/syncRunGraph#SyncFailureEdgeModel',
};

const MAPPERS: Record<string, Record<string, string>> = {
  desk: {
    ...Object.fromEntries(DESK_ENTITY_TYPES.map((t) => [t, `../entities#${t} as ${t}Row`])),
    ...Object.fromEntries(
      DESK_LIST_TYPES.flatMap((t) => [
        [`${t}Connection`, `../models#${t}ConnectionModel`],
        [`${t}Edge`, `../models#${t}EdgeModel`],
      ]),
    ),
    AccountContactConnection: '../models#AccountContactConnectionModel',
    AccountContactEdge: '../models#AccountContactEdgeModel',
    DeskSyncRun: '../../../shared/jobs/syncRuns#SyncRunRecord',
    DeskSyncRunConnection: '../models#DeskSyncRunConnectionModel',
    DeskSyncRunEdge: '../models#DeskSyncRunEdgeModel',
    DeskSyncRunStart: '../models#DeskSyncRunStartModel',
    ...SYNC_RUN_MAPPERS,
  },
  inventory: {
    Ticket: '../models#TicketReference',
    Contact: '../models#ContactReference',
    Account: '../models#AccountReference',
    InventoryIntegration: '../entities#Integration',
    InventoryOrganization: '../entities#Organization',
    InventoryPermissionLevels: '../permissionLevels#PermissionLevels',
    InventoryProfilePermissions: '../entities#ProfilePermission',
    InventoryAddress: '../../../shared/integration/entities#Address',
    InventoryCustomer: '../entities#Customer',
    InventoryItem: '../entities#Item',
    InventoryPanel: '../models#PanelModel',
    InventoryOverview: '../models#PanelModel',
    InventoryItemPurchase: '../models#ItemPurchaseModel',
    InventoryActivity: '../entities#Activity',
    InventorySalesOrder: '../entities#SalesOrder',
    InventoryInvoice: '../entities#Invoice',
    InventoryLineItem: '../models#LineItemModel',
    InventorySalesReturn: '../entities#SalesReturn',
    InventoryReturnedItem: '../models#LineQuantityModel',
    InventoryPackedItem: '../models#LineQuantityModel',
    InventoryPackage: '../entities#Package',
    InventoryTrackingEvent: '../entities#TrackingEvent',
    InventoryEmail: '../models#EmailModel',
    InventoryItemSync: '../entities#ItemSyncSetting',
    InventorySyncRun: '../../../shared/jobs/syncRuns#SyncRunRecord',
    InventorySyncRunStart: '../models#SyncRunStartModel',
    ...Object.fromEntries(
      [
        ['Item', 'Item'],
        ['Activity', 'Activity'],
        ['SalesOrder', 'SalesOrder'],
        ['Invoice', 'Invoice'],
        ['SyncRun', 'SyncRun'],
      ].flatMap(([type, model]) => [
        [`Inventory${type}Connection`, `../models#${model}ConnectionModel`],
        [`Inventory${type}Edge`, `../models#${model}EdgeModel`],
      ]),
    ),
    ...SYNC_RUN_MAPPERS,
  },
  billing: {
    Ticket: '../models#TicketReference',
    Contact: '../models#ContactReference',
    Account: '../models#AccountReference',
    BillingIntegration: '../../../shared/integration/entities#Integration',
    BillingOrganization: '../../../shared/integration/entities#Organization',
    BillingPermissionLevels: '../permissionLevels#PermissionLevels',
    BillingProfilePermissions: '../entities#ProfilePermission',
    BillingAddress: '../../../shared/integration/entities#Address',
    BillingCustomer: '../../../shared/integration/entities#Customer',
    BillingPanel: '../models#PanelModel',
    BillingOverview: '../models#PanelModel',
    BillingPlan: '../entities#Plan',
    BillingSubscription: '../entities#Subscription',
    BillingActivity: '../entities#SubscriptionActivity',
    BillingInvoice: '../entities#Invoice',
    BillingLineItem: '../entities#InvoiceLine',
    BillingPayment: '../entities#Payment',
    BillingPaymentApplication: '../models#PaymentApplicationModel',
    BillingCreditNote: '../entities#CreditNote',
    BillingCreditApplication: '../models#CreditApplicationModel',
    BillingRefund: '../entities#Refund',
    BillingTransaction: '../entities#Transaction',
    ...Object.fromEntries(
      ['Plan', 'Subscription', 'Activity', 'Invoice', 'CreditNote', 'Transaction'].flatMap(
        (type) => [
          [`Billing${type}Connection`, `../models#${type}ConnectionModel`],
          [`Billing${type}Edge`, `../models#${type}EdgeModel`],
        ],
      ),
    ),
  },
  books: {
    Account: '../models#AccountReference',
    Contact: '../models#ContactReference',
    Deal: '../models#DealReference',
    BooksIntegration: '../entities#Connection',
    BooksOrganization: '../entities#Organization',
    BooksAccess: '../domain/permissions#BooksAccess as BooksAccessModel',
    BooksPermissionLevels: '../domain/permissions#BooksLevels',
    BooksProfilePermissions: '../entities#ProfilePermission',
    BooksPanel: '../models#PanelModel',
    BooksReceivables: '../models#ReceivablesModel',
    BooksContact: '../entities#BooksContact as BooksContactRow',
    BooksEstimate: '../entities#Estimate',
    BooksInvoice: '../entities#Invoice',
    BooksSalesOrder: '../entities#SalesOrder',
    BooksLineItem: '../entities/documentLine#DocumentLine',
    BooksPayment: '../entities#Payment',
    BooksItem: '../entities#Item',
    BooksEmailTemplate: '../entities#EmailTemplate',
    BooksEmail: '../models#EmailModel',
    BooksContactSync: '../entities#ContactSyncSetting',
    BooksRecordFilter: '../domain/contactSync#RecordFilter',
    BooksFieldMapping: '../domain/contactSync#FieldMapping',
    BooksProductSync: '../entities#ProductSyncSetting',
    BooksSyncRun: '../../../shared/jobs/syncRuns#SyncRunRecord',
    BooksSyncRunStart: '../models#SyncRunStartModel',
    ...Object.fromEntries(
      ['Transaction', 'Item', 'SyncRun'].flatMap((type) => [
        [`Books${type}Connection`, `../models#${type}ConnectionModel`],
        [`Books${type}Edge`, `../models#${type}EdgeModel`],
      ]),
    ),
    ...SYNC_RUN_MAPPERS,
  },
  projects: {
    Account: '../models#AccountReference',
    Deal: '../models#DealReference',
    CrmTask: '../models#CrmTaskReference',
    Agent: '../models#AgentReference',
    Contact: '../models#ContactReference',
    AgentProfile: '../models#AgentProfileReference',
    ProjectsIntegration: '../models#ProjectsIntegrationModel',
    ProjectsPermissionLevels: '../domain/permissions#ProjectsLevels',
    ProjectsProfilePermissions: '../entities#ProfilePermission',
    Project: '../entities#Project as ProjectRow',
    ProjectProgress: '../domain/progress#ProjectProgress as ProjectProgressModel',
    ProjectClient: '../entities#Client',
    ProjectUser: '../entities#ProjectsUser',
    ProjectMember: '../entities#ProjectMember as ProjectMemberRow',
    ProjectTaskList: '../entities#TaskList',
    ProjectTask: '../entities#Task',
    ProjectTaskComment: '../entities#TaskComment',
    ProjectTaskCrmLink: '../models#LinkedTask',
    ProjectCrmRefusal: '../entities#CrmUpdateRefusal',
    ProjectCrmLinkChoices: '../domain/crmChoices#CrmLinkChoices',
    ProjectCrmLinkChoice: '../domain/crmChoices#CrmLinkChoice',
    ProjectsSyncRun: '../../../shared/jobs/syncRuns#SyncRunRecord',
    ...Object.fromEntries(
      ['Project', 'ProjectTask', 'ProjectUser', 'ProjectsSyncRun'].flatMap((type) => [
        [`${type}Connection`, `../models#${type}ConnectionModel`],
        [`${type}Edge`, `../models#${type}EdgeModel`],
      ]),
    ),
    ...SYNC_RUN_MAPPERS,
  },
};

const CONTEXT_TYPES: Record<string, string> = {
  desk: '../context#DeskContext',
  inventory: '../context#InventoryContext',
  billing: '../context#BillingContext',
  books: '../context#BooksContext',
  projects: '../context#ProjectsContext',
};

/**
 * `npm run codegen`: resolver types for every subgraph from its schema.graphql, written to
 * subgraphs/<name>/generated/resolvers.ts, and the console's operation types, written to
 * console/src/generated/operations.ts. CI regenerates them and fails on any difference.
 */
async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const generates: CodegenConfig['generates'] = Object.fromEntries(
    SUBGRAPHS.map((subgraph) => [
      path.join(root, 'subgraphs', subgraph.name, 'generated', 'resolvers.ts'),
      {
        schema: [
          path.join(root, 'subgraphs', subgraph.name, 'schema.graphql'),
          // Only subgraphs whose schema has sync runs append the shared SyncRun types to it.
          ...(fs
            .readFileSync(path.join(root, 'subgraphs', subgraph.name, 'schema.graphql'), 'utf8')
            .includes('implements SyncRun')
            ? [path.join(root, 'shared', 'jobs', 'syncRun.graphql')]
            : []),
        ],
        plugins: [
          {
            add: {
              content: '/* Generated by `npm run codegen` from schema.graphql; do not edit. */',
            },
          },
          'typescript',
          'typescript-resolvers',
        ],
        config: {
          federation: true,
          contextType: CONTEXT_TYPES[subgraph.name],
          mappers: MAPPERS[subgraph.name] ?? {},
          enumsAsTypes: true,
          useTypeImports: true,
          useIndexSignature: false,
          scalars: { DateTime: 'Date', Date: 'string' },
        },
      },
    ]),
  );
  // The console's operations, typed from the gateway's API schema (what its answers look like).
  generates[path.join(root, 'console', 'src', 'generated', 'operations.ts')] = {
    schema: printSchema(apiSchema()),
    documents: [path.join(root, 'console', 'src', 'operations', '*.graphql')],
    plugins: [
      {
        add: {
          content:
            '/* Generated by `npm run codegen` from console/src/operations and supergraph.graphql; do not edit. */',
        },
      },
      'typescript-operations',
      // Each operation as a parsed, typed document, so Apollo Client checks its variables and answer.
      'typed-document-node',
    ],
    config: {
      enumsAsTypes: true,
      useTypeImports: true,
      skipTypename: true,
      scalars: { DateTime: 'string', Date: 'string' },
    },
  };
  await generate(
    { generates, silent: true, hooks: { afterAllFileWrite: ['prettier --write'] } },
    true,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
