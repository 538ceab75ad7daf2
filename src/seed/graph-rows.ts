/**
 * Turns validated seed documents into the rows the loader writes: one row per node and per
 * relationship, each carrying its source article. This is where the data model is spelled out:
 * which labels, which relationship types, which properties.
 */
import { precisionOf, type SeedDocument } from './format.js';
import { analyzerOf, languageProperty } from './full-text.js';
import { dateOrder, meetingRanks } from './source-order.js';

import {
  relationshipTypes,
  type Label,
  type nodeProperties,
  type relationshipProperties,
  type RelationshipType,
} from '../model/graph.js';

/** Labels and relationship types the loader may write: the model's (../model/graph.ts). */
export { labels, relationshipTypes, type Label, type RelationshipType } from '../model/graph.js';

export type Scalar = string | number | boolean;
export type Props = Record<string, Scalar | Scalar[]>;

export interface NodeRow {
  label: Label;
  id: string;
  props: Props;
  aliases: { name: string; language: string }[];
  sources: string[];
}

export interface RelationshipRow {
  type: RelationshipType;
  from: string;
  to: string;
  props: Props;
  sources: string[];
}

export interface GraphRows {
  nodes: NodeRow[];
  relationships: RelationshipRow[];
}

/** Drops undefined values: a property the source does not state is not written (and not erased). */
function props(values: Record<string, Scalar | Scalar[] | undefined>): Props {
  const out: Props = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) out[key] = value;
  return out;
}

/** A date with its precision, and `dateOrder`, the key date-ordered lists sort on (source-order.ts). */
function dated(date: string | undefined, end?: string, rank?: number, offset?: number): Props {
  if (!date) return {};
  return props({ date, endDate: end, datePrecision: precisionOf(date), dateOrder: dateOrder(date, rank, offset) });
}

export function rowsOf(doc: SeedDocument): GraphRows {
  const source = doc.article.id;
  const sources = [source];
  const nodes: NodeRow[] = [];
  const relationships: RelationshipRow[] = [];
  // The properties of each label are the model's: a property it does not declare is a compile error.
  const node = <L extends Label>(
    label: L,
    id: string,
    values: Partial<Record<(typeof nodeProperties)[L][number], Scalar | Scalar[]>>,
    aliases: NodeRow['aliases'] = [],
  ) => nodes.push({ label, id, props: values as Props, aliases, sources });
  // Likewise the properties of each relationship type (relationshipProperties).
  const rel = <T extends RelationshipType>(
    type: T,
    from: string,
    to: string | undefined,
    values: Partial<Record<(typeof relationshipProperties)[T][number], Scalar>> = {},
  ) => {
    if (to) relationships.push({ type, from, to, props: values as Props, sources });
  };

  const { article } = doc;
  node(
    'Article',
    article.id,
    props({
      headline: article.headline,
      sourceFile: article.sourceFile,
      language: article.language,
      url: article.url,
      ...dated(article.published),
    }),
  );
  rel('PUBLISHED_BY', article.id, article.publisher);

  for (const topic of doc.topics) node('Topic', topic.id, props({ name: topic.name, description: topic.description }));

  for (const place of doc.places) {
    node('Place', place.id, props({ name: place.name, kind: place.kind }), place.aliases);
    rel('LOCATED_IN', place.id, place.locatedIn);
  }

  for (const org of doc.organizations) {
    node(
      'Organization',
      org.id,
      props({ name: org.name, kind: org.kind, description: org.description, unnamed: org.unnamed || undefined }),
      org.aliases,
    );
    rel('PART_OF', org.id, org.parent);
    rel('BASED_IN', org.id, org.basedIn);
  }

  for (const person of doc.people) {
    node('Person', person.id, props({ name: person.name, description: person.description }), person.aliases);
    for (const position of person.positions) {
      rel(
        'HOLDS_POSITION',
        person.id,
        position.organization,
        props({
          title: position.title,
          titleAsReported: position.titleAsReported,
          startDate: position.start,
          endDate: position.end,
        }),
      );
    }
  }

  const ranks = meetingRanks(doc);
  const meetingDates = new Map(doc.meetings.map((meeting) => [meeting.id, meeting.date ?? meeting.start]));
  for (const meeting of doc.meetings) {
    node(
      'Meeting',
      meeting.id,
      props({
        name: meeting.name,
        kind: meeting.kind,
        description: meeting.description,
        ...dated(meeting.date ?? meeting.start, meeting.end, ranks.get(meeting.id)),
        duration: meeting.duration?.iso,
        durationQualifier: meeting.duration?.qualifier,
      }),
    );
    rel('HELD_IN', meeting.id, meeting.place);
    rel('PART_OF', meeting.id, meeting.partOf);
    for (const before of meeting.follows) rel('FOLLOWS', meeting.id, before);
    for (const participant of meeting.participants) {
      rel('PARTICIPATED_IN', participant.entity, meeting.id, props({ role: participant.role }));
    }
    for (const topic of meeting.topics) rel('ABOUT', meeting.id, topic);
  }

  for (const statement of doc.statements) {
    const analyzer = analyzerOf(statement.language);
    // Made at a meeting of the same day: after that meeting, in the order the article reports it.
    const occasion = statement.occasion;
    const rank = occasion && meetingDates.get(occasion) === statement.date ? ranks.get(occasion) : 0;
    node(
      'Statement',
      statement.id,
      props({
        text: statement.text,
        ...(analyzer ? { [languageProperty(analyzer)]: statement.text } : {}),
        language: statement.language,
        summary: statement.summary,
        kind: statement.kind,
        ...dated(statement.date, undefined, rank, statement.position.offset),
      }),
    );
    rel('STATED', statement.speaker, statement.id);
    rel('MADE_AT', statement.id, statement.occasion);
    for (const target of statement.audience) rel('HEARD_BY', statement.id, target);
    for (const target of statement.addressedTo) rel('ADDRESSED_TO', statement.id, target);
    for (const target of statement.mentions) rel('MENTIONS', statement.id, target);
    for (const topic of statement.topics) rel('ABOUT', statement.id, topic);
    rel(
      'REPORTED_IN',
      statement.id,
      article.id,
      props({ paragraph: statement.position.paragraph, offset: statement.position.offset }),
    );
  }

  // A document may name the same relationship twice (a statement mentioning someone twice): one row each.
  return mergeByKey({ nodes, relationships });
}

export function mergeRows(parts: GraphRows[]): GraphRows {
  return {
    nodes: parts.flatMap((part) => part.nodes),
    relationships: parts.flatMap((part) => part.relationships),
  };
}

/** What tells two relationship rows apart: their ends, their type and the type's key property. */
export const relationshipKey = (row: RelationshipRow): string => {
  const key = relationshipTypes[row.type];
  return `${row.from}|${row.type}|${row.to}${key ? `|${String(row.props[key])}` : ''}`;
};

const union = (a: string[], b: string[]) => [...a, ...b.filter((x) => !a.includes(x))];

/**
 * Merges rows the way the loader's MERGE statements do: one row per node id and per relationship
 * key, later properties winning, sources and aliases adding up in order.
 */
export function mergeByKey(rows: GraphRows): GraphRows {
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
