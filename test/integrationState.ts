/**
 * The rows an integration's lifecycle tests change and must put back (the integration singleton
 * and the organizations' administrators), read and written the same way for every integration
 * schema, so that the suites after them see the demo state.
 */

type Sql = <Row>(text: string, params?: unknown[]) => Promise<Row[]>;

export interface IntegrationRow {
  status: string;
  organization_id: string | null;
  changed_by: string | null;
  /** As text: a JavaScript Date would drop PostgreSQL's microseconds when put back. */
  changed_at: string | null;
}

export interface AdminRow {
  organization_id: string;
  email: string;
}

export function integrationState(sql: Sql, schema: 'inventory' | 'billing') {
  return {
    async row(): Promise<IntegrationRow> {
      const [row] = await sql<IntegrationRow>(
        `SELECT status, organization_id, changed_by, changed_at::text FROM ${schema}.integration
         WHERE id = 1`,
      );
      return row;
    },

    async restoreRow(row: IntegrationRow): Promise<void> {
      await sql(
        `UPDATE ${schema}.integration
         SET status = $1, organization_id = $2, changed_by = $3, changed_at = $4::timestamptz
         WHERE id = 1`,
        [row.status, row.organization_id, row.changed_by, row.changed_at],
      );
    },

    admins(organizationIds: readonly string[]): Promise<AdminRow[]> {
      return sql<AdminRow>(
        `SELECT organization_id, email FROM ${schema}.organization_admin
         WHERE organization_id = ANY($1)`,
        [organizationIds],
      );
    },

    /** Exactly these administrators again for the organizations they belong to. */
    async restoreAdmins(rows: readonly AdminRow[]): Promise<void> {
      const organizationIds = [...new Set(rows.map((row) => row.organization_id))];
      await sql(`DELETE FROM ${schema}.organization_admin WHERE organization_id = ANY($1)`, [
        organizationIds,
      ]);
      await sql(
        `INSERT INTO ${schema}.organization_admin (organization_id, email)
         SELECT * FROM unnest($1::uuid[], $2::text[])`,
        [rows.map((row) => row.organization_id), rows.map((row) => row.email)],
      );
    },
  };
}
