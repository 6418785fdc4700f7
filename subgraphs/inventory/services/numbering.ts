import type { EntityManager } from 'typeorm';

/** Document kinds and their prefixes: SO-00001, INV-00001, PKG-00001, RMA-00001. */
export type DocumentKind = 'SO' | 'INV' | 'PKG' | 'RMA';

/**
 * The next number of a kind in an organization. The sequence row is locked by the UPDATE until
 * the caller's transaction ends, so two documents created at once never share a number and a
 * rolled-back creation leaves no gap.
 */
export async function nextNumber(
  manager: EntityManager,
  organizationId: string,
  kind: DocumentKind,
): Promise<string> {
  const rows: { value: number }[] = await manager.query(
    `INSERT INTO inventory.document_sequence (organization_id, kind, next_value)
     VALUES ($1, $2, 2)
     ON CONFLICT (organization_id, kind)
       DO UPDATE SET next_value = inventory.document_sequence.next_value + 1
     RETURNING next_value - 1 AS value`,
    [organizationId, kind],
  );
  return `${kind}-${String(rows[0].value).padStart(5, '0')}`;
}
