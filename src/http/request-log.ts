/**
 * One log line per request: its id (also sent back as `x-request-id`), method and path, the
 * GraphQL operation name, the status, how long it took, how many Cypher queries it ran, and its
 * outcome with the error codes. Never the query's variables: they can hold anything.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Logger } from '../logger.js';

/** What Apollo learns about a request that the log line needs. */
export interface RequestRecord {
  operationName?: string | null;
  errorCodes: string[];
}

const records = new WeakMap<object, RequestRecord>();

export function recordOf(context: object): RequestRecord {
  let record = records.get(context);
  if (!record) {
    record = { errorCodes: [] };
    records.set(context, record);
  }
  return record;
}

/** An error's own code: a limit's code survives Apollo's wrapping as GRAPHQL_VALIDATION_FAILED. */
export function ownCode(error: GraphQLError): string | undefined {
  const original = error.originalError;
  if (original instanceof GraphQLError && typeof original.extensions.code === 'string') return original.extensions.code;
  return typeof error.extensions.code === 'string' ? error.extensions.code : undefined;
}

/**
 * Fills the record of each request. Apollo hands plugins a shallow copy of the context, so the
 * record is keyed by an object the copy shares with the original (`keyOf`).
 */
export function requestRecordPlugin<C extends object>(keyOf: (context: C) => object): ApolloServerPlugin<C> {
  return {
    requestDidStart: ({ contextValue, request }) => {
      const record = recordOf(keyOf(contextValue));
      record.operationName = request.operationName;
      return Promise.resolve({
        didResolveOperation: ({ operationName }) => {
          if (operationName) record.operationName = operationName;
          return Promise.resolve();
        },
        didEncounterErrors: ({ errors }) => {
          record.errorCodes.push(...errors.map((error) => ownCode(error) ?? 'INTERNAL_SERVER_ERROR'));
          return Promise.resolve();
        },
      });
    },
  };
}

export interface RequestLogLine {
  requestId: string;
  method?: string;
  path: string;
  status: number;
  durationMs: number;
  operationName?: string | null;
  cypherQueries?: number;
  errorCodes?: string[];
}

export function logRequest(logger: Logger, line: RequestLogLine): void {
  const outcome =
    line.status >= 500 ? 'server error' : line.status >= 400 ? 'refused' : line.errorCodes?.length ? 'partial' : 'ok';
  const fields = {
    ...line,
    durationMs: Math.round(line.durationMs * 10) / 10,
    errorCodes: line.errorCodes?.length ? [...new Set(line.errorCodes)] : undefined,
    outcome,
  };
  const message = `${line.method} ${line.path} ${line.status}${line.operationName ? ` ${line.operationName}` : ''}`;
  if (line.status >= 500 && line.status !== 503) logger.error(fields, message);
  else if (line.status >= 500) logger.warn(fields, message);
  else logger.info(fields, message);
}
