import fs from 'node:fs';
import path from 'node:path';
import { config } from '../shared/config';
import { SUPERGRAPH_FILE } from '../gateway/server';
import { composeSupergraph } from '../scripts/composeSupergraph';

describe('supergraph.graphql', () => {
  it('is what composing the subgraphs gives today (run `npm run compose` when this fails)', () => {
    const committed = fs.readFileSync(path.join(config().projectRoot, SUPERGRAPH_FILE), 'utf8');
    expect(composeSupergraph()).toBe(committed);
  });

  it('puts Ticket, Contact and Account in the graph as desk entities', () => {
    const sdl = composeSupergraph();
    for (const type of ['Ticket', 'Contact', 'Account']) {
      // Every subgraph that extends the type joins it; desk's join is the one that owns it.
      const joins = new RegExp(`type ${type}((?:\\s+@join__type\\([^)]*\\))+)`).exec(sdl)?.[1];
      expect(joins).toContain('@join__type(graph: DESK, key: "id")');
    }
  });
});
