import fs from 'node:fs';
import path from 'node:path';
import { config } from '../shared/config';
import { SUPERGRAPH_FILE } from '../gateway/server';
import { composeSupergraph } from './composeSupergraph';

const target = path.join(config().projectRoot, SUPERGRAPH_FILE);
fs.writeFileSync(target, composeSupergraph());
console.log(`Wrote ${path.relative(process.cwd(), target) || target}`);
