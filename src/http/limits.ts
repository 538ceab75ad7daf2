/**
 * Request limits checked while a query is validated: depth, aliases and directives (each with its
 * own error code), and no operation type the schema does not have (subscriptions).
 *
 * Each fragment is measured once and its figures reused wherever it is spread, so the work is
 * linear in the size of the document however fragments spread one another (graphql-armor's rules
 * did the same job but recursed without a bound and reported every limit as one code).
 * Spreading a fragment N times counts its aliases and directives N times: that is the work the
 * server would do.
 */
import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
}

interface Measure {
  depth: number;
  aliases: number;
  directives: number;
}

const zero: Measure = { depth: 0, aliases: 0, directives: 0 };

export function measureSelections(
  selectionSet: SelectionSetNode,
  fragments: (name: string) => FragmentDefinitionNode | undefined,
): Measure {
  const memo = new Map<string, Measure | 'measuring'>();
  const fragment = (name: string): Measure => {
    const known = memo.get(name);
    // A cycle is reported by graphql's own NoFragmentCyclesRule; here it simply counts nothing.
    if (known === 'measuring') return zero;
    if (known) return known;
    const definition = fragments(name);
    if (!definition) return zero;
    memo.set(name, 'measuring');
    const own = walk(definition.selectionSet);
    const measured = { ...own, directives: own.directives + (definition.directives?.length ?? 0) };
    memo.set(name, measured);
    return measured;
  };
  const walk = (set: SelectionSetNode): Measure => {
    const total = { depth: 0, aliases: 0, directives: 0 };
    for (const selection of set.selections) {
      total.directives += selection.directives?.length ?? 0;
      let inner: Measure = zero;
      let levels = 0;
      if (selection.kind === Kind.FIELD) {
        // Introspection (GraphiQL's schema query) is deep by nature and costs no Cypher.
        if (selection.name.value === '__schema' || selection.name.value === '__type') continue;
        levels = 1;
        if (selection.alias && selection.name.value !== '__typename') total.aliases += 1;
        if (selection.selectionSet) inner = walk(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = walk(selection.selectionSet);
      } else {
        inner = fragment(selection.name.value);
      }
      total.depth = Math.max(total.depth, levels + inner.depth);
      total.aliases += inner.aliases;
      total.directives += inner.directives;
    }
    return total;
  };
  return walk(selectionSet);
}

export function queryLimitsRule(limits: QueryLimits) {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(operation) {
      if (operation.operation !== OperationTypeNode.QUERY && !context.getSchema().getRootType(operation.operation)) {
        context.reportError(
          new GraphQLError(`This API has no ${operation.operation} operations.`, {
            nodes: operation,
            extensions: { code: 'OPERATION_NOT_SUPPORTED' },
          }),
        );
        return;
      }
      const measure = measureSelections(operation.selectionSet, (name) => context.getFragment(name) ?? undefined);
      const report = (code: string, what: string, found: number, limit: number) =>
        context.reportError(
          new GraphQLError(`The query's ${what} is ${found}, more than the limit of ${limit}.`, {
            nodes: operation,
            extensions: { code, found, limit },
          }),
        );
      if (measure.depth > limits.maxDepth) report('QUERY_TOO_DEEP', 'depth', measure.depth, limits.maxDepth);
      if (measure.aliases > limits.maxAliases)
        report('TOO_MANY_ALIASES', 'number of aliases', measure.aliases, limits.maxAliases);
      if (measure.directives > limits.maxDirectives)
        report('TOO_MANY_DIRECTIVES', 'number of directives', measure.directives, limits.maxDirectives);
    },
  });
}
