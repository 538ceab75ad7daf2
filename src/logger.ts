/** The server's structured log (pino): JSON for machines, pretty-printed when a person watches. */
import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  const pretty = process.stdout.isTTY && process.env.NODE_ENV !== 'production';
  return pino({
    level,
    // Bearer tokens must never reach a log, whichever object carries the request's headers.
    redact: { paths: ['authorization', '*.authorization', '*.headers.authorization'], censor: '[redacted]' },
    transport: pretty ? { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname' } } : undefined,
  });
}

export type { Logger };
