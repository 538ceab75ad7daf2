/**
 * `npm run export -- <graphml|gexf|json|csv> [--network who-met-whom|who-mentions-whom | --neighborhood ID]
 * [--from DATE] [--to DATE] [… the parameters of GET /export/{format}] [--out PATH]`: the same exports as
 * the HTTP route, into a file (or standard output). CSV writes PATH/nodes.csv and PATH/edges.csv.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { createContext } from '../context.js';
import { createLogger } from '../logger.js';
import { connect } from '../neo4j/connect.js';
import { Neo4jRuntimeError } from '../neo4j/runtime.js';
import { ExportRequestError, parseExportRequest } from './request.js';
import { writeExport } from './run.js';

const usage = `usage: npm run export -- <graphml|gexf|json|csv> [--network who-met-whom|who-mentions-whom | --neighborhood ID]
         [--from YYYY[-MM[-DD]]] [--to …] [--topic ID] [--articles ID,…] [--nodeTypes PERSON,…] [--maxNodes N] [--seed N]
         [--depth N] [--limit N] [--relationshipTypes TYPE,…] [--out PATH]
  Without --network or --neighborhood: the whole graph. CSV needs --out (a folder: nodes.csv and edges.csv)
  or --part nodes|edges for standard output.`;

/** `--name value` pairs; `--out` is the CLI's own, the rest are the HTTP route's query parameters. */
function parseOptions(args: string[]): { format: string; out?: string; query: Record<string, string> } {
  const [format, ...rest] = args;
  if (!format || format.startsWith('--')) throw new ExportRequestError('format', 'Give a format first');
  const query: Record<string, string> = {};
  let out: string | undefined;
  for (let i = 0; i < rest.length; i += 2) {
    const name = rest[i]!;
    const value = rest[i + 1];
    if (!name.startsWith('--') || value === undefined || value.startsWith('--')) {
      throw new ExportRequestError(name, `Option ${name} needs a value`);
    }
    if (name === '--out') out = value;
    else query[name.slice(2)] = value;
  }
  return { format, out, query };
}

async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.length === 0) {
    console.log(usage);
    return args.length === 0 ? 2 : 0;
  }
  const { format, out, query } = parseOptions(args);
  // A CSV export to a folder writes both parts; check the request as the route would.
  const parts = format === 'csv' && out !== undefined && query.part === undefined ? ['nodes', 'edges'] : [query.part];
  const requests = parts.map((part) => parseExportRequest(format, part === undefined ? query : { ...query, part }));
  const connection = await connect(loadConfig(), (line) => console.error(line));
  try {
    const ctx = createContext({ ...connection, logger: createLogger('warn') });
    for (const request of requests) {
      const source = await request.source(ctx);
      if (!source) throw new ExportRequestError('neighborhood', `No node has id "${query.neighborhood}"`);
      let target: string | undefined = out;
      if (out !== undefined && request.format === 'csv') {
        fs.mkdirSync(out, { recursive: true });
        target = path.join(out, `${request.part}.csv`);
      }
      await writeExport(source, request.format, request.part, target ? fs.createWriteStream(target) : process.stdout);
      if (target) console.error(`wrote ${target} (${fs.statSync(target).size} bytes)`);
    }
    return 0;
  } finally {
    await connection.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ExportRequestError) console.error(`${error.message}\n${usage}`);
    else if (error instanceof Neo4jRuntimeError) console.error(error.message);
    else console.error(`export failed: ${(error as Error).message ?? String(error)}`);
    process.exit(error instanceof ExportRequestError ? 2 : 1);
  },
);
