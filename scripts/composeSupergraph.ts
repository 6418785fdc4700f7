import { composeServices } from '@apollo/composition';
import { config } from '../shared/config';
import { SUBGRAPHS } from '../subgraphs';

/** Composes every subgraph's schema.graphql into the supergraph SDL the gateway loads. */
export function composeSupergraph(): string {
  const result = composeServices(
    SUBGRAPHS.map((subgraph) => ({
      name: subgraph.name,
      typeDefs: subgraph.typeDefs,
      url: `http://localhost:${config().subgraphs[subgraph.name].port}/graphql`,
    })),
  );
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  }
  return result.supergraphSdl;
}
