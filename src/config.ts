/**
 * Every setting of newsgraph comes from the environment, parsed and checked here once.
 * README.md's environment table lists the same variables; keep the two together.
 */
import path from 'node:path';
import { z } from 'zod';
import { runtimeDir } from './paths.js';

const port = z.coerce.number().int().min(1).max(65535);
const optional = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const schema = z.object({
  PORT: port.default(4000),
  // Loopback unless told otherwise: the API has no authentication (Docker sets 0.0.0.0).
  HOST: z.string().default('127.0.0.1'),
  CORS_ORIGINS: optional,
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1).default(15_000),
  BODY_TIMEOUT_MS: z.coerce.number().int().min(1).default(10_000),
  NEO4J_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(1).default(2_000),
  NEO4J_URI: optional,
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: optional,
  NEO4J_DATABASE: optional,
  NEO4J_BOLT_PORT: port.default(7687),
  NEO4J_HOME: z.string().default(path.join(runtimeDir, 'dev')),
  NEO4J_HEAP: z.string().default('1g'),
  NEO4J_PAGECACHE: z.string().default('1g'),
  MAX_QUERY_COST: z.coerce.number().int().min(1).default(50_000),
  WRITE_TOKENS: optional,
  WRITE_TOKENS_FILE: optional,
  READ_TOKENS: optional,
  READ_TOKENS_FILE: optional,
  MAX_INGEST_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(4 * 1024 * 1024),
  MAX_INGEST_ROWS: z.coerce.number().int().min(1).default(20_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join('\n')}`);
  }
  return parsed.data;
}
