import { CustomerRecords } from '../../../shared/integration/customers';
import { inventoryState } from './integration';

/** INV-9: customer records with billing and shipping addresses. */
export const inventoryCustomers = new CustomerRecords(inventoryState, {
  label: 'inventory',
  customerType: 'InventoryCustomer',
});
