/**
 * HTTP wiring. node:http answers GraphQL (/graphql, through ./http/graphql.ts into Apollo Server 5)
 * and the health endpoints itself; everything else (the playground, and whatever other modules
 * mount on the exported express `app`) falls back to express. Cypher lives in the domain modules,
 * GraphQL shape in schema/; this file only connects them to the network.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { authorizationPlugin } from './auth/plugin.js';
import { Tokens } from './auth/tokens.js';
import { createContext, defaultIngestLimits, type Context } from './context.js';
import { bookmarkHeader } from './db/bookmarks.js';
import type { IngestLimits } from './ingest/service.js';
import type { Logger } from './logger.js';
import { exportRouter } from './export/routes.js';
import { costLimitPlugin } from './http/cost.js';
import { JitExecutor } from './http/executor.js';
import { applyCors, type CorsOrigins } from './http/cors.js';
import { handleGraphQL } from './http/graphql.js';
import { handleHealth } from './http/health.js';
import { queryLimitsRule } from './http/limits.js';
import { pagesRouter } from './http/pages.js';
import { requestId } from './http/request-id.js';
import { logRequest, ownCode, recordOf, requestRecordPlugin } from './http/request-log.js';
import { answerClientError, sendJson } from './http/respond.js';
import { loadTypeDefs, resolvers } from './schema.js';

export interface ServerOptions {
  driver: Driver;
  database?: string;
  logger: Logger;
  /** The most objects one request may return (see ./http/cost.ts). */
  maxQueryCost?: number;
  /** Origins allowed to call the API from a browser (`*` for any); none by default. */
  corsOrigins?: CorsOrigins;
  /** The longest a request may run (ms); also each Cypher query's transaction timeout. Default 15 s. */
  requestTimeoutMs?: number;
  /** The longest a request body may take to arrive (ms). Default 10 s. */
  bodyTimeoutMs?: number;
  /** The largest request body (bytes). Default: room for the largest ingested document, at least 1 MB. */
  maxBodyBytes?: number;
  /** Bearer tokens for writes (and reads, when read tokens are configured); none: every write is refused. */
  tokens?: Tokens;
  /** Bounds on one ingested document (see ./ingest/service.ts). */
  ingestLimits?: IngestLimits;
}

export interface RunningServer {
  url: string;
  httpServer: http.Server;
  /** Express app for everything that is not GraphQL or health: mount routers here. */
  app: express.Express;
  close(): Promise<void>;
}

/** The limits every query is held to; generous enough for the nested queries the API is made for. */
export const queryLimits = {
  maxTokens: 5000,
  maxNesting: 64,
  maxFields: 300,
  // OverlappingFieldsCanBeMerged is quadratic in fragments: 100 side by side stalled 240 ms, 30 stay small.
  maxSpreads: 30,
  maxFragments: 30,
  maxDepth: 16,
  maxAliases: 30,
  maxDirectives: 50,
};

/**
 * Errors the client caused keep their message and their own code (a limit's code survives
 * Apollo's wrapping as a validation error); anything else is masked and logged in full.
 */
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    if (error instanceof GraphQLError) {
      const own = ownCode(error);
      if (own !== undefined && own !== code)
        return { ...formatted, extensions: { ...formatted.extensions, code: own } };
    }
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

/** graphql-armor only hides "did you mean" suggestions; the limits are ./http/limits.ts (linear). */
const armor = new ApolloArmor({
  maxDepth: { enabled: false },
  maxAliases: { enabled: false },
  maxTokens: { enabled: false },
  maxDirectives: { enabled: false },
  costLimit: { enabled: false },
});

/** Browsers asking for /graphql get the playground page from express (./http/pages.ts); clients get GraphQL. */
function wantsPlayground(req: http.IncomingMessage, url: URL): boolean {
  if (req.method !== 'GET' || url.searchParams.has('query')) return false;
  const accept = req.headers.accept ?? '';
  return accept.includes('text/html');
}

export async function createServer(
  options: ServerOptions,
): Promise<{ app: express.Express; httpServer: http.Server; apollo: ApolloServer<Context> }> {
  const requestTimeoutMs = options.requestTimeoutMs ?? 15_000;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? 10_000;
  const corsOrigins = options.corsOrigins ?? [];
  const { logger } = options;
  const tokens = options.tokens ?? new Tokens([]);
  const ingestLimits = options.ingestLimits ?? defaultIngestLimits;
  // An ingested document travels in the body: room for the largest one, plus the query around it.
  const maxBodyBytes = options.maxBodyBytes ?? Math.max(1024 * 1024, ingestLimits.maxBytes + 64 * 1024);

  const app = express();
  app.disable('x-powered-by');
  // Browser pages: the playground (/ and /graphql for browsers), the explorer (/explore), their assets.
  app.use(pagesRouter({ endpoint: '/graphql' }));
  // Downloads of the graph for other tools (/export/{graphml|gexf|csv|json}).
  app.use(exportRouter(options));
  // What other modules mount on `app` is reached first; these answer whatever nobody did, in JSON.
  const root = express();
  root.disable('x-powered-by');
  root.use(app);
  root.use((_req, res) =>
    sendJson(res, 404, { errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] }),
  );
  root.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    logger.error({ err: error }, 'error in an express route');
    sendJson(res, 500, {
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
  });

  const protection = armor.protect();
  const httpServer = http.createServer();
  // Node's own bounds on slow clients, beyond the body timeout of ./http/body.ts.
  httpServer.headersTimeout = 20_000;
  httpServer.requestTimeout = bodyTimeoutMs + requestTimeoutMs + 5_000;
  httpServer.on('clientError', answerClientError);
  const apollo = new ApolloServer<Context>({
    ...protection,
    // Queries run compiled by graphql-jit, the rest through graphql-js (see ./http/executor.ts).
    gateway: new JitExecutor({ typeDefs: loadTypeDefs(), resolvers }).gateway(),
    introspection: true,
    // main.ts owns SIGINT/SIGTERM: it stops Apollo, then the driver, then the Neo4j it started.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError: formatError(logger),
    // The parser's own token limit backs up ./http/document-guard.ts for requests not sent over HTTP.
    parseOptions: { maxTokens: queryLimits.maxTokens },
    validationRules: [...protection.validationRules, queryLimitsRule(queryLimits)],
    plugins: [
      ...(protection.plugins as ApolloServerPlugin<Context>[]),
      authorizationPlugin<Context>(tokens),
      costLimitPlugin<Context>(options.maxQueryCost ?? 50_000),
      cypherQueryCount,
      requestRecordPlugin<Context>((context) => context.db),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo's default landing page loads from a CDN; ours is served from this process.
      ApolloServerPluginLandingPageDisabled(),
      // The schema sets no cache hints; the default cache-control plugin would still wrap every
      // field's resolver to compute them (measured: see README's benchmark notes).
      ApolloServerPluginCacheControlDisabled(),
      // Inline tracing serves federated subgraphs only; installed implicitly, it still hooks every request.
      ApolloServerPluginInlineTraceDisabled(),
    ],
  });
  await apollo.start();

  // What every request's context and GraphQL handling share, built once.
  const contextDeps = { ...options, tokens, ingestLimits, transactionTimeoutMs: requestTimeoutMs };
  const graphqlOptions = {
    apollo,
    body: { maxBytes: maxBodyBytes, timeoutMs: bodyTimeoutMs },
    document: queryLimits,
    requestTimeoutMs,
  };
  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const started = performance.now();
    const id = requestId(req);
    res.setHeader('x-request-id', id);
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (applyCors(req, res, corsOrigins)) return;
    if (handleHealth(req, res, url.pathname, options)) return;
    if (url.pathname !== '/graphql' || wantsPlayground(req, url)) {
      root(req as express.Request, res as express.Response);
      return;
    }
    const header = (name: string) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(', ') : value;
    };
    const context = createContext(contextDeps, {
      authorization: header('authorization'),
      bookmark: header(bookmarkHeader),
    });
    res.once('close', () => {
      const record = recordOf(context.db);
      logRequest(logger, {
        requestId: id,
        method: req.method,
        path: url.pathname,
        status: res.statusCode,
        durationMs: performance.now() - started,
        operationName: record.operationName,
        cypherQueries: context.db.roundTrips,
        errorCodes: record.errorCodes,
      });
    });
    handleGraphQL(req, res, url, { ...graphqlOptions, context }).catch((error: unknown) => {
      logger.error({ err: error, requestId: id }, 'unexpected error while answering a GraphQL request');
      sendJson(res, 500, {
        errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      });
    });
  });
  return { app, httpServer, apollo };
}

export async function startServer(options: ServerOptions & { port: number; host?: string }): Promise<RunningServer> {
  const { app, httpServer, apollo } = await createServer(options);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/graphql`,
    httpServer,
    app,
    close: () => apollo.stop(),
  };
}
