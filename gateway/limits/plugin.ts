import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Config } from '../../shared/config';
import { fragmentsOf, operationCost } from './measure';
import { LimitExceeded } from './refusals';

/** Every list anywhere in a variable's value, with where it is (`$input.lines`). */
function* listsIn(value: unknown, path: string): Generator<{ path: string; length: number }> {
  if (Array.isArray(value)) {
    yield { path, length: value.length };
    for (const [index, item] of value.entries()) yield* listsIn(item, `${path}[${index}]`);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) yield* listsIn(item, `${path}.${key}`);
  }
}

/**
 * Limits that depend on the request's variables as well as its document, which validation rules
 * cannot see: the length of a list sent as a variable, and the cost, which grows with a page size
 * given as a variable. They run once the operation is known and before anything is executed.
 */
export function limitPlugin<Context extends BaseContext>(
  edge: Config['edge'],
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema }) {
          const variables = request.variables ?? {};
          for (const [name, value] of Object.entries(variables)) {
            for (const list of listsIn(value, `$${name}`)) {
              if (list.length > edge.maxListArgumentLength) {
                throw new LimitExceeded(
                  'LIST_ARGUMENT_TOO_LONG',
                  `${list.path} holds ${list.length} items, over the limit of ${edge.maxListArgumentLength}`,
                  edge.exposeLimits,
                );
              }
            }
          }
          // Without an operation (an operationName the document lacks) nothing will run.
          if (!operation) return;
          const cost = operationCost(operation, fragmentsOf(document), schema, variables);
          if (cost > edge.maxCost) {
            throw new LimitExceeded(
              'QUERY_TOO_COMPLEX',
              `cost ${cost} exceeds the limit of ${edge.maxCost}`,
              edge.exposeLimits,
              operation,
            );
          }
        },
      };
    },
  };
}
