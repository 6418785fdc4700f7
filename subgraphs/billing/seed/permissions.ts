import {
  type Creators,
  creatorsAllowed,
  profileLevelRows,
} from '../../../shared/seed/profileLevels';
import type { AgentProfile } from '../../desk/entities/AgentProfile';
import type { ProfileName, Staff } from '../../desk/seed/staff';
import type { ProfilePermission } from '../entities/ProfilePermission';
import { ENABLED_AT } from './organizations';

type Levels = Pick<ProfilePermission, 'view' | 'createCustomers' | 'createInvoices'>;

/**
 * Billing levels of desk's profiles. Light agents have no row, which hides the integration from
 * them; administrators need none because they may do everything.
 */
const PROFILE_LEVELS: Partial<Record<ProfileName, Levels>> = {
  Agent: { view: true, createCustomers: true, createInvoices: true },
  'New agent': { view: true, createCustomers: false, createInvoices: false },
};

export function generatePermissions(profiles: readonly AgentProfile[]): ProfilePermission[] {
  return profileLevelRows(profiles, PROFILE_LEVELS, ENABLED_AT);
}

/** The agents who may have created an invoice from a ticket, by e-mail. */
export const invoiceCreators = (staff: Staff): Creators =>
  creatorsAllowed(staff, PROFILE_LEVELS, (own) => own.createInvoices);
