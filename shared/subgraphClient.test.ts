import { refusalsOf, SubgraphCallFailed } from './subgraphClient';

const failed = (status: number, ...codes: (string | undefined)[]) =>
  new SubgraphCallFailed(
    'desk',
    codes.map((code, i) => ({ message: `error ${i}`, extensions: code ? { code } : undefined })),
    status,
  );

describe('refusalsOf', () => {
  it('returns the errors the other service wrote for the client, with their codes', () => {
    const refusals = refusalsOf(failed(200, 'FORBIDDEN', 'INTERNAL_SERVER_ERROR', 'NOT_FOUND'));
    expect(refusals.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'NOT_FOUND']);
    expect(refusalsOf(failed(400, 'BAD_USER_INPUT'))).toHaveLength(1);
  });

  it('finds none in a failure: a 5xx, an internal error, a malformed query, anything else', () => {
    expect(refusalsOf(failed(502, 'FORBIDDEN'))).toEqual([]);
    expect(refusalsOf(failed(200, 'INTERNAL_SERVER_ERROR'))).toEqual([]);
    expect(refusalsOf(failed(200, undefined))).toEqual([]);
    expect(refusalsOf(failed(400, 'GRAPHQL_VALIDATION_FAILED'))).toEqual([]);
    expect(refusalsOf(new Error('ECONNREFUSED'))).toEqual([]);
    expect(refusalsOf('nope')).toEqual([]);
  });
});
