import fs from 'node:fs';
import path from 'node:path';
import { SUPERGRAPH_FILE } from '../gateway/server';
import { SUBGRAPHS } from '../subgraphs';

/** The compiled services read their schema files next to their code, as the sources do. */
const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
for (const subgraph of SUBGRAPHS) {
  const relative = path.join('subgraphs', subgraph.name, 'schema.graphql');
  fs.copyFileSync(path.join(root, relative), path.join(dist, relative));
}
fs.copyFileSync(path.join(root, SUPERGRAPH_FILE), path.join(dist, SUPERGRAPH_FILE));
const shared = path.join('shared', 'jobs', 'syncRun.graphql');
fs.copyFileSync(path.join(root, shared), path.join(dist, shared));
// Partners' registered operations; PERSISTED_QUERY_MANIFEST can point a gateway elsewhere.
const manifest = path.join('operations', 'partners', 'persisted-query-manifest.json');
fs.mkdirSync(path.dirname(path.join(dist, manifest)), { recursive: true });
fs.copyFileSync(path.join(root, manifest), path.join(dist, manifest));
// The built console, which a gateway serves with CONSOLE_ENABLED (or CONSOLE_DIST_DIR elsewhere).
const consoleDist = path.join('console', 'dist');
fs.cpSync(path.join(root, consoleDist), path.join(dist, consoleDist), { recursive: true });
