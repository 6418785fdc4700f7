import type { EntityManager } from 'typeorm';

/*
 * Documents are numbered per organization and kind, as the products do: SO-00001, INV-00001,
 * SUB-00001. The next value lives in the subgraph's `document_sequence` table.
 */

/** "SO-00001" for kind SO and value 1. */
export function documentNumber(kind: string, value: number): string {
  return `${kind}-${String(value).padStart(5, '0')}`;
}

/**
 * The next number of a kind in an organization. The sequence row is locked by the UPDATE until
 * the caller's transaction ends, so two documents created at once never share a number and a
 * rolled-back creation leaves no gap.
 */
export async function nextNumber(
  manager: EntityManager,
  schema: string,
  organizationId: string,
  kind: string,
): Promise<string> {
  const rows: { value: number }[] = await manager.query(
    `INSERT INTO "${schema}".document_sequence (organization_id, kind, next_value)
     VALUES ($1, $2, 2)
     ON CONFLICT (organization_id, kind)
       DO UPDATE SET next_value = "${schema}".document_sequence.next_value + 1
     RETURNING next_value - 1 AS value`,
    [organizationId, kind],
  );
  return documentNumber(kind, rows[0].value);
}

/** A row of `document_sequence`, which has no entity: only SQL reads and bumps it. */
export interface DocumentSequence {
  organizationId: string;
  kind: string;
  nextValue: number;
}

/**
 * Numbers each organization's documents in the order they were created, oldest first, as the
 * product would have handed the numbers out; returns them in that order. For demo data.
 */
export function numberByCreation<T>(
  documents: readonly T[],
  kind: string,
  organizationOf: (document: T) => string,
  createdAtOf: (document: T) => Date,
): { document: T; number: string }[] {
  // Array sort is stable, so documents created in the same second keep their generated order.
  const sorted = [...documents].sort((a, b) => createdAtOf(a).getTime() - createdAtOf(b).getTime());
  const used = new Map<string, number>();
  return sorted.map((document) => {
    const organizationId = organizationOf(document);
    const value = (used.get(organizationId) ?? 0) + 1;
    used.set(organizationId, value);
    return { document, number: documentNumber(kind, value) };
  });
}

/**
 * The next number of every kind in every organization: one past the highest used, so documents
 * created through the API continue the seeded numbering.
 */
export function documentSequences(
  organizationIds: readonly string[],
  numbered: Record<string, readonly { organizationId: string; number: string }[]>,
): DocumentSequence[] {
  return organizationIds.flatMap((organizationId) =>
    Object.entries(numbered).map(([kind, documents]): DocumentSequence => {
      const values = documents
        .filter((document) => document.organizationId === organizationId)
        .map((document) => Number(document.number.slice(kind.length + 1)));
      return { organizationId, kind, nextValue: Math.max(0, ...values) + 1 };
    }),
  );
}

/**
 * Numbers inserted explicitly (demo data) must move the sequences on; otherwise the next document
 * created through the API would be numbered 00001 again and collide with a seeded one.
 */
export async function setDocumentSequences(
  manager: EntityManager,
  schema: string,
  sequences: readonly DocumentSequence[],
): Promise<void> {
  await manager.query(
    `INSERT INTO "${schema}".document_sequence (organization_id, kind, next_value)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::integer[])
     ON CONFLICT (organization_id, kind) DO UPDATE SET next_value = EXCLUDED.next_value`,
    [
      sequences.map((sequence) => sequence.organizationId),
      sequences.map((sequence) => sequence.kind),
      sequences.map((sequence) => sequence.nextValue),
    ],
  );
}
