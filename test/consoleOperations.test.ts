import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, validate } from 'graphql';
import { apiSchema } from '../scripts/apiSchema';

/**
 * The console's operations (console/src/operations/*.graphql) checked against what clients can
 * ask of the gateway: the supergraph's API schema, which leaves out `@inaccessible` fields such as
 * desk's service-only lookups, so an operation using one fails here as it would in the browser.
 */

const ROOT = path.resolve(__dirname, '..');
const OPERATIONS_DIR = path.join(ROOT, 'console', 'src', 'operations');

const files = fs
  .readdirSync(OPERATIONS_DIR)
  .filter((file) => file.endsWith('.graphql'))
  .sort();

describe('console operations', () => {
  const schema = apiSchema();

  it('has operations to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files)('%s is one named operation, valid against the API schema', (file) => {
    const document = parse(fs.readFileSync(path.join(OPERATIONS_DIR, file), 'utf8'));
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    expect(operations).toHaveLength(1);
    // The file is named after its operation, so an error names where to look.
    expect(operations[0].name?.value).toBe(path.basename(file, '.graphql'));
    expect(validate(schema, document).map((e) => e.message)).toEqual([]);
  });

  it('refuses what clients cannot ask, so the check can fail', () => {
    const inaccessible = parse('query { agentCredential(email: "a@b.c") { agentId } }');
    const unknown = parse('query { ticket(id: "1") { noSuchField } }');
    expect(validate(schema, inaccessible)).not.toHaveLength(0);
    expect(validate(schema, unknown)).not.toHaveLength(0);
  });
});
