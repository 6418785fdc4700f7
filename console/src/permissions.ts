import type {
  ConsoleViewerQuery,
  InventoryAccessQuery,
  InventoryDocumentAccess,
  PermissionModule,
} from './types';

/** An action the console offers, or why the agent's profile or the integration does not allow it. */
export interface Allowance {
  allowed: boolean;
  reason?: string;
}

const ALLOWED: Allowance = { allowed: true };

function documentAccess(
  access: InventoryDocumentAccess | undefined,
  needs: 'SEND' | 'CREATE',
): boolean {
  return access !== undefined && access.includes(needs);
}

function deskCan(
  viewer: ConsoleViewerQuery['viewer'],
  module: PermissionModule,
  action: 'view' | 'edit',
) {
  if (viewer.profile.isAdministrator) return true;
  return viewer.profile.permissions.some((p) => p.module === module && p[action]);
}

/**
 * What the console offers the signed-in agent, from what the graph says their profile allows. The
 * graph decides again on every request: an action offered here may still be refused (a permission
 * changed since), and the refusal is shown as it comes.
 */
export function allowances(
  viewer: ConsoleViewerQuery['viewer'],
  /** Null when the profile may not see inventory at all. */
  inventoryAccess: InventoryAccessQuery | null,
) {
  const inventory = inventoryAccess?.inventoryIntegration;
  const inventoryOn = inventory?.status === 'ENABLED';
  const inventoryOff: Allowance = {
    allowed: false,
    reason: inventory ? 'The inventory integration is off' : 'Your profile may not see inventory',
  };
  const associations = deskCan(viewer, 'ACCOUNTS', 'edit') && deskCan(viewer, 'CONTACTS', 'view');
  return {
    createSalesOrder: !inventoryOn
      ? inventoryOff
      : documentAccess(inventory?.viewerPermissions.salesOrders, 'CREATE')
        ? ALLOWED
        : { allowed: false, reason: 'Your profile may not create sales orders' },
    sendInvoice: !inventoryOn
      ? inventoryOff
      : documentAccess(inventory?.viewerPermissions.invoices, 'SEND')
        ? ALLOWED
        : { allowed: false, reason: 'Your profile may not send invoices' },
    changeAssociations: associations
      ? ALLOWED
      : { allowed: false, reason: 'Your profile may not change which contacts an account has' },
  } satisfies Record<string, Allowance>;
}

export type Allowances = ReturnType<typeof allowances>;
