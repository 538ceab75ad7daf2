/**
 * Claims: what one source says about one node or relationship, kept beside `sources` (parallel
 * lists) so that withdrawing a source can recompute exactly what the others say. A node's visible
 * properties are its claims folded in source order (later sources win a property, aliases add up),
 * which is what the loader's `SET n += …` and alias merge produce as sources arrive.
 */
import type { NodeRow, Props, RelationshipRow } from './graph-rows.js';

/** The claim of a relationship that carries no property of its own. */
export const emptyClaim = '{}';

interface NodeClaim {
  props: Props;
  aliases: NodeRow['aliases'];
}

export const nodeClaim = (row: NodeRow): string =>
  JSON.stringify({ props: row.props, aliases: row.aliases } satisfies NodeClaim);

export const relationshipClaim = (row: RelationshipRow): string =>
  Object.keys(row.props).length === 0 ? emptyClaim : JSON.stringify(row.props);

/** A node's properties (besides id, sources and claims) from its claims, in source order. */
export function foldNodeClaims(claims: string[]): Props {
  const props: Props = {};
  const aliases: NodeRow['aliases'] = [];
  for (const claim of claims) {
    // A node loaded before claims existed has none: '{}' stands for "nothing known".
    const parsed = JSON.parse(claim) as Partial<NodeClaim>;
    Object.assign(props, parsed.props);
    for (const alias of parsed.aliases ?? []) {
      if (!aliases.some((a) => a.name === alias.name && a.language === alias.language)) aliases.push(alias);
    }
  }
  if (aliases.length > 0) {
    props.aliases = aliases.map((a) => a.name);
    props.aliasLanguages = aliases.map((a) => a.language);
  }
  return props;
}

/** A relationship's properties (besides sources and claims) from its claims, in source order. */
export function foldRelationshipClaims(claims: string[]): Props {
  return Object.assign({}, ...claims.map((claim) => JSON.parse(claim) as Props)) as Props;
}

/** `claims` as stored: none when every claim is empty (relationships without properties). */
export const storedClaims = (claims: string[]): string[] | null =>
  claims.every((claim) => claim === emptyClaim) ? null : claims;
