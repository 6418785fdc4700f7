import type { EntityManager } from 'typeorm';
import type { SyncKind } from '../../../shared/jobs/syncWorker';
import type { AssociationFileRow } from '../services/associationFile';
import { applyAssociationRows } from '../services/associationImport';
import { ASSOCIATION_IMPORT } from './runs';

/** Rows per INSERT when a file is staged; keeps each statement's parameters modest. */
const STAGE_BATCH = 5_000;

/** Stages a parsed file for its run, in the transaction that starts the run. */
export async function stageAssociationRows(
  manager: EntityManager,
  runId: string,
  rows: AssociationFileRow[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += STAGE_BATCH) {
    const batch = rows.slice(start, start + STAGE_BATCH);
    await manager.query(
      `INSERT INTO desk.association_import_row
         (run_id, row_number, contact_email, account_name, is_primary, tickets_viewable, error)
       SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::bool[], $6::bool[], $7::text[])`,
      [
        runId,
        batch.map((r) => r.row),
        batch.map((r) => r.contactEmail),
        batch.map((r) => r.accountName),
        batch.map((r) => r.primary),
        batch.map((r) => r.accountTicketsViewable),
        batch.map((r) => r.error),
      ],
    );
  }
}

/**
 * ASC-6: works through a staged file in chunks with the ASC-5 logic. The checkpoint is the last
 * row number done; the rows that made a contact primary in earlier chunks are read back from
 * their stored outcomes, so the file-wide "one primary per contact" rule holds across chunks.
 */
export const associationImport: SyncKind = {
  kind: ASSOCIATION_IMPORT,
  async processChunk(manager, run, batchSize) {
    const after = typeof run.checkpoint === 'number' ? run.checkpoint : 0;
    const rows: AssociationFileRow[] = await manager.query(
      `SELECT row_number AS row, contact_email AS "contactEmail", account_name AS "accountName",
              is_primary AS primary, tickets_viewable AS "accountTicketsViewable", error
       FROM desk.association_import_row
       WHERE run_id = $1 AND row_number > $2 ORDER BY row_number LIMIT $3`,
      [run.id, after, batchSize],
    );
    const primaryEmails = [
      ...new Set(rows.flatMap((r) => (r.primary && r.contactEmail ? [r.contactEmail] : []))),
    ];
    const earlier: { email: string; row: number }[] = primaryEmails.length
      ? await manager.query(
          `SELECT contact_email AS email, min(row_number) AS row
           FROM desk.association_import_row
           WHERE run_id = $1 AND row_number <= $2 AND is_primary
             AND outcome IN ('APPLIED','UNCHANGED') AND contact_email = ANY($3)
           GROUP BY contact_email`,
          [run.id, after, primaryEmails],
        )
      : [];
    const results = await applyAssociationRows(
      manager,
      rows,
      new Map(earlier.map((e) => [e.email, e.row])),
    );
    if (results.length > 0) {
      await manager.query(
        `UPDATE desk.association_import_row r SET outcome = o.outcome
         FROM unnest($2::int[], $3::text[]) AS o(row_number, outcome)
         WHERE r.run_id = $1 AND r.row_number = o.row_number`,
        [run.id, results.map((r) => r.row), results.map((r) => r.status)],
      );
    }
    const count = (change: string) => results.filter((r) => r.change === change).length;
    return {
      processed: results.length,
      added: count('ADDED'),
      updated: count('UPDATED'),
      unchanged: count('UNCHANGED'),
      failures: results.flatMap((r) =>
        r.status === 'FAILED' ? [{ record: `row ${r.row}`, reason: r.error ?? 'failed' }] : [],
      ),
      checkpoint: rows.length > 0 ? rows[rows.length - 1].row : after,
      done: rows.length < batchSize || run.processed + rows.length >= (run.total ?? 0),
    };
  },
};
