import type { DocumentAccess, ProfilePermission } from './entities/ProfilePermission';

export type DocumentModule = 'salesOrders' | 'invoices';
export type DocumentAction = 'view' | 'send' | 'create' | 'edit';

/** INV-5's levels, each a set of actions. */
const ACTIONS: Record<DocumentAccess, readonly DocumentAction[]> = {
  OFF: [],
  VIEW: ['view'],
  VIEW_SEND: ['view', 'send'],
  VIEW_CREATE_EDIT: ['view', 'create', 'edit'],
  VIEW_SEND_CREATE_EDIT: ['view', 'send', 'create', 'edit'],
};

export interface PermissionLevels {
  view: boolean;
  salesOrders: DocumentAccess;
  invoices: DocumentAccess;
  createContacts: boolean;
}

export const NO_PERMISSIONS: PermissionLevels = {
  view: false,
  salesOrders: 'OFF',
  invoices: 'OFF',
  createContacts: false,
};

export const ALL_PERMISSIONS: PermissionLevels = {
  view: true,
  salesOrders: 'VIEW_SEND_CREATE_EDIT',
  invoices: 'VIEW_SEND_CREATE_EDIT',
  createContacts: true,
};

export function levelsOf(row: ProfilePermission | null): PermissionLevels {
  if (!row) return NO_PERMISSIONS;
  return {
    view: row.view,
    salesOrders: row.salesOrders,
    invoices: row.invoices,
    createContacts: row.createContacts,
  };
}

/** With view off the whole integration is hidden, whatever the other levels say. */
export function allows(
  levels: PermissionLevels,
  module: DocumentModule,
  action: DocumentAction,
): boolean {
  return levels.view && ACTIONS[levels[module]].includes(action);
}
