/**
 * Who may run what, decided once the operation is known and before anything executes: mutations
 * need a write token; queries need a read or write token when READ_TOKENS are configured. Missing
 * credentials answer HTTP 401 UNAUTHENTICATED, a token that is not valid for the operation HTTP 403
 * FORBIDDEN. Works on any transport: it reads only what the context function took from the headers.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';
import type { Authentication, Tokens } from './tokens.js';

/** What the plugin reads of a request's context (../context.ts builds it from the headers). */
export interface AuthorizationContext {
  auth: Authentication;
  /** A problem with the request's headers, reported before anything runs. */
  headerProblem?: string;
}

const challenge = () => new Map([['www-authenticate', 'Bearer realm="newsgraph"']]);

export const unauthenticated = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401, headers: challenge() } } });

export const forbidden = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });

export function authorizationPlugin<C extends AuthorizationContext>(tokens: Tokens): ApolloServerPlugin<C> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation: ({ operation, contextValue }) => {
          const { auth } = contextValue;
          if (contextValue.headerProblem) {
            throw new GraphQLError(contextValue.headerProblem, {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
          const need =
            operation?.operation === OperationTypeNode.MUTATION ? 'write' : tokens.readRequired ? 'read' : null;
          if (auth.malformed) throw unauthenticated(auth.malformed);
          if (auth.presented && !auth.identity) throw forbidden('The bearer token is not valid.');
          if (need === null) return Promise.resolve();
          if (!auth.identity) {
            throw unauthenticated(
              need === 'write'
                ? 'Writes need a write token: send "Authorization: Bearer <token>".'
                : 'Reads need a token on this server: send "Authorization: Bearer <token>".',
            );
          }
          if (need === 'write' && auth.identity.scope !== 'write') {
            throw forbidden(`The token "${auth.identity.name}" may read but not write.`);
          }
          return Promise.resolve();
        },
      }),
  };
}
