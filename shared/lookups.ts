import { isNotFound } from './errors';

/** A missing record is null for a single lookup; only malformed input is an error. */
export function orNull<T>(promise: Promise<T>): Promise<T | null> {
  return promise.catch((error: unknown) => {
    if (isNotFound(error)) return null;
    throw error;
  });
}

/** An ILIKE pattern matching `search` anywhere, its own wildcards taken literally. */
export function likePattern(search: string): string {
  return `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
