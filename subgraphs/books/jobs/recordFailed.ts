import { refusalsOf } from '../../../shared/subgraphClient';

/** One record of a sync run could not be synced: the run reports it and goes on with the rest. */
export class RecordFailed extends Error {}

/**
 * Desk's refusal of a write (a permission, a taken name or code) is the record's, returned as its
 * failure; anything else (desk down, a bug) is the chunk's, thrown again so the chunk is retried.
 * `what` is what desk refused, e.g. "the update".
 */
export function deskRefusal(error: unknown, what: string): RecordFailed {
  const refusals = refusalsOf(error);
  if (!refusals.length) throw error;
  return new RecordFailed(`desk refused ${what}: ${refusals.map((e) => e.message).join('; ')}`);
}
