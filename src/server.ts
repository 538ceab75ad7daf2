/**
 * HTTP wiring: express serves GraphQL (Apollo Server 5) at /graphql. Cypher lives in the domain
 * modules, GraphQL shape in schema/; this file only connects them to the network.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { createContext, type Context } from './context.js';
import type { Logger } from './logger.js';
import { costLimitPlugin } from './http/cost.js';
import { playgroundRouter } from './http/playground.js';
import { loadTypeDefs, resolvers } from './schema.js';

export interface ServerOptions {
  driver: Driver;
  database?: string;
  logger: Logger;
  /** The most objects one request may return (see ./http/cost.ts). */
  maxQueryCost?: number;
}

export interface RunningServer {
  url: string;
  httpServer: http.Server;
  close(): Promise<void>;
}

/** Errors the client caused keep their message; anything else is masked and logged in full. */
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    if (original instanceof GraphQLError || (code && code !== 'INTERNAL_SERVER_ERROR')) return formatted;
    logger.error({ err: original, path: formatted.path }, 'internal error while resolving a request');
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/**
 * Reports in each response's `extensions` how many Cypher queries it took: the number a client can
 * watch to see that batching holds (it stays flat as lists grow).
 */
const cypherQueryCount: ApolloServerPlugin<Context> = {
  requestDidStart: () =>
    Promise.resolve({
      willSendResponse: ({ response, contextValue }) => {
        if (response.body.kind === 'single') {
          response.body.singleResult.extensions = {
            ...response.body.singleResult.extensions,
            cypherQueries: contextValue.db.roundTrips,
          };
        }
        return Promise.resolve();
      },
    }),
};

/**
 * Request limits (graphql-armor): depth, aliases, tokens and an estimated cost, generous enough for
 * the nested queries the API is made for (person → meetings → participants → positions).
 */
const armor = new ApolloArmor({
  maxDepth: { n: 16 },
  maxAliases: { n: 30 },
  maxTokens: { n: 5000 },
  maxDirectives: { n: 50 },
  // The cost is estimated by ./http/cost.ts, which understands page sizes.
  costLimit: { enabled: false },
});

export async function createServer(
  options: ServerOptions,
): Promise<{ app: express.Express; httpServer: http.Server; apollo: ApolloServer<Context> }> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const protection = armor.protect();
  const apollo = new ApolloServer<Context>({
    ...protection,
    typeDefs: loadTypeDefs(),
    resolvers,
    introspection: true,
    // main.ts owns SIGINT/SIGTERM: it stops Apollo, then the driver, then the Neo4j it started.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError: formatError(options.logger),
    validationRules: protection.validationRules,
    plugins: [
      ...(protection.plugins as ApolloServerPlugin<Context>[]),
      costLimitPlugin<Context>(options.maxQueryCost ?? 50_000),
      cypherQueryCount,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo's default landing page loads from a CDN; ours is served from this process.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();
  // Browsers asking for /graphql or / get the offline playground; everything else reaches Apollo.
  app.use(playgroundRouter({ endpoint: '/graphql' }));
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: () => Promise.resolve(createContext(options)),
    }),
  );
  return { app, httpServer, apollo };
}

export async function startServer(options: ServerOptions & { port: number; host?: string }): Promise<RunningServer> {
  const { httpServer, apollo } = await createServer(options);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/graphql`,
    httpServer,
    close: () => apollo.stop(),
  };
}
