import {
  type Creators,
  creatorsAllowed,
  profileLevelRows,
} from '../../../shared/seed/profileLevels';
import type { AgentProfile } from '../../desk/entities/AgentProfile';
import type { ProfileName, Staff } from '../../desk/seed/staff';
import { ALL_LEVELS, type BooksLevels, levelColumns } from '../domain/permissions';
import type { ProfilePermission } from '../entities/ProfilePermission';
import { CONNECTED_AT } from './organizations';

const VIEW_ONLY = { view: true, createEdit: false, email: false };

/**
 * BKS-7 levels of desk's profiles: agents may do everything, new agents only look. Light agents
 * have no row, which hides books from them; administrators need none.
 */
const PROFILE_LEVELS: Partial<Record<ProfileName, BooksLevels>> = {
  Agent: ALL_LEVELS,
  'New agent': { invoices: VIEW_ONLY, estimates: VIEW_ONLY, receivables: VIEW_ONLY },
};

export function generatePermissions(profiles: readonly AgentProfile[]): ProfilePermission[] {
  const columns = Object.fromEntries(
    Object.entries(PROFILE_LEVELS).map(([name, levels]) => [name, levelColumns(levels)]),
  );
  return profileLevelRows(profiles, columns, CONNECTED_AT);
}

/** The agents who may have created estimates, invoices and sales orders from desk (BKS-9). */
export const documentCreators = (staff: Staff): Creators =>
  creatorsAllowed(
    staff,
    PROFILE_LEVELS,
    (own) => own.invoices.createEdit && own.estimates.createEdit,
  );
