import type { ValidationRule } from 'graphql';
import type { Config } from '../../shared/config';
import { fragmentsOf, operationAliases, operationDepth } from './measure';
import { LimitExceeded } from './refusals';

/**
 * Limits that depend on the document alone, so they run with graphql's validation: once per
 * document, as Apollo keeps validated documents.
 */
export function limitRules(edge: Config['edge']): ValidationRule[] {
  const depth: ValidationRule = (context) => {
    const fragments = fragmentsOf(context.getDocument());
    return {
      OperationDefinition(operation) {
        const measured = operationDepth(operation, fragments);
        if (measured > edge.maxDepth) {
          context.reportError(
            new LimitExceeded(
              'QUERY_TOO_DEEP',
              `depth ${measured} exceeds the limit of ${edge.maxDepth}`,
              edge.exposeLimits,
              operation,
            ),
          );
        }
        return false;
      },
    };
  };

  const aliases: ValidationRule = (context) => {
    const fragments = fragmentsOf(context.getDocument());
    return {
      OperationDefinition(operation) {
        const measured = operationAliases(operation, fragments);
        if (measured > edge.maxAliases) {
          context.reportError(
            new LimitExceeded(
              'TOO_MANY_ALIASES',
              `${measured} aliases exceed the limit of ${edge.maxAliases}`,
              edge.exposeLimits,
              operation,
            ),
          );
        }
        return false;
      },
    };
  };

  // Lists written into the document; lists sent as variables are checked per request (plugin.ts).
  const listLiterals: ValidationRule = (context) => ({
    ListValue(list) {
      if (list.values.length > edge.maxListArgumentLength) {
        context.reportError(
          new LimitExceeded(
            'LIST_ARGUMENT_TOO_LONG',
            `a list of ${list.values.length} items exceeds the limit of ${edge.maxListArgumentLength}`,
            edge.exposeLimits,
            list,
          ),
        );
      }
    },
  });

  return [depth, aliases, listLiterals];
}
