import {
  type Creators,
  creatorsAllowed,
  profileLevelRows,
} from '../../../shared/seed/profileLevels';
import type { AgentProfile } from '../../desk/entities/AgentProfile';
import type { ProfileName, Staff } from '../../desk/seed/staff';
import type { ProfilePermission } from '../entities/ProfilePermission';
import { ENABLED_AT } from './organizations';

type Levels = Pick<ProfilePermission, 'view' | 'salesOrders' | 'invoices' | 'createContacts'>;

/**
 * INV-5 levels of desk's profiles. Light agents have no row, which hides the integration from
 * them; administrators need none because they may do everything.
 */
const PROFILE_LEVELS: Partial<Record<ProfileName, Levels>> = {
  Agent: {
    view: true,
    salesOrders: 'VIEW_SEND_CREATE_EDIT',
    invoices: 'VIEW_SEND_CREATE_EDIT',
    createContacts: true,
  },
  'New agent': { view: true, salesOrders: 'VIEW', invoices: 'VIEW', createContacts: false },
};

export function generatePermissions(profiles: readonly AgentProfile[]): ProfilePermission[] {
  return profileLevelRows(profiles, PROFILE_LEVELS, ENABLED_AT);
}

/** The agents who may have created a sales order or invoice (both kinds), by e-mail. */
export const documentCreators = (staff: Staff): Creators =>
  creatorsAllowed(
    staff,
    PROFILE_LEVELS,
    (own) =>
      own.salesOrders === 'VIEW_SEND_CREATE_EDIT' && own.invoices === 'VIEW_SEND_CREATE_EDIT',
  );
