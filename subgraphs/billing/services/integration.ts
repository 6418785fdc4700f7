import { IsNull, Not } from 'typeorm';
import { Customer } from '../../../shared/integration/entities';
import { IntegrationState } from '../../../shared/integration/state';
import { BILLING_SCHEMA } from '../database';
import { Invoice } from '../entities';

/** BIL-1/BIL-7: enable with an organization the caller administers, disable, delete. */
export const billingState = new IntegrationState({
  schema: BILLING_SCHEMA,
  label: 'billing',
  organizationType: 'BillingOrganization',
  createOrganizationMutation: 'createBillingOrganization',
  /**
   * BIL-7: the ticket links of every invoice and every contact mapping go, so no credits or
   * invoices are shown for desk's contacts any more; billing's own records stay.
   */
  async onDelete(manager) {
    await manager.update(Invoice, { ticketId: Not(IsNull()) }, { ticketId: null });
    await manager.update(Customer, { contactId: Not(IsNull()) }, { contactId: null });
  },
});
