/**
 * Retraction: withdraws one article from the graph. Its id leaves the `sources` (and its claim the
 * `claims`) of every node and relationship it supported; what no source supports any more is deleted;
 * what other articles still support gets the properties their claims give (as if the article had
 * never been loaded). The article's nodes are found from its Provenance record (the ids it defined),
 * and its relationships among theirs: every relationship a document writes has an end it defines.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { foldNodeClaims, foldRelationshipClaims, storedClaims } from './claims.js';

export interface RetractCounts {
  nodesDeleted: number;
  /** Nodes other articles still support: the article's source and claim removed, properties recomputed. */
  nodesUpdated: number;
  relationshipsDeleted: number;
  relationshipsUpdated: number;
  /**
   * Relationships of other articles that ended at a node only this article supported (another
   * article referred to something this one defined): deleted with that node.
   */
  dependentRelationshipsDeleted: number;
}

// Each SET reads the property it writes, so Cypher locks before reading (no lost update).
const stripRelationships = `
UNWIND $defines AS id
MATCH (:Node {id: id})-[r]-()
WHERE $article IN r.sources
WITH DISTINCT r
SET r.claims = CASE WHEN r.claims IS NULL THEN null
    ELSE [i IN range(0, size(r.sources) - 1) WHERE r.sources[i] <> $article | r.claims[i]] END
SET r.sources = [s IN r.sources WHERE s <> $article]
RETURN elementId(r) AS id, r.sources AS sources, r.claims AS claims`;

const deleteRelationships = `
UNWIND $ids AS id
MATCH ()-[r]->() WHERE elementId(r) = id
DELETE r`;

const stripNodes = `
UNWIND $defines AS id
MATCH (n:Node {id: id})
WHERE $article IN n.sources
SET n.claims = [i IN range(0, size(n.sources) - 1) WHERE n.sources[i] <> $article | coalesce(n.claims[i], '{}')]
SET n.sources = [s IN n.sources WHERE s <> $article]
RETURN n.id AS id, n.sources AS sources, n.claims AS claims`;

const deleteNodes = `
UNWIND $ids AS id
MATCH (n:Node {id: id})
OPTIONAL MATCH (n)-[r]-()
WITH collect(DISTINCT n) AS nodes, collect(DISTINCT r) AS rels
FOREACH (r IN rels | DELETE r)
FOREACH (n IN nodes | DELETE n)
RETURN size(nodes) AS nodes, size(rels) AS rels`;

const rewriteRelationships = `
UNWIND $rows AS row
MATCH ()-[r]->() WHERE elementId(r) = row.id
SET r = row.props`;

const rewriteNodes = `
UNWIND $rows AS row
MATCH (n:Node {id: row.id})
SET n = row.props`;

interface Stripped {
  id: string;
  sources: string[];
  claims: string[] | null;
}

/** Retracts `article` inside a write transaction; null when the graph holds no such article. */
export async function retractInTransaction(tx: ManagedTransaction, article: string): Promise<RetractCounts | null> {
  const provenance = await tx.run<{ defines: string[] }>(
    'MATCH (p:Provenance {article: $article}) RETURN p.defines AS defines',
    { article },
  );
  const defines = provenance.records[0]?.get('defines');
  if (!defines) return null;

  const relationships = (await tx.run<Stripped>(stripRelationships, { article, defines })).records.map((r) =>
    r.toObject(),
  );
  const orphanRelationships = relationships.filter((r) => r.sources.length === 0).map((r) => r.id);
  if (orphanRelationships.length > 0) await tx.run(deleteRelationships, { ids: orphanRelationships });
  const keptRelationships = relationships.filter((r) => r.sources.length > 0);
  const relationshipRows = keptRelationships.map((r) => {
    const claims = r.claims ?? [];
    const stored = storedClaims(claims);
    return {
      id: r.id,
      props: { ...foldRelationshipClaims(claims), sources: r.sources, ...(stored && { claims: stored }) },
    };
  });
  if (relationshipRows.length > 0) await tx.run(rewriteRelationships, { rows: relationshipRows });

  const nodes = (await tx.run<Stripped>(stripNodes, { article, defines })).records.map((r) => r.toObject());
  const orphans = nodes.filter((n) => n.sources.length === 0).map((n) => n.id);
  const keptNodes = nodes.filter((n) => n.sources.length > 0);
  const nodeRows = keptNodes.map((n) => ({
    id: n.id,
    props: { id: n.id, sources: n.sources, claims: n.claims, ...foldNodeClaims(n.claims ?? []) },
  }));
  if (nodeRows.length > 0) await tx.run(rewriteNodes, { rows: nodeRows });
  let dependent = 0;
  if (orphans.length > 0) {
    const deleted = await tx.run<{ nodes: number; rels: number }>(deleteNodes, { ids: orphans });
    dependent = Number(deleted.records[0]?.get('rels') ?? 0);
  }
  await tx.run('MATCH (p:Provenance {article: $article}) DELETE p', { article });
  return {
    nodesDeleted: orphans.length,
    nodesUpdated: keptNodes.length,
    relationshipsDeleted: orphanRelationships.length,
    relationshipsUpdated: keptRelationships.length,
    dependentRelationshipsDeleted: dependent,
  };
}
