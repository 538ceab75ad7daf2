/**
 * The graph of a set of seed documents as the seeder would leave it, row by row: nodes merged by
 * id and relationships by (start, type, end, title), with their sources united. The naive loader
 * and the CSV import write these rows; their counts must equal the seeded graph's.
 */
import { mergeByKey, mergeRows, rowsOf, type GraphRows, type NodeRow } from '../../../src/seed/graph-rows.js';
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

/** The graph the seeder leaves: rows merged by node id and relationship key across documents. */
export const mergedGraph = mergeByKey;
