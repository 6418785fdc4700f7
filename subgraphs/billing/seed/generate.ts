import type { DataSource } from 'typeorm';
import {
  documentSequences,
  numberByCreation,
  setDocumentSequences,
} from '../../../shared/integration/numbering';
import { insertRows } from '../../../shared/seed/insertRows';
import { Random } from '../../../shared/seed/random';
import { recordSeedScale } from '../../../shared/seed/scale';
import { generateDeskDemo } from '../../desk/seed/generate';
import { BILLING_SCHEMA } from '../database';
import {
  CreditApplication,
  CreditNote,
  Customer,
  Integration,
  Invoice,
  InvoiceLine,
  Organization,
  OrganizationAdmin,
  Payment,
  PaymentApplication,
  Plan,
  ProfilePermission,
  Refund,
  Subscription,
  SubscriptionActivity,
} from '../entities';
import { generateCustomers } from './customers';
import { serviceCredits, settle } from './ledger';
import { generateOneOffs } from './oneOffs';
import { generateOrganizations } from './organizations';
import { generatePermissions, invoiceCreators } from './permissions';
import { CLOUD_PLANS, generatePlans, LABS_PLANS } from './plans';
import { generateSubscriptions } from './subscriptions';

/**
 * Changing it reshuffles every generated row, ids included. Its mulberry32 sequence starts far
 * from desk's (20260101) and inventory's (20261101), so the streams never overlap.
 */
const SEED = 20261201;

export interface BillingSeedSummary {
  organizations: number;
  plans: number;
  customers: number;
  subscriptions: number;
  activities: number;
  invoices: number;
  payments: number;
  creditNotes: number;
  refunds: number;
}

/**
 * The billing demo data, generated in memory and identical for the same scale (ids included).
 * It is tied to the desk demo of the same scale through `generateDeskDemo`: customers are desk
 * contacts, invoices link desk tickets, permissions are keyed by desk profiles.
 */
export function generateBillingDemo(scale: number) {
  const desk = generateDeskDemo(scale);
  // The generators share one random sequence and must run in this order.
  const random = new Random(SEED);
  const organizations = generateOrganizations(random);
  const { cloud, labs } = organizations;
  const catalogue = generatePlans(random, [
    [cloud, CLOUD_PLANS],
    [labs, LABS_PLANS],
  ]);
  const records = generateCustomers(random, scale, desk, organizations);
  const walked = generateSubscriptions(random, records, catalogue);
  const subscriptions = numberByCreation(
    walked.map((entry) => entry.subscription),
    'SUB',
    (subscription) => subscription.organizationId,
    (subscription) => subscription.createdAt,
  ).map(({ document, number }): Subscription => ({ ...document, number }));
  const oneOffs = generateOneOffs(
    random,
    records,
    invoiceCreators(desk.staff),
    subscriptions,
    cloud.id,
  );
  const bills = [...walked.flatMap((entry) => entry.bills), ...oneOffs];
  const credits = [
    ...walked.flatMap((entry) => entry.credits),
    ...serviceCredits(random, bills, records.length),
  ];
  const ledger = settle(random, bills, credits);
  return {
    organizations: [cloud, labs],
    organizationAdmins: organizations.admins,
    integration: organizations.integration,
    profilePermissions: generatePermissions(desk.staff.profiles),
    plans: [...catalogue.values()].flatMap((plans) => plans.map((entry) => entry.plan)),
    customers: records.map((record) => record.customer),
    subscriptions,
    activities: walked.flatMap((entry) => entry.activities),
    ...ledger,
    documentSequences: documentSequences([cloud.id, labs.id], {
      SUB: subscriptions,
      INV: ledger.invoices,
      PAY: ledger.payments,
      CN: ledger.creditNotes,
    }),
  };
}

export type BillingDemo = ReturnType<typeof generateBillingDemo>;

/**
 * Inserts the demo data in one transaction. Caller guarantees the tables are empty but for the
 * integration row the migration created. `scale` is desk's: the same scale ties the customers to
 * the contacts desk seeded.
 */
export async function seedBilling(
  dataSource: DataSource,
  options: { scale: number },
): Promise<BillingSeedSummary> {
  // Everything is generated before the transaction opens, so it holds its locks only for the
  // inserts.
  const demo = generateBillingDemo(options.scale);

  await dataSource.transaction(async (manager) => {
    await recordSeedScale(manager, BILLING_SCHEMA, options.scale);
    await insertRows(manager, Organization, demo.organizations);
    await insertRows(manager, OrganizationAdmin, demo.organizationAdmins);
    await manager.update(Integration, { id: 1 }, demo.integration);
    await insertRows(manager, ProfilePermission, demo.profilePermissions);
    await insertRows(manager, Customer, demo.customers);
    await insertRows(manager, Plan, demo.plans);
    await insertRows(manager, Subscription, demo.subscriptions);
    await insertRows(manager, SubscriptionActivity, demo.activities);
    await insertRows(manager, Invoice, demo.invoices);
    await insertRows(manager, InvoiceLine, demo.invoiceLines);
    await insertRows(manager, Payment, demo.payments);
    await insertRows(manager, PaymentApplication, demo.paymentApplications);
    await insertRows(manager, CreditNote, demo.creditNotes);
    await insertRows(manager, CreditApplication, demo.creditApplications);
    await insertRows(manager, Refund, demo.refunds);
    await setDocumentSequences(manager, BILLING_SCHEMA, demo.documentSequences);
  });

  return {
    organizations: demo.organizations.length,
    plans: demo.plans.length,
    customers: demo.customers.length,
    subscriptions: demo.subscriptions.length,
    activities: demo.activities.length,
    invoices: demo.invoices.length,
    payments: demo.payments.length,
    creditNotes: demo.creditNotes.length,
    refunds: demo.refunds.length,
  };
}

/**
 * true when billing already holds demo data. Any organization will do: the migration creates
 * none, so one means the seed has run or someone has set billing up by hand.
 */
export async function billingIsSeeded(dataSource: DataSource): Promise<boolean> {
  return dataSource.getRepository(Organization).exists();
}
