import fs from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import type { GraphQLSchema } from 'graphql';
import { SUPERGRAPH_FILE } from '../gateway/server';

/**
 * What clients of the gateway can ask: the committed supergraph's API schema, without the
 * federation machinery and without `@inaccessible` fields such as desk's service-only lookups.
 */
export function apiSchema(): GraphQLSchema {
  const root = path.resolve(__dirname, '..');
  const sdl = fs.readFileSync(path.join(root, SUPERGRAPH_FILE), 'utf8');
  return Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
}
