import type { DataSource, ObjectLiteral } from 'typeorm';
import { byIdLoader, childrenLoader, rowsByIds } from '../../shared/loaders';
import { ownerSetPageLoader } from '../../shared/ownerSetPages';
import type { PageLimits } from '../../shared/pagination';
import { Organization } from '../../shared/integration/entities';
import { Customer } from '../../shared/integration/entities';
import { balanceLoaders } from './balances';
import {
  CreditApplication,
  CreditNote,
  Invoice,
  InvoiceLine,
  Payment,
  PaymentApplication,
  Plan,
  Refund,
  Subscription,
  SubscriptionActivity,
  Transaction,
} from './entities';

/** Every entity reference and nested list of a request goes through one of these. */
export function createBillingLoaders(db: DataSource, limits: PageLimits) {
  const repo = db.getRepository.bind(db);
  const childrenOf = <E extends ObjectLiteral, K extends keyof E & string>(
    entity: new () => E,
    parent: K,
    order: Partial<Record<keyof E, 'ASC' | 'DESC'>>,
  ) => childrenLoader(repo(entity), parent, order);
  const byIds = <E extends { id: string }>(entity: new () => E) => rowsByIds(repo(entity));

  return {
    organization: byIdLoader(repo(Organization), 'BillingOrganization'),
    customer: byIdLoader(repo(Customer), 'BillingCustomer'),
    plan: byIdLoader(repo(Plan), 'BillingPlan'),
    subscription: byIdLoader(repo(Subscription), 'BillingSubscription'),
    invoice: byIdLoader(repo(Invoice), 'BillingInvoice'),
    payment: byIdLoader(repo(Payment), 'BillingPayment'),
    creditNote: byIdLoader(repo(CreditNote), 'BillingCreditNote'),
    refund: byIdLoader(repo(Refund), 'BillingRefund'),
    linesByInvoice: childrenOf(InvoiceLine, 'invoiceId', { position: 'ASC' }),
    invoicesBySubscription: childrenOf(Invoice, 'subscriptionId', { issuedOn: 'DESC', id: 'DESC' }),
    activityBySubscription: childrenOf(SubscriptionActivity, 'subscriptionId', {
      occurredAt: 'DESC',
      id: 'DESC',
    }),
    paymentsByInvoice: childrenOf(PaymentApplication, 'invoiceId', {
      appliedOn: 'ASC',
      paymentId: 'ASC',
    }),
    creditsByInvoice: childrenOf(CreditApplication, 'invoiceId', {
      appliedOn: 'ASC',
      creditNoteId: 'ASC',
    }),
    applicationsByPayment: childrenOf(PaymentApplication, 'paymentId', {
      appliedOn: 'ASC',
      invoiceId: 'ASC',
    }),
    applicationsByCreditNote: childrenOf(CreditApplication, 'creditNoteId', {
      appliedOn: 'ASC',
      invoiceId: 'ASC',
    }),
    refundsByCreditNote: childrenOf(Refund, 'creditNoteId', { refundedOn: 'ASC', id: 'ASC' }),
    ...balanceLoaders(db),
    subscriptionPages: ownerSetPageLoader<Subscription>({
      db,
      from: 'billing.subscription d',
      ownerColumn: 'd.customer_id',
      orderColumn: 'd.created_at',
      orderType: 'timestamptz',
      orderValue: (row) => row.createdAt.toISOString(),
      load: byIds(Subscription),
      limits,
    }),
    invoicePages: ownerSetPageLoader<Invoice>({
      db,
      from: 'billing.invoice d',
      ownerColumn: 'd.customer_id',
      narrowColumn: 'd.ticket_id',
      orderColumn: 'd.issued_on',
      orderType: 'date',
      orderValue: (row) => row.issuedOn,
      load: byIds(Invoice),
      limits,
    }),
    activityPages: ownerSetPageLoader<SubscriptionActivity>({
      db,
      from: 'billing.subscription_activity d',
      ownerColumn: 'd.customer_id',
      orderColumn: 'd.occurred_at',
      orderType: 'timestamptz',
      orderValue: (row) => row.occurredAt.toISOString(),
      load: byIds(SubscriptionActivity),
      limits,
    }),
    creditNotePages: ownerSetPageLoader<CreditNote>({
      db,
      from: 'billing.credit_note d',
      ownerColumn: 'd.customer_id',
      orderColumn: 'd.issued_on',
      orderType: 'date',
      orderValue: (row) => row.issuedOn,
      load: byIds(CreditNote),
      limits,
    }),
    transactionPages: ownerSetPageLoader<Transaction>({
      db,
      from: 'billing.transaction d',
      ownerColumn: 'd.customer_id',
      orderColumn: 'd.date',
      orderType: 'date',
      orderValue: (row) => row.date,
      load: byIds(Transaction),
      limits,
    }),
  };
}

export type BillingLoaders = ReturnType<typeof createBillingLoaders>;
