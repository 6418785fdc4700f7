import { DateScalar, DateTime } from '../../../shared/graphql/scalars';
import type { Resolvers } from '../generated/resolvers';
import { Account } from './Account';
import { BillingActivity } from './BillingActivity';
import { BillingCreditApplication } from './BillingCreditApplication';
import { BillingCreditNote } from './BillingCreditNote';
import { BillingCustomer } from './BillingCustomer';
import { BillingIntegration } from './BillingIntegration';
import { BillingInvoice } from './BillingInvoice';
import { BillingOrganization } from './BillingOrganization';
import { BillingOverview } from './BillingOverview';
import { BillingPanel } from './BillingPanel';
import { BillingPayment } from './BillingPayment';
import { BillingPaymentApplication } from './BillingPaymentApplication';
import { BillingProfilePermissions } from './BillingProfilePermissions';
import { BillingRefund } from './BillingRefund';
import { BillingSubscription } from './BillingSubscription';
import { BillingTransaction } from './BillingTransaction';
import { Contact } from './Contact';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { Ticket } from './Ticket';

export const billingResolvers: Resolvers = {
  DateTime,
  Date: DateScalar,
  Query,
  Mutation,
  Ticket,
  Contact,
  Account,
  BillingIntegration,
  BillingOrganization,
  BillingProfilePermissions,
  BillingCustomer,
  BillingPanel,
  BillingOverview,
  BillingSubscription,
  BillingActivity,
  BillingInvoice,
  BillingPayment,
  BillingPaymentApplication,
  BillingCreditNote,
  BillingCreditApplication,
  BillingRefund,
  BillingTransaction,
};
