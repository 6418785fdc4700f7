import { CustomerRecords } from '../../../shared/integration/customers';
import { billingState } from './integration';

/** BIL-2: customer records with billing and shipping addresses. */
export const billingCustomers = new CustomerRecords(billingState, {
  label: 'billing',
  customerType: 'BillingCustomer',
});
