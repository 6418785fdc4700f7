import type { DataSource } from 'typeorm';
import {
  documentSequences,
  numberByCreation,
  setDocumentSequences,
} from '../../../shared/integration/numbering';
import { hoursAfter } from '../../../shared/seed/clock';
import { insertRows } from '../../../shared/seed/insertRows';
import { Random } from '../../../shared/seed/random';
import { recordSeedScale } from '../../../shared/seed/scale';
import type { DealOutcome } from '../../desk/entities/DealStage';
import { generateDeskDemo } from '../../desk/seed/generate';
import { BOOKS_SCHEMA } from '../database';
import { DEFAULT_MAPPINGS } from '../domain/contactSync';
import { NUMBER_PREFIXES } from '../domain/status';
import {
  BooksContact,
  Connection,
  ContactSyncSetting,
  EmailTemplate,
  Estimate,
  EstimateLine,
  Invoice,
  InvoiceLine,
  Item,
  Organization,
  OrganizationAdmin,
  Payment,
  ProfilePermission,
  SalesOrder,
  SalesOrderLine,
  ServiceKey,
  ServiceKeyOrganization,
} from '../entities';
import { generateContacts, ruledDeals } from './contacts';
import { generateDocuments } from './documents';
import { generateItems } from './items';
import { CONNECTED_AT, generateOrganizations } from './organizations';
import { generatePayments } from './payments';
import { documentCreators, generatePermissions } from './permissions';
import { generateTemplates } from './templates';
import { BOOKS_ITEMS, LABS_ITEMS } from './vocabulary';

/**
 * Changing it reshuffles every generated row, ids included. Its mulberry32 sequence starts far
 * from desk's (20260101), inventory's (20261101) and billing's (20261201), so the streams never
 * overlap.
 */
const SEED = 20261301;

export interface BooksSeedSummary {
  organizations: number;
  contacts: number;
  items: number;
  estimates: number;
  invoices: number;
  payments: number;
  salesOrders: number;
  emailTemplates: number;
}

/**
 * The books demo data, generated in memory and identical for the same scale (ids included). It is
 * tied to the desk demo of the same scale through `generateDeskDemo`: books contacts are synced
 * with desk accounts and contacts, estimates and invoices belong to desk deals, permissions are
 * keyed by desk profiles.
 */
export function generateBooksDemo(scale: number) {
  const desk = generateDeskDemo(scale);
  // The generators share one random sequence and must run in this order.
  const random = new Random(SEED);
  const organizations = generateOrganizations(random);
  const { books, labs } = organizations;
  const catalogues = new Map([
    [books.id, generateItems(random, books, BOOKS_ITEMS)],
    [labs.id, generateItems(random, labs, LABS_ITEMS)],
  ]);
  const records = generateContacts(random, scale, desk, books, labs);
  const outcomes = new Map(desk.crm.stages.map((stage) => [stage.id, stage.outcome]));
  const documents = generateDocuments(random, {
    records,
    catalogues,
    creators: documentCreators(desk.staff),
    deals: ruledDeals(desk),
    outcomeOf: (deal): DealOutcome => {
      const outcome = outcomes.get(deal.stageId);
      if (!outcome) throw new Error(`deal ${deal.id} is in no stage of the desk demo`);
      return outcome;
    },
    connected: books,
    organizations: [books, labs],
    scale,
  });
  const numbered = <T extends Estimate | Invoice | SalesOrder>(rows: readonly T[], kind: string) =>
    numberByCreation(
      rows,
      kind,
      (row) => row.organizationId,
      (row) => row.createdAt,
    ).map(({ document, number }): T => ({ ...document, number }));
  const estimates = numbered(documents.estimates, NUMBER_PREFIXES.ESTIMATE);
  const salesOrders = numbered(documents.salesOrders, NUMBER_PREFIXES.SALES_ORDER);
  const emailTemplates = generateTemplates(random, books, [books, labs]);
  // Payments draw last from the shared sequence: every row drawn before them stays as it was.
  const { invoices, payments } = generatePayments(
    random,
    numbered(documents.invoices, NUMBER_PREFIXES.INVOICE),
  );
  const contactSync: Omit<ContactSyncSetting, 'id'> = {
    enabled: true,
    module: 'ACCOUNTS',
    recordFilter: { kind: 'ALL', value: null },
    direction: 'TWO_WAY',
    conflictPolicy: 'SKIP',
    deleteEarlierRecords: false,
    mapping: [...DEFAULT_MAPPINGS.ACCOUNTS],
    updatedAt: hoursAfter(CONNECTED_AT, 1),
  };
  return {
    organizations: [books, labs],
    organizationAdmins: organizations.admins,
    serviceKeys: organizations.serviceKeys,
    serviceKeyOrganizations: organizations.serviceKeyOrganizations,
    connection: organizations.connection,
    profilePermissions: generatePermissions(desk.staff.profiles),
    contactSync,
    items: [...catalogues.values()].flatMap((catalogue) => catalogue.map((entry) => entry.item)),
    contacts: records.map((record) => record.contact),
    /** The books contact whose panels show every kind of transaction, deal-linked ones too. */
    showcaseContactId: records.find((record) => record.showcase)?.contact.id ?? null,
    emailTemplates,
    estimates,
    estimateLines: documents.estimateLines,
    invoices,
    invoiceLines: documents.invoiceLines,
    payments,
    salesOrders,
    salesOrderLines: documents.salesOrderLines,
    documentSequences: documentSequences([books.id, labs.id], {
      [NUMBER_PREFIXES.ESTIMATE]: estimates,
      [NUMBER_PREFIXES.INVOICE]: invoices,
      [NUMBER_PREFIXES.SALES_ORDER]: salesOrders,
    }),
  };
}

export type BooksDemo = ReturnType<typeof generateBooksDemo>;

/**
 * Inserts the demo data in one transaction. Caller guarantees the tables are empty but for the
 * singleton rows the migration created. `scale` is desk's: the same scale ties the contacts to the
 * accounts desk seeded.
 */
export async function seedBooks(
  dataSource: DataSource,
  options: { scale: number },
): Promise<BooksSeedSummary> {
  // Everything is generated before the transaction opens, so it holds its locks only for the
  // inserts.
  const demo = generateBooksDemo(options.scale);

  await dataSource.transaction(async (manager) => {
    await recordSeedScale(manager, BOOKS_SCHEMA, options.scale);
    await insertRows(manager, Organization, demo.organizations);
    await insertRows(manager, OrganizationAdmin, demo.organizationAdmins);
    await insertRows(manager, ServiceKey, demo.serviceKeys);
    await insertRows(manager, ServiceKeyOrganization, demo.serviceKeyOrganizations);
    await manager.update(Connection, { id: 1 }, demo.connection);
    await insertRows(manager, ProfilePermission, demo.profilePermissions);
    await manager.update(ContactSyncSetting, { id: 1 }, demo.contactSync);
    await insertRows(manager, Item, demo.items);
    await insertRows(manager, BooksContact, demo.contacts);
    await insertRows(manager, EmailTemplate, demo.emailTemplates);
    await insertRows(manager, Estimate, demo.estimates);
    await insertRows(manager, EstimateLine, demo.estimateLines);
    await insertRows(manager, SalesOrder, demo.salesOrders);
    await insertRows(manager, SalesOrderLine, demo.salesOrderLines);
    await insertRows(manager, Invoice, demo.invoices);
    await insertRows(manager, InvoiceLine, demo.invoiceLines);
    await insertRows(manager, Payment, demo.payments);
    await setDocumentSequences(manager, BOOKS_SCHEMA, demo.documentSequences);
  });

  return {
    organizations: demo.organizations.length,
    contacts: demo.contacts.length,
    items: demo.items.length,
    estimates: demo.estimates.length,
    invoices: demo.invoices.length,
    payments: demo.payments.length,
    salesOrders: demo.salesOrders.length,
    emailTemplates: demo.emailTemplates.length,
  };
}

/**
 * true when books already holds demo data. Any organization will do: the migration creates none,
 * so one means the seed has run or someone has set books up by hand.
 */
export async function booksIsSeeded(dataSource: DataSource): Promise<boolean> {
  return dataSource.getRepository(Organization).exists();
}
