import { IsNull, Not } from 'typeorm';
import { Customer } from '../../../shared/integration/entities';
import { IntegrationState } from '../../../shared/integration/state';
import type { InventoryContext } from '../context';
import { INVENTORY_SCHEMA } from '../database';
import { Invoice, SalesOrder } from '../entities';
import { inventorySyncRuns, ITEM_SYNC } from '../jobs/runs';

/** INV-1/2/10/11: enable with an organization the caller administers, disable, delete. */
export const inventoryState = new IntegrationState({
  schema: INVENTORY_SCHEMA,
  label: 'inventory',
  organizationType: 'InventoryOrganization',
  createOrganizationMutation: 'createInventoryOrganization',
  /**
   * INV-11: the ticket links of every sales order and invoice and every contact mapping go, and
   * item syncs stop; the organization's own records stay in inventory.
   */
  async onDelete(manager) {
    await manager.update(SalesOrder, { ticketId: Not(IsNull()) }, { ticketId: null });
    await manager.update(Invoice, { ticketId: Not(IsNull()) }, { ticketId: null });
    await manager.update(Customer, { contactId: Not(IsNull()) }, { contactId: null });
    await inventorySyncRuns.requestStopOfKind(manager, ITEM_SYNC);
  },
});

/**
 * Creating or changing records from the help desk needs the integration on: refused while it is
 * disabled (INV-10) and after it was deleted (INV-11).
 */
export const enabledOrganization = (ctx: InventoryContext, doing: string): Promise<string> =>
  inventoryState.enabledOrganization(ctx, doing);
