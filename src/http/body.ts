/**
 * Reads a request body with two bounds: its size (a larger body is refused with 413 as soon as
 * it is known to be too large) and the time it may take to arrive (a client trickling bytes is
 * cut off with 408, so it cannot hold a connection and a buffer open for ever).
 */
import type http from 'node:http';
import { HttpError } from './respond.js';

export interface BodyLimits {
  maxBytes: number;
  timeoutMs: number;
}

export function readBody(req: http.IncomingMessage, limits: BodyLimits): Promise<string> {
  const tooLarge = () =>
    new HttpError(
      413,
      'PAYLOAD_TOO_LARGE',
      `The request body is larger than ${limits.maxBytes} bytes; send a shorter query or fewer variables.`,
    );
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxBytes) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (error?: HttpError) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      if (error) {
        // Stop reading; the answer is sent, then the connection is closed (see ./graphql.ts).
        req.pause();
        reject(error);
      } else resolve(Buffer.concat(chunks).toString('utf8'));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBytes) finish(tooLarge());
      else chunks.push(chunk);
    };
    const onEnd = () => finish();
    const onError = () => finish(new HttpError(400, 'BAD_REQUEST', 'The request body could not be read.'));
    const timer = setTimeout(
      () =>
        finish(
          new HttpError(
            408,
            'REQUEST_BODY_TIMEOUT',
            `The request body did not arrive within ${limits.timeoutMs} ms; the connection is closed.`,
          ),
        ),
      limits.timeoutMs,
    );
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
