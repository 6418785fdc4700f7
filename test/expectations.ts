import { randomUUID } from 'node:crypto';
import type { GraphQLResponse } from './harness';

export type Path = (string | number)[];

export function errorCodes(res: GraphQLResponse<unknown>): unknown[] {
  return (res.errors ?? []).map((error) => error.extensions?.code);
}

/** Exactly one error, with this code and (when given) at this path. */
export function expectError(res: GraphQLResponse<unknown>, code: string, path?: Path): void {
  expect(errorCodes(res)).toEqual([code]);
  if (path) expect(res.errors?.[0].path).toEqual(path);
}

export function expectNoErrors(res: GraphQLResponse<unknown>): void {
  expect(res.errors ?? []).toEqual([]);
  expect(res.status).toBe(200);
}

/** A unique name, so that reruns and other test files never collide with what one writes. */
export const unique = (label: string): string => `${label} ${randomUUID().slice(0, 8)}`;
