import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { logger } from '../shared/logger';
import { registeredRequest } from './partnerRequests';
import { parseManifest, PersistedQueryList, sha256 } from './persistedQueryList';

const BODY = 'query PartnerDepartments {\n  departments {\n    id\n    __typename\n  }\n}';
const manifest = (operations: unknown[]) =>
  JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations });
const operation = { id: sha256(BODY), name: 'PartnerDepartments', type: 'query', body: BODY };

describe('parseManifest', () => {
  it("reads Apollo's format, keyed by id", () => {
    expect(parseManifest(manifest([operation])).get(operation.id)).toEqual(operation);
  });

  it('refuses another format or version, a malformed entry, and an id that is not its hash', () => {
    expect(() => parseManifest('{')).toThrow(/not JSON/);
    expect(() =>
      parseManifest(JSON.stringify({ format: 'other', version: 1, operations: [] })),
    ).toThrow(/version 1/);
    expect(() => parseManifest(manifest([{ ...operation, type: 'fragment' }]))).toThrow(
      /operation 0/,
    );
    expect(() => parseManifest(manifest([{ ...operation, id: sha256('x') }]))).toThrow(
      /PartnerDepartments's id/,
    );
  });
});

describe('registeredRequest', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pq-')), 'manifest.json');
  fs.writeFileSync(file, manifest([operation]));
  const list = new PersistedQueryList(file, logger('test'));
  afterAll(() => list.close());
  const persisted = (sha256Hash: unknown, version: unknown = 1) => ({
    persistedQuery: { version, sha256Hash },
  });
  const codeOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return (error as { extensions: { code: string } }).extensions.code;
    }
    return null;
  };

  it('puts the registered body and name in place of the id, and drops the extension', () => {
    const request = registeredRequest(
      { variables: { a: 1 }, extensions: { ...persisted(operation.id), other: true } },
      list,
    );
    expect(request).toEqual({
      query: BODY,
      operationName: 'PartnerDepartments',
      variables: { a: 1 },
      extensions: { other: true },
    });
    expect(
      registeredRequest({ query: BODY, extensions: persisted(operation.id) }, list).query,
    ).toBe(BODY);
  });

  it('refuses text without an id, an unknown id, text that is not the id’s, another version', () => {
    expect(codeOf(() => registeredRequest({ query: BODY }, list))).toBe(
      'PERSISTED_QUERY_ID_REQUIRED',
    );
    expect(codeOf(() => registeredRequest({ extensions: persisted(sha256('x')) }, list))).toBe(
      'PERSISTED_QUERY_NOT_IN_LIST',
    );
    expect(
      codeOf(() =>
        registeredRequest({ query: `${BODY} `, extensions: persisted(operation.id) }, list),
      ),
    ).toBe('PERSISTED_QUERY_HASH_MISMATCH');
    expect(codeOf(() => registeredRequest({ extensions: persisted(operation.id, 2) }, list))).toBe(
      'BAD_REQUEST',
    );
  });
});
