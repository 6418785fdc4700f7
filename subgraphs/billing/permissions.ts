import { allow, rule } from 'graphql-shield';
import { forbidden } from '../../shared/errors';
import { integrationRules } from '../../shared/integration/rules';
import { createPermissions } from '../../shared/shield';
import type { BillingContext } from './context';

const { isAgent, isAdministrator, view, visible } = integrationRules('billing');

// Depend on the caller alone: one evaluation per request.
const contextual = { cache: 'contextual' } as const;

/** BIL-2: creating and changing customer records. */
const createCustomers = rule(
  'billing-create-customers',
  contextual,
)(async (_parent, _args, ctx: BillingContext) => {
  const { levels } = await ctx.viewer();
  return (
    (levels.view && levels.createCustomers) ||
    forbidden('Your profile may not create customers in billing')
  );
});

const createInvoices = rule(
  'billing-create-invoices',
  contextual,
)(async (_parent, _args, ctx: BillingContext) => {
  const { levels } = await ctx.viewer();
  return (
    (levels.view && levels.createInvoices) ||
    forbidden('Your profile may not create invoices in billing')
  );
});

export const billingPermissions = createPermissions({
  Query: {
    billingIntegration: isAgent,
    billingOrganizations: isAdministrator,
    billingPlans: visible,
    billingCustomer: visible,
    billingSubscription: visible,
    billingInvoice: visible,
    billingCreditNote: visible,
    billingPermissions: isAdministrator,
  },
  Mutation: {
    createBillingOrganization: isAdministrator,
    enableBilling: isAdministrator,
    disableBilling: isAdministrator,
    deleteBilling: isAdministrator,
    createBillingCustomer: createCustomers,
    updateBillingCustomer: createCustomers,
    createBillingInvoice: createInvoices,
    setBillingPermissions: isAdministrator,
  },
  // Desk's entities: their keys travel freely, the panel is what needs billing's permission.
  Ticket: { id: allow, contact: allow, billing: view },
  Contact: { id: allow, billing: view },
  Account: { id: allow, contactIds: allow, billing: view },
  AgentProfile: allow,
  BillingIntegration: { '*': isAgent, organization: isAdministrator },
  BillingOrganization: isAdministrator,
  BillingPermissionLevels: allow,
  BillingProfilePermissions: isAdministrator,
  // Entity types are guarded on their own fields: `_entities` reaches them without any Query rule.
  BillingPanel: visible,
  BillingOverview: visible,
  BillingCustomer: visible,
  BillingAddress: allow,
  BillingPlan: visible,
  BillingSubscription: visible,
  BillingActivity: visible,
  BillingInvoice: visible,
  BillingLineItem: allow,
  BillingPayment: visible,
  BillingPaymentApplication: allow,
  BillingCreditNote: visible,
  BillingCreditApplication: allow,
  BillingRefund: visible,
  BillingTransaction: visible,
  // Containers only: whatever they hold is guarded by its own type's rule.
  PageInfo: allow,
  BillingPlanConnection: allow,
  BillingPlanEdge: allow,
  BillingSubscriptionConnection: allow,
  BillingSubscriptionEdge: allow,
  BillingActivityConnection: allow,
  BillingActivityEdge: allow,
  BillingInvoiceConnection: allow,
  BillingInvoiceEdge: allow,
  BillingCreditNoteConnection: allow,
  BillingCreditNoteEdge: allow,
  BillingTransactionConnection: allow,
  BillingTransactionEdge: allow,
});
