import type { ConflictPolicy, SyncDirection } from './contactSync';

/**
 * BKS-4/BKS-6: what a sync does with a desk record and its linked books record that differ, from
 * which side changed since the two last agreed (each side's hash against the stored one):
 * - TAKE_DESK: desk's values into books;
 * - WRITE_TO_DESK: books' values into desk (TWO_WAY only);
 * - KEEP_BOOKS: leave both (TO_BOOKS never writes to desk; books keeps its value until desk's
 *   next change);
 * - SKIP and DUPLICATE: the conflict policies of a change on both sides; OVERWRITE is TAKE_DESK.
 */
export type SyncDecision = 'TAKE_DESK' | 'WRITE_TO_DESK' | 'KEEP_BOOKS' | 'SKIP' | 'DUPLICATE';

/** The reason a SKIP reports. */
export const CHANGED_ON_BOTH_SIDES = 'changed on both sides';

export function decideDiffering(
  changed: { desk: boolean; books: boolean },
  direction: SyncDirection,
  conflictPolicy: ConflictPolicy,
): SyncDecision {
  if (!changed.books) return 'TAKE_DESK';
  if (!changed.desk) return direction === 'TO_BOOKS' ? 'KEEP_BOOKS' : 'WRITE_TO_DESK';
  switch (conflictPolicy) {
    case 'OVERWRITE':
      return 'TAKE_DESK';
    case 'SKIP':
      return 'SKIP';
    case 'DUPLICATE':
      return 'DUPLICATE';
  }
}
