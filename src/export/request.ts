/**
 * What to export, from the query parameters of `GET /export/{format}` or the options of
 * `npm run export`: the whole graph, a neighbourhood (`neighborhood=<id>`) or a derived network
 * (`network=who-met-whom|who-mentions-whom`), checked with the same rules as the GraphQL arguments.
 */
import { GraphQLError } from 'graphql';
import type { Context } from '../context.js';
import { dateWindowArgument } from '../graph/date-window.js';
import type { NetworkNodeType, RelationshipType } from '../generated/graphql.js';
import { networkSpec, seedArgument } from '../network/resolvers.js';
import { formats, type CsvPart, type Format } from './formats.js';
import { neighborhoodSource, networkSource, wholeGraphSource, type GraphSource } from './source.js';

/** A derived network exported may be larger than one asked for over GraphQL: no betweenness is computed. */
export const maxExportNetworkNodes = 100_000;

/** A bad parameter: answered 400 with this message, naming the parameter. */
export class ExportRequestError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ExportRequest {
  format: Format;
  part: CsvPart;
  /** Builds the source when the export runs (a network or neighbourhood is read then). */
  source(ctx: Context): Promise<GraphSource | null>;
}

const scopeParameters = {
  graph: [],
  neighborhood: ['depth', 'limit', 'relationshipTypes', 'from', 'to'],
  network: ['from', 'to', 'topic', 'articles', 'nodeTypes', 'maxNodes', 'seed'],
} as const;

const networkKinds = { 'who-met-whom': 'WHO_MET_WHOM', 'who-mentions-whom': 'WHO_MENTIONS_WHOM' } as const;

function integer(parameter: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value))
    throw new ExportRequestError(parameter, `Parameter "${parameter}" must be an integer, got "${value}"`);
  return Number(value);
}

const list = (value: string | undefined) =>
  value === undefined
    ? undefined
    : value
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');

/** Runs a check written for GraphQL arguments, reporting its complaint as one about a parameter. */
function checked<T>(check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT') {
      const parameter = String(error.extensions.argumentName);
      throw new ExportRequestError(parameter, error.message.replace(/^Argument "/, 'Parameter "'));
    }
    throw error;
  }
}

export function parseExportRequest(formatName: string, query: Record<string, string | undefined>): ExportRequest {
  if (!(formats as readonly string[]).includes(formatName)) {
    throw new ExportRequestError('format', `Format "${formatName}" is not one of ${formats.join(', ')}`);
  }
  const format = formatName as Format;
  const scope = query.network !== undefined ? 'network' : query.neighborhood !== undefined ? 'neighborhood' : 'graph';
  if (query.network !== undefined && query.neighborhood !== undefined) {
    throw new ExportRequestError('network', 'Give either "network" or "neighborhood", not both');
  }
  const allowed = new Set<string>([...(scope === 'graph' ? [] : [scope]), ...scopeParameters[scope], 'part']);
  for (const parameter of Object.keys(query)) {
    if (!allowed.has(parameter)) {
      const hint = scope === 'graph' ? ' (the whole graph takes none; choose "network" or "neighborhood" first)' : '';
      throw new ExportRequestError(parameter, `Parameter "${parameter}" is not known for this export${hint}`);
    }
  }
  let part: CsvPart = 'nodes';
  if (format === 'csv') {
    if (query.part !== 'nodes' && query.part !== 'edges') {
      throw new ExportRequestError('part', 'Parameter "part" must be "nodes" or "edges": CSV comes as two files');
    }
    part = query.part;
  } else if (query.part !== undefined) {
    throw new ExportRequestError('part', 'Parameter "part" applies only to CSV');
  }
  const window = checked(() => dateWindowArgument({ from: query.from, to: query.to }, { from: 'from', to: 'to' }));

  if (scope === 'network') {
    const kind = networkKinds[query.network as keyof typeof networkKinds];
    if (!kind) {
      throw new ExportRequestError(
        'network',
        `Parameter "network" must be one of ${Object.keys(networkKinds).join(', ')}`,
      );
    }
    const args = {
      kind,
      during: { from: query.from, to: query.to },
      topic: query.topic,
      articles: list(query.articles),
      nodeTypes: list(query.nodeTypes)?.map((type) => type.toUpperCase()) as NetworkNodeType[] | undefined,
      maxNodes: integer('maxNodes', query.maxNodes),
    };
    const spec = checked(() => networkSpec(args, maxExportNetworkNodes, { from: 'from', to: 'to' }));
    const seed = checked(() => seedArgument(integer('seed', query.seed)));
    return { format, part, source: (ctx) => networkSource(ctx, spec, seed) };
  }
  if (scope === 'neighborhood') {
    const of = query.neighborhood ?? '';
    if (of === '') throw new ExportRequestError('neighborhood', 'Parameter "neighborhood" must be a node id');
    const args = {
      of,
      depth: integer('depth', query.depth),
      limit: integer('limit', query.limit),
      relationshipTypes: list(query.relationshipTypes) as RelationshipType[] | undefined,
      window,
    };
    // The traversal checks the rest of its arguments when it runs, before anything is written.
    return {
      format,
      part,
      source: (ctx) => checkedAsync(() => neighborhoodSource(ctx, args)),
    };
  }
  return { format, part, source: (ctx) => Promise.resolve(wholeGraphSource(ctx)) };
}

async function checkedAsync<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    return checked(() => {
      throw error;
    });
  }
}
