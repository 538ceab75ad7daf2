/**
 * Answers written by the HTTP layer itself (before or around Apollo): always a GraphQL-shaped JSON
 * error body, never HTML, never a stack trace or a path, whatever NODE_ENV is.
 */
import type http from 'node:http';
import type { Duplex } from 'node:stream';

/** An error found while reading a request, before GraphQL sees it. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
  });
  res.end(text);
}

export function sendError(res: http.ServerResponse, error: HttpError): void {
  sendJson(
    res,
    error.status,
    { errors: [{ message: error.message, extensions: { code: error.code } }] },
    error.headers,
  );
}

/** What node's parser reports before any request exists, as the client should hear it. */
const parserErrors: Record<string, { status: number; code: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: 'REQUEST_HEADERS_TOO_LARGE',
    message: 'The request headers (or the URL of a GET) exceed 16 KB; send the query with POST.',
  },
};

/**
 * Node answers a request it cannot parse (headers over its 16 KB limit, a malformed request line)
 * with a bare status line on the socket. This writes a JSON GraphQL error there instead, so a GET
 * with a long query string learns why (431) instead of a body-less 400.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const known = parserErrors[error.code ?? ''] ?? {
    status: 400,
    code: 'BAD_REQUEST',
    message: 'The server could not read this HTTP request.',
  };
  const text = JSON.stringify({ errors: [{ message: known.message, extensions: { code: known.code } }] });
  const reason = known.status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
  socket.end(
    `HTTP/1.1 ${known.status} ${reason}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(text)}\r\n` +
      'Cache-Control: no-store\r\nConnection: close\r\n\r\n' +
      text,
  );
}
