/**
 * GraphQL over HTTP, from node:http straight into Apollo Server's `executeHTTPGraphQLRequest`
 * (no express on this path: it costs a fraction of a millisecond per request). This module reads
 * and checks the request (method, content type, body size and time, JSON, token count and
 * nesting), hands it to Apollo under an overall time limit, and writes Apollo's answer back.
 */
import type http from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLResponse } from '@apollo/server';
import { readBody, type BodyLimits } from './body.js';
import { checkDocumentOnce, type DocumentLimits } from './document-guard.js';
import { HttpError, sendError, sendJson } from './respond.js';

export interface GraphQLHttpOptions<C extends BaseContext> {
  apollo: ApolloServer<C>;
  context: C;
  body: BodyLimits;
  document: DocumentLimits;
  /** The most a request may take from its first byte to its answer (ms). */
  requestTimeoutMs: number;
}

function headerMap(req: http.IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

function isJson(contentType: string | undefined): boolean {
  const mime = contentType?.split(';')[0]?.trim().toLowerCase();
  return mime === 'application/json';
}

/** Reads the POST body as JSON; every failure is an HttpError the client can act on. */
async function jsonBody(req: http.IncomingMessage, limits: BodyLimits): Promise<unknown> {
  if (!isJson(req.headers['content-type'])) {
    throw new HttpError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'POST requests need `Content-Type: application/json` and a JSON body such as {"query": "{ __typename }"}.',
    );
  }
  const text = await readBody(req, limits);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(
      400,
      'BAD_REQUEST',
      `The request body is not valid JSON (${error instanceof Error ? error.message : 'parse error'}).`,
    );
  }
}

function queryText(method: string, url: URL, body: unknown): string | undefined {
  if (method === 'GET') return url.searchParams.get('query') ?? undefined;
  const query = body && typeof body === 'object' && !Array.isArray(body) ? (body as { query?: unknown }).query : null;
  return typeof query === 'string' ? query : undefined;
}

async function writeResponse(res: http.ServerResponse, response: HTTPGraphQLResponse): Promise<void> {
  const headers: Record<string, string | number> = {};
  for (const [name, value] of response.headers) headers[name] = value;
  if (response.body.kind === 'complete') {
    // A known length spares the answer chunked framing (writeHead fixes the headers before the body).
    headers['content-length'] = Buffer.byteLength(response.body.string);
    res.writeHead(response.status ?? 200, headers);
    res.end(response.body.string);
    return;
  }
  res.writeHead(response.status ?? 200, headers);
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

export async function handleGraphQL<C extends BaseContext>(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  options: GraphQLHttpOptions<C>,
): Promise<void> {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'POST') {
    sendError(
      res,
      new HttpError(405, 'METHOD_NOT_ALLOWED', `GraphQL is served over GET and POST, not ${method}.`, {
        allow: 'GET, POST',
      }),
    );
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), options.requestTimeoutMs);
  });
  try {
    const body = method === 'POST' ? await jsonBody(req, options.body) : undefined;
    const query = queryText(method, url, body);
    const refused = query === undefined ? null : checkDocumentOnce(query, options.document);
    if (refused) {
      sendJson(res, 400, { errors: [refused.toJSON()] });
      return;
    }
    const outcome = await Promise.race([
      options.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method, headers: headerMap(req), search: url.search, body },
        context: () => Promise.resolve(options.context),
      }),
      timedOut,
    ]);
    if (outcome === 'timeout') {
      sendError(
        res,
        new HttpError(
          504,
          'REQUEST_TIMEOUT',
          `The request took longer than ${options.requestTimeoutMs} ms and was stopped; ask for less ` +
            '(smaller pages, fewer nested connections, shorter traversals).',
        ),
      );
      return;
    }
    await writeResponse(res, outcome);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    // A body that was not read to the end leaves the connection in an unknown state: close it.
    const unread = !req.readableEnded;
    sendError(
      res,
      unread
        ? new HttpError(error.status, error.code, error.message, { ...error.headers, connection: 'close' })
        : error,
    );
    if (unread) res.once('finish', () => req.destroy());
  } finally {
    clearTimeout(timer);
  }
}
