/**
 * The executor Apollo Server runs operations with: queries through graphql-jit (each document
 * compiled once into a function specialised to its selection, measured faster than graphql-js's
 * field-by-field walk on lists and nested reads: README, "The read engine on the Node side"),
 * everything else through graphql-js exactly as Apollo would. Apollo Server 5 has no executor option;
 * its gateway interface (`load()` returning an `executor`) is the one hook, and Apollo still parses,
 * validates, runs every plugin and formats every error around it.
 *
 * The compiled functions are derived from the schema and the document only (no data, nothing about a
 * request), held in a bounded LRU like Apollo's own parsed-document cache: the process keeps no state
 * of its own.
 */
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { makeExecutableSchema, type IExecutableSchemaDefinition } from '@graphql-tools/schema';
import {
  execute,
  getVariableValues,
  GraphQLError,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
  valueFromASTUntyped,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import { coercedVariables } from './variables.js';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];

/** Distinct (document, operation) pairs kept compiled; a client's fixed set of queries fits many times over. */
export const compiledQueryCacheSize = 500;

/** Introspection (the playground's schema fetch) is rare and graphql-js answers it exactly as before. */
function isIntrospection(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && selection.name.value.startsWith('__'),
  );
}

/**
 * graphql-jit reports an error thrown by a resolver as its own error object with the thrown error
 * as `originalError`; Apollo's formatting (and ours) expects what graphql-js builds: a GraphQLError
 * located at the field, carrying the thrown error's message and extensions.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const original = error.originalError;
  const located = new GraphQLError(error.message, {
    path: error.path,
    originalError: original ?? undefined,
    extensions: original instanceof GraphQLError ? original.extensions : error.extensions,
  });
  if (error.locations) Object.defineProperty(located, 'locations', { value: error.locations, enumerable: true });
  return located;
}

/**
 * The operation's variables with each omitted one that has a default given that default, as a client
 * would send it: graphql-jit's own coercion reports a required variable with a default as missing.
 */
function withDefaults(
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): Record<string, unknown> {
  let filled = variables ?? {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (definition.defaultValue && !(name in filled)) {
      filled = { ...filled, [name]: valueFromASTUntyped(definition.defaultValue) };
    }
  }
  return filled;
}

export class JitExecutor {
  readonly schema: GraphQLSchema;
  private readonly compiled = new LRUCache<string, CompiledQuery>({ max: compiledQueryCacheSize });

  constructor(definition: IExecutableSchemaDefinition) {
    this.schema = makeExecutableSchema(definition);
  }

  private compile(key: string, document: DocumentNode, operationName: string | undefined): CompiledQuery | null {
    const cached = this.compiled.get(key);
    if (cached) return cached;
    const compiled = compileQuery(this.schema, document, operationName, { disablingCapturingStackErrors: true });
    if (!isCompiledQuery(compiled)) return null;
    this.compiled.set(key, compiled);
    return compiled;
  }

  async run(
    query: string | undefined,
    document: DocumentNode,
    operation: OperationDefinitionNode | undefined,
    operationName: string | undefined,
    variables: Record<string, unknown> | undefined,
    contextValue: unknown,
  ): Promise<ExecutionResult> {
    const viaGraphQLJs = () =>
      execute({ schema: this.schema, document, contextValue, variableValues: variables, operationName });
    if (!operation || operation.operation !== OperationTypeNode.QUERY || query === undefined) return viaGraphQLJs();
    if (isIntrospection(operation)) return viaGraphQLJs();
    // Invalid variables are answered by graphql-js, word for word as before (Apollo turns them into 400s).
    // The cost limit coerced them already for this request (./variables.ts); that result is reused.
    const coerced =
      typeof contextValue === 'object' && contextValue !== null
        ? coercedVariables(contextValue, this.schema, operation, variables)
        : getVariableValues(this.schema, operation.variableDefinitions ?? [], variables ?? {});
    if (coerced.errors) return viaGraphQLJs();
    const compiled = this.compile(`${operationName ?? ''}\n${query}`, document, operationName);
    if (!compiled) return viaGraphQLJs();
    const result = await compiled.query(undefined, contextValue, withDefaults(operation, variables));
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
  }

  /** The gateway Apollo Server is given instead of `typeDefs` and `resolvers`. */
  gateway(): Gateway {
    return {
      onSchemaLoadOrUpdate: (callback) => {
        callback({ apiSchema: this.schema, coreSupergraphSdl: '' });
        return () => undefined;
      },
      load: () =>
        Promise.resolve({
          executor: (request) =>
            this.run(
              request.source,
              request.document,
              request.operation,
              request.request.operationName,
              request.request.variables,
              request.context,
            ),
        }),
      stop: () => Promise.resolve(),
    };
  }
}
