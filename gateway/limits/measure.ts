import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  SchemaMetaFieldDef,
  type SelectionSetNode,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type ValueNode,
} from 'graphql';

export type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

/** Arguments that say how many items a field returns: the page of a list or of a connection. */
export const PAGE_SIZE_ARGUMENTS: ReadonlySet<string> = new Set(['first', 'limit', 'pageSize']);

/** What a list without a page size is taken to hold; the subgraphs' default page is of this order. */
export const DEFAULT_LIST_SIZE = 10;

export function fragmentsOf(document: DocumentNode): Fragments {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/**
 * Folds every field of a selection set, following inline fragments and fragment spreads where they
 * are used. A fragment is measured once per key and remembered, so a document that spreads a
 * fragment many times (or fragments that spread each other twice over) costs linear work to
 * measure. A fragment cycle or an unknown fragment, which graphql's own rules refuse, counts as
 * empty, so the walk always ends.
 */
function fragmentWalker<State>(
  fragments: Fragments,
  measureFragment: (fragment: FragmentDefinitionNode, state: State) => number,
  keyOf: (name: string, state: State) => string,
) {
  const measured = new Map<string, number>();
  const inProgress = new Set<string>();
  return (name: string, state: State): number => {
    const key = keyOf(name, state);
    const known = measured.get(key);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(name)) return 0;
    inProgress.add(name);
    const value = measureFragment(fragment, state);
    inProgress.delete(name);
    measured.set(key, value);
    return value;
  };
}

/** How many fields deep an operation goes: `{ tickets { nodes { id } } }` is 3. */
export function operationDepth(operation: OperationDefinitionNode, fragments: Fragments): number {
  const depth = (selectionSet: SelectionSetNode): number => {
    let deepest = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        deepest = Math.max(
          deepest,
          1 + (selection.selectionSet ? depth(selection.selectionSet) : 0),
        );
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depth(selection.selectionSet));
      } else {
        deepest = Math.max(deepest, fragmentDepth(selection.name.value, null));
      }
    }
    return deepest;
  };
  const fragmentDepth = fragmentWalker<null>(
    fragments,
    (fragment) => depth(fragment.selectionSet),
    (name) => name,
  );
  return depth(operation.selectionSet);
}

/** Aliased fields the operation executes, a fragment's counted each time it is spread. */
export function operationAliases(operation: OperationDefinitionNode, fragments: Fragments): number {
  const aliases = (selectionSet: SelectionSetNode): number => {
    let count = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        count +=
          (selection.alias ? 1 : 0) +
          (selection.selectionSet ? aliases(selection.selectionSet) : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        count += aliases(selection.selectionSet);
      } else {
        count += fragmentAliases(selection.name.value, null);
      }
    }
    return count;
  };
  const fragmentAliases = fragmentWalker<null>(
    fragments,
    (fragment) => aliases(fragment.selectionSet),
    (name) => name,
  );
  return aliases(operation.selectionSet);
}

function fieldDefinition(
  schema: GraphQLSchema,
  parent: GraphQLNamedType | undefined,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (parent === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  if (isObjectType(parent) || isInterfaceType(parent)) return parent.getFields()[name];
  return undefined;
}

/**
 * The page size a field asks for: a literal, the request's value of a variable or that variable's
 * default. Anything else (absent, null, not a whole number) leaves the default list size.
 */
function pageSizeOf(
  field: FieldNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
): number | undefined {
  const argument = field.arguments?.find((a) => PAGE_SIZE_ARGUMENTS.has(a.name.value));
  if (!argument) return undefined;
  const wholeNumber = (value: unknown) =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
  const literal = (value: ValueNode | undefined) =>
    value?.kind === Kind.INT ? wholeNumber(Number(value.value)) : undefined;
  if (argument.value.kind !== Kind.VARIABLE) return literal(argument.value);
  const name = argument.value.name.value;
  if (variables[name] !== undefined) return wholeNumber(variables[name]);
  const definition = operation.variableDefinitions?.find((d) => d.variable.name.value === name);
  return literal(definition?.defaultValue);
}

/**
 * What an operation may cost the graph to answer, before it runs. Each field costs 1, multiplied
 * by the page size of every list it sits in:
 * - a paginated field (one whose definition takes `first`, `limit` or `pageSize`) multiplies what
 *   is under it by that argument's value, or by DEFAULT_LIST_SIZE when the client gives none;
 * - any other list multiplies what is under it by DEFAULT_LIST_SIZE;
 * - a list directly inside a paginated field that is not a list itself (a connection's `nodes`
 *   or `edges`) is that page, so it multiplies nothing more.
 * `{ tickets(first: 5) { totalCount nodes { id subject } } }` costs 1 + 5 × (1 + 1 + 1 × (1 + 1))
 * = 21. Introspection is measured like any other query.
 */
export function operationCost(
  operation: OperationDefinitionNode,
  fragments: Fragments,
  schema: GraphQLSchema,
  variables: Readonly<Record<string, unknown>> = {},
): number {
  interface Place {
    parent: GraphQLNamedType | undefined;
    /** Directly inside a paginated field that is not a list: a list here is its page. */
    inPage: boolean;
  }
  const cost = (selectionSet: SelectionSetNode, place: Place): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        total += 1 + fieldChildrenCost(selection, place);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value;
        const parent = condition ? schema.getType(condition) : place.parent;
        total += cost(selection.selectionSet, { ...place, parent });
      } else {
        total += fragmentCost(selection.name.value, place);
      }
    }
    return total;
  };
  const fieldChildrenCost = (field: FieldNode, place: Place): number => {
    if (!field.selectionSet) return 0;
    const definition = fieldDefinition(schema, place.parent, field.name.value);
    if (!definition) return cost(field.selectionSet, { parent: undefined, inPage: false });
    const list = isListType(getNullableType(definition.type));
    const paginated = definition.args.some((a) => PAGE_SIZE_ARGUMENTS.has(a.name));
    let multiplier = 1;
    if (paginated) multiplier = pageSizeOf(field, operation, variables) ?? DEFAULT_LIST_SIZE;
    else if (list && !place.inPage) multiplier = DEFAULT_LIST_SIZE;
    const parent = getNamedType(definition.type);
    return multiplier * cost(field.selectionSet, { parent, inPage: paginated && !list });
  };
  const fragmentCost = fragmentWalker<Place>(
    fragments,
    (fragment, place) =>
      cost(fragment.selectionSet, {
        parent: schema.getType(fragment.typeCondition.name.value),
        inPage: place.inPage,
      }),
    (name, place) => `${name}:${place.inPage}`,
  );
  return cost(operation.selectionSet, {
    parent: schema.getRootType(operation.operation) ?? undefined,
    inPage: false,
  });
}
