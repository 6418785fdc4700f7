/** The document kinds numbered per organization, as the prefixes of their numbers. */
const DOCUMENT_KINDS = ['SO', 'INV', 'PKG', 'RMA'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A row of `inventory.document_sequence`, which has no entity: only SQL reads and bumps it. */
export interface DocumentSequence {
  organizationId: string;
  kind: DocumentKind;
  nextValue: number;
}

/** "SO-00001", as the product numbers documents. */
function documentNumber(kind: DocumentKind, value: number): string {
  return `${kind}-${String(value).padStart(5, '0')}`;
}

/**
 * Numbers each organization's documents in the order they were created, oldest first, as the
 * product would have handed the numbers out; returns them in that order.
 */
export function numberByCreation<T>(
  documents: readonly T[],
  kind: DocumentKind,
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
  numbered: Record<DocumentKind, readonly { organizationId: string; number: string }[]>,
): DocumentSequence[] {
  return organizationIds.flatMap((organizationId) =>
    DOCUMENT_KINDS.map((kind): DocumentSequence => {
      const values = numbered[kind]
        .filter((document) => document.organizationId === organizationId)
        .map((document) => Number(document.number.slice(kind.length + 1)));
      return { organizationId, kind, nextValue: Math.max(0, ...values) + 1 };
    }),
  );
}
