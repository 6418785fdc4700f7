import { badUserInput } from './errors';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T, E extends Edge<T> = Edge<T>> {
  edges: E[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Resolved lazily by GraphQL's default resolver, so a count is only run when asked for. */
  totalCount: () => Promise<number>;
}

export interface PageLimits {
  defaultPageSize: number;
  maxPageSize: number;
}

export type CursorValue = string | number;

/** The requested page size, refused rather than silently clamped when out of range. */
export function pageSize(first: number | null | undefined, limits: PageLimits): number {
  if (first === null || first === undefined) return limits.defaultPageSize;
  if (!Number.isInteger(first) || first < 1 || first > limits.maxPageSize) {
    throw badUserInput(`first must be between 1 and ${limits.maxPageSize}, got ${first}`, {
      argument: 'first',
    });
  }
  return first;
}

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): CursorValue[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      return values as CursorValue[];
    }
  } catch {
    // falls through to the error below
  }
  throw notOurCursor(cursor);
}

const notOurCursor = (cursor: string) =>
  badUserInput(`after is not a cursor this list produced: "${cursor}"`, { argument: 'after' });

/** PostgreSQL's data exceptions (class 22): a value it cannot read as the column's type. */
const isDataException = (error: unknown): boolean => {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('22');
};

/**
 * A cursor decodes to values, but only the database knows whether they fit the columns they are
 * compared with; a well-formed cursor holding, say, a word where a date belongs is the client's
 * mistake, refused as such rather than reported as an internal error.
 */
export function withCursor<T>(after: string | null | undefined, query: Promise<T>): Promise<T> {
  if (!after) return query;
  return query.catch((error: unknown) => {
    throw isDataException(error) ? notOurCursor(after) : error;
  });
}

/** Turns `size + 1` fetched rows into a page: the extra row only says whether more exist. */
export function toConnection<T>(
  rows: T[],
  size: number,
  cursorOf: (row: T) => CursorValue[],
  totalCount: () => Promise<number>,
): Connection<T> {
  const page = rows.slice(0, size);
  const edges = page.map((node) => ({ cursor: encodeCursor(cursorOf(node)), node }));
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage: rows.length > size,
      endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null,
    },
    totalCount,
  };
}
