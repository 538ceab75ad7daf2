/**
 * The graph of a set of seed documents as the seeder would leave it, row by row: nodes merged by
 * id and relationships by (start, type, end, title), with their sources united. The naive loader
 * and the CSV import write these rows; their counts must equal the seeded graph's.
 */
import { mergeRows, relationshipTypes, rowsOf, type GraphRows, type NodeRow } from '../../../src/seed/graph-rows.js';
import type { RelationshipRow } from '../../../src/seed/graph-rows.js';
import { checkDocument } from '../../../src/seed/validate.js';

export type { NodeRow, RelationshipRow };

export function documentRows(inputs: { file: string; raw: unknown }[]): GraphRows {
  return mergeRows(
    inputs.map(({ file, raw }) => {
      const { document, problems } = checkDocument(file, raw);
      if (!document) throw new Error(`${file}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
      return rowsOf(document);
    }),
  );
}

const union = (a: string[], b: string[]) => [...a, ...b.filter((x) => !a.includes(x))];

export const relationshipKey = (row: RelationshipRow) => {
  const key = relationshipTypes[row.type];
  return `${row.from}|${row.type}|${row.to}${key ? `|${String(row.props[key])}` : ''}`;
};

/** Merges rows the way the seeder's MERGE statements do: later properties win, sources and aliases add up. */
export function mergedGraph(rows: GraphRows): GraphRows {
  const nodes = new Map<string, NodeRow>();
  for (const row of rows.nodes) {
    const seen = nodes.get(row.id);
    if (!seen) {
      nodes.set(row.id, { ...row, props: { ...row.props }, aliases: [...row.aliases], sources: [...row.sources] });
      continue;
    }
    Object.assign(seen.props, row.props);
    seen.sources = union(seen.sources, row.sources);
    for (const alias of row.aliases) {
      if (!seen.aliases.some((a) => a.name === alias.name && a.language === alias.language)) seen.aliases.push(alias);
    }
  }
  const relationships = new Map<string, RelationshipRow>();
  for (const row of rows.relationships) {
    const key = relationshipKey(row);
    const seen = relationships.get(key);
    if (!seen) relationships.set(key, { ...row, props: { ...row.props }, sources: [...row.sources] });
    else {
      Object.assign(seen.props, row.props);
      seen.sources = union(seen.sources, row.sources);
    }
  }
  return { nodes: [...nodes.values()], relationships: [...relationships.values()] };
}
