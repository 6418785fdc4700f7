import {
  Customer,
  Integration,
  integrationEntities,
  Organization,
  OrganizationAdmin,
} from '../../../shared/integration/entities';
import { CreditApplication } from './CreditApplication';
import { CreditNote } from './CreditNote';
import { Invoice } from './Invoice';
import { InvoiceLine } from './InvoiceLine';
import { Payment } from './Payment';
import { PaymentApplication } from './PaymentApplication';
import { Plan } from './Plan';
import { ProfilePermission } from './ProfilePermission';
import { Refund } from './Refund';
import { Subscription } from './Subscription';
import { SubscriptionActivity } from './SubscriptionActivity';
import { Transaction } from './Transaction';

export {
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
  Transaction,
};

export const billingEntities = [
  ...integrationEntities,
  CreditApplication,
  CreditNote,
  Invoice,
  InvoiceLine,
  Payment,
  PaymentApplication,
  Plan,
  ProfilePermission,
  Refund,
  Subscription,
  SubscriptionActivity,
  Transaction,
];
