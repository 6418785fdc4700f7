import { allow, deny, shield, IRules } from 'graphql-shield';
import { forbidden } from './errors';

type RuleTypeMap = Exclude<IRules, { resolve: unknown }> & Record<string, unknown>;

/**
 * The permission layer every subgraph applies: anything without a rule is denied. The federation
 * entry points stay open because `_entities` reaches entity types without passing through other
 * Query fields; the rules on those types' fields are what guard them.
 */
export function createPermissions(rules: RuleTypeMap) {
  const query = (rules.Query ?? {}) as Record<string, unknown>;
  return shield(
    { ...rules, Query: { ...query, _service: allow, _entities: allow }, _Service: allow } as IRules,
    {
      fallbackRule: deny,
      fallbackError: () => forbidden(),
      // Resolver errors (BAD_USER_INPUT, NOT_FOUND) are the client's to see, not permission failures.
      allowExternalErrors: true,
      debug: false,
    },
  );
}
