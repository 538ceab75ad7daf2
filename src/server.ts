/**
 * HTTP wiring: express serves GraphQL (Apollo Server 5) at /graphql. Cypher lives in the domain
 * modules, GraphQL shape in schema/; this file only connects them to the network.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { createContext, type Context } from './context.js';
import type { Logger } from './logger.js';
import { playgroundRouter } from './http/playground.js';
import { loadTypeDefs, resolvers } from './schema.js';

export interface ServerOptions {
  driver: Driver;
  database?: string;
  logger: Logger;
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

export async function createServer(
  options: ServerOptions,
): Promise<{ app: express.Express; httpServer: http.Server; apollo: ApolloServer<Context> }> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: formatError(options.logger),
    plugins: [
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
