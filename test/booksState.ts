import type { DataSource } from 'typeorm';
import { type DocumentSequence, setDocumentSequences } from '../shared/integration/numbering';
import { sqlOn } from './expectations';

/**
 * The books rows the gateway suites change and must put back (the connection row, a profile's
 * levels, the numbering, the contacts and items a sync run changes) and the documents they make
 * and must remove, read and written the same way in every suite, so that the suites after them
 * see the demo state.
 */

export interface ConnectionRow {
  status: string;
  edition: string | null;
  connected_email: string | null;
  service_key_id: string | null;
  organization_id: string | null;
  process_rule: string;
  changed_by: string | null;
  /** As text: a JavaScript Date would drop PostgreSQL's microseconds when put back. */
  changed_at: string | null;
}

/** A row of books.profile_permission, every level column as stored. */
export type LevelsRow = Record<string, unknown>;

/** The tables the sync suites keep whole to put back. */
export type SyncedTable = 'contact' | 'item';

export function booksState(dataSource: () => DataSource) {
  const { sql } = sqlOn(dataSource);
  return {
    async connection(): Promise<ConnectionRow> {
      const [row] = await sql<ConnectionRow>(
        `SELECT status, edition, connected_email, service_key_id, organization_id, process_rule,
           changed_by, changed_at::text FROM books.connection WHERE id = 1`,
      );
      return row;
    },

    async restoreConnection(row: ConnectionRow): Promise<void> {
      await sql(
        `UPDATE books.connection SET status = $1, edition = $2, connected_email = $3,
           service_key_id = $4, organization_id = $5, process_rule = $6, changed_by = $7,
           changed_at = $8::timestamptz WHERE id = 1`,
        [
          row.status,
          row.edition,
          row.connected_email,
          row.service_key_id,
          row.organization_id,
          row.process_rule,
          row.changed_by,
          row.changed_at,
        ],
      );
    },

    /** The profile's levels, or undefined when it has no row. */
    async levels(profileId: string): Promise<LevelsRow | undefined> {
      const [row] = await sql<LevelsRow>(
        'SELECT * FROM books.profile_permission WHERE profile_id = $1',
        [profileId],
      );
      return row;
    },

    async restoreLevels(profileId: string, row: LevelsRow): Promise<void> {
      const columns = Object.keys(row).filter((column) => column !== 'profile_id');
      await sql(
        `UPDATE books.profile_permission
            SET ${columns.map((column, index) => `${column} = $${index + 2}`).join(', ')}
          WHERE profile_id = $1`,
        [profileId, ...columns.map((column) => row[column])],
      );
    },

    /** Every row of the table, as JSON, for restoreRows. */
    async rows(table: SyncedTable): Promise<unknown[]> {
      const rows = await sql<{ row: unknown }>(`SELECT to_jsonb(t) AS row FROM books.${table} t`);
      return rows.map((r) => r.row);
    },

    /**
     * The table as `rows` read it: rows made since removed, `columns` of the others set back as
     * they were, rows deleted since inserted again.
     */
    async restoreRows(
      table: SyncedTable,
      rows: readonly unknown[],
      columns: readonly string[],
    ): Promise<void> {
      const before = [JSON.stringify(rows)];
      const snapshot = `jsonb_populate_recordset(NULL::books.${table}, $1::jsonb)`;
      const setBack = columns.map((column) => `${column} = b.${column}`).join(', ');
      await sql(`DELETE FROM books.${table} WHERE id NOT IN (SELECT id FROM ${snapshot})`, before);
      await sql(
        `UPDATE books.${table} t SET ${setBack} FROM ${snapshot} b WHERE t.id = b.id`,
        before,
      );
      await sql(
        `INSERT INTO books.${table} SELECT * FROM ${snapshot} ON CONFLICT (id) DO NOTHING`,
        before,
      );
    },

    /** The organization's next document numbers, per kind. */
    sequences(organizationId: string): Promise<DocumentSequence[]> {
      return sql<DocumentSequence>(
        `SELECT organization_id AS "organizationId", kind, next_value AS "nextValue"
           FROM books.document_sequence WHERE organization_id = $1`,
        [organizationId],
      );
    },

    /** The numbering as `sequences` read it; kinds numbered only since stay as they are. */
    restoreSequences(sequences: readonly DocumentSequence[]): Promise<void> {
      return setDocumentSequences(dataSource().manager, 'books', sequences);
    },

    /** The invoices, estimates and sales orders with these ids, their lines and their e-mails. */
    async deleteDocuments(ids: readonly string[]): Promise<void> {
      await sql(
        `DELETE FROM books.mail_message
          WHERE related_type = 'transaction' AND related_id = ANY($1)`,
        [ids],
      );
      for (const table of ['invoice', 'estimate', 'sales_order']) {
        await sql(`DELETE FROM books.${table} WHERE id = ANY($1)`, [ids]);
      }
    },
  };
}
