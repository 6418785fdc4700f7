import type { ProfilePermission } from './entities';

/** What a desk profile may do with billing. */
export interface PermissionLevels {
  /** Off hides the whole integration. */
  view: boolean;
  /** BIL-2: create and change customer records. */
  createCustomers: boolean;
  /** Create invoices from a ticket, while the integration allows it (BIL-7). */
  createInvoices: boolean;
}

export const NO_PERMISSIONS: PermissionLevels = {
  view: false,
  createCustomers: false,
  createInvoices: false,
};

export const ALL_PERMISSIONS: PermissionLevels = {
  view: true,
  createCustomers: true,
  createInvoices: true,
};

export function levelsOf(row: ProfilePermission | null): PermissionLevels {
  if (!row) return NO_PERMISSIONS;
  return {
    view: row.view,
    createCustomers: row.createCustomers,
    createInvoices: row.createInvoices,
  };
}
