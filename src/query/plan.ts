/**
 * Look-ahead: reads the selection set of a root field and plans what one Cypher query must fetch:
 * for each level of nodes, the properties the selected fields read and the relation fields (with
 * their page arguments) to follow. Fields the plan cannot express are left out; their resolvers
 * fetch them through the batched loaders (see ../graph/connection.ts).
 */
import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  isAbstractType,
  isObjectType,
  typeFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { pageWindow, type PageWindow } from '../graph/arguments.js';
import { expansionArity } from '../graph/connection.js';
import { propertiesOf, relationOf } from '../model/api.js';
import {
  labels,
  relationshipProperties,
  relationshipTypes,
  traversals,
  type Label,
  type RelationshipType,
  type TraversalName,
} from '../model/graph.js';

/** What a selection is read against: the schema, the document's fragments and the request's variables. */
export interface SelectionContext {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variableValues: Record<string, unknown>;
}

/** What to fetch of the nodes at one level. */
export interface LevelPlan {
  /** The labels a node here may have (more than one under an interface or union). */
  types: Label[];
  properties: 'all' | Set<string>;
  relations: RelationPlan[];
}

/** A relation field of the nodes of one type at a level. */
export interface RelationPlan {
  /** The type whose field this is (nodes of other types at the level skip it). */
  label: Label;
  /** The field's response key (alias or name): its resolver finds the prefetched page under it. */
  key: string;
  traversal: TraversalName;
  /** The page asked for; its cursors' scopes are checked by the field's resolver. */
  window: PageWindow;
  /** `totalCount` is selected. */
  count: boolean;
  /**
   * The relationship's properties that fields of the edge (or of the `via` object) read: none
   * (false), these, or all of them (a field the model does not map to properties).
   */
  rel: RelationshipReads;
  /** A cursor is selected (an edge's, or pageInfo's start or end): the rows carry their keys. */
  cursors: boolean;
  /** `hasNextPage` or `hasPreviousPage` is selected: the page fetches one row more than it holds. */
  more: boolean;
  item: LevelPlan;
}

export type RelationshipReads = false | 'all' | readonly string[];

/**
 * The relationship properties that the edge fields `names` read on a relationship of `type`: a field
 * named after one of the type's properties reads it; `id` its key property; `sources` and `sourceIds`
 * its provenance (and the key, which scopes their cursors); any other field (computed from the whole relationship) all of them.
 */
export function relationshipReads(type: RelationshipType, names: Iterable<string>): RelationshipReads {
  const read = new Set<string>();
  for (const name of names) {
    if (name === 'node' || name === 'cursor' || name === '__typename') continue;
    if ((relationshipProperties[type] as readonly string[]).includes(name)) read.add(name);
    else if (name === 'id' || name === 'sources' || name === 'sourceIds') {
      // The edge's id (also the scope of its sources' cursors) is made with the key property.
      const key = relationshipTypes[type];
      if (key !== null) read.add(key);
      if (name !== 'id') read.add('sources');
    } else return 'all';
  }
  return read.size > 0 ? [...read].sort() : false;
}

const isLabel = (name: string): name is Label => (labels as readonly string[]).includes(name);

function included(node: FieldNode | { directives?: FieldNode['directives'] }, variables: Record<string, unknown>) {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, variables);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, variables);
  return include?.if !== false;
}

/** The fields selected on an object type, by response key, through fragments whose condition it meets. */
function collectFields(
  ctx: SelectionContext,
  type: GraphQLObjectType,
  selectionSets: readonly SelectionSetNode[],
  fields = new Map<string, FieldNode[]>(),
  visited = new Set<string>(),
): Map<string, FieldNode[]> {
  const applies = (condition: GraphQLNamedType | undefined) =>
    !condition || condition === type || (isAbstractType(condition) && ctx.schema.isSubType(condition, type));
  for (const set of selectionSets) {
    for (const selection of set.selections) {
      if (!included(selection, ctx.variableValues)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        fields.set(key, [...(fields.get(key) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition && typeFromAST(ctx.schema, selection.typeCondition);
        if (applies(condition)) collectFields(ctx, type, [selection.selectionSet], fields, visited);
      } else {
        const fragment = ctx.fragments[selection.name.value];
        if (!fragment || visited.has(fragment.name.value)) continue;
        visited.add(fragment.name.value);
        if (applies(typeFromAST(ctx.schema, fragment.typeCondition)))
          collectFields(ctx, type, [fragment.selectionSet], fields, visited);
      }
    }
  }
  return fields;
}

/** The labels a field's named type stands for: itself, or the labels among an interface's or union's members. */
export function labelsOf(ctx: SelectionContext, type: GraphQLNamedType): Label[] {
  if (isObjectType(type)) return isLabel(type.name) ? [type.name] : [];
  if (isAbstractType(type)) return ctx.schema.getPossibleTypes(type).flatMap((member) => labelsOf(ctx, member));
  return [];
}

const subSelections = (nodes: readonly FieldNode[]) =>
  nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));

/** Fields of `PageInfo` that need no cursor. */
const cursorlessPageInfo = new Set(['hasNextPage', 'hasPreviousPage', '__typename']);
/** The pageInfo fields told from one row more than the page holds. */
const morePageInfo = new Set(['hasNextPage', 'hasPreviousPage']);

/**
 * The selection sets of the items of a connection (`nodes`, `edges.node`), and what else it selects:
 * `totalCount`, a cursor (`cursors`), whether the page tells if more items lie beyond it (`more`:
 * `hasNextPage` or `hasPreviousPage`, answered by one row more than the page holds), and the edges'
 * fields by name (what they read of the relationship: relationshipReads).
 */
export function connectionItems(ctx: SelectionContext, connectionType: GraphQLObjectType, nodes: readonly FieldNode[]) {
  const items: SelectionSetNode[] = [];
  let count = false;
  let cursors = false;
  let more = false;
  const selectedOnEdges = new Set<string>();
  for (const [, fieldNodes] of collectFields(ctx, connectionType, subSelections(nodes))) {
    const name = fieldNodes[0]!.name.value;
    if (name === 'nodes') items.push(...subSelections(fieldNodes));
    else if (name === 'totalCount') count = true;
    else if (name === 'pageInfo') {
      const pageInfoType = getNamedType(connectionType.getFields().pageInfo!.type) as GraphQLObjectType;
      for (const [, infoFields] of collectFields(ctx, pageInfoType, subSelections(fieldNodes))) {
        const infoField = infoFields[0]!.name.value;
        if (!cursorlessPageInfo.has(infoField)) cursors = true;
        if (morePageInfo.has(infoField)) more = true;
      }
    } else if (name === 'edges') {
      const edgeType = getNamedType(connectionType.getFields().edges!.type) as GraphQLObjectType;
      for (const [, edgeFields] of collectFields(ctx, edgeType, subSelections(fieldNodes))) {
        const edgeField = edgeFields[0]!.name.value;
        selectedOnEdges.add(edgeField);
        if (edgeField === 'node') items.push(...subSelections(edgeFields));
        else if (edgeField === 'cursor') cursors = true;
      }
    }
  }
  return { items, count, cursors, more, edgeFields: selectedOnEdges };
}

/** Plans one level: the nodes of `types`, with the selection sets that apply to them. */
export function planLevel(
  ctx: SelectionContext,
  types: Label[],
  selectionSets: readonly SelectionSetNode[],
): LevelPlan {
  let properties: LevelPlan['properties'] = new Set<string>();
  const relations: RelationPlan[] = [];
  for (const label of types) {
    const type = ctx.schema.getType(label) as GraphQLObjectType;
    for (const [key, nodes] of collectFields(ctx, type, selectionSets)) {
      const name = nodes[0]!.name.value;
      if (name === '__typename') continue;
      const field = type.getFields()[name];
      const relation = relationOf(label, name);
      const planned =
        field && relation && planRelation(ctx, label, key, field, nodes, relation.traversal, relation.via);
      if (planned) {
        relations.push(planned);
        continue;
      }
      const read = propertiesOf(label, name);
      if (read === null) properties = 'all';
      else if (properties !== 'all') read.forEach((property) => (properties as Set<string>).add(property));
    }
  }
  return { types, properties, relations };
}

/** Plans a relation field, or returns null to leave it to its resolver (e.g. when its arguments are invalid). */
function planRelation(
  ctx: SelectionContext,
  label: Label,
  key: string,
  field: GraphQLField<unknown, unknown>,
  nodes: FieldNode[],
  traversal: TraversalName,
  via: string | undefined,
): RelationPlan | null {
  const target = getNamedType(field.type);
  let window: PageWindow;
  try {
    window =
      traversals[traversal].cardinality === 'one'
        ? { size: 1, backward: false, after: null, before: null }
        : pageWindow(getArgumentValues(field, nodes[0]!, ctx.variableValues), null, 20, expansionArity(traversal));
  } catch {
    return null;
  }
  const planned = (
    item: LevelPlan,
    count = false,
    rel: RelationshipReads = false,
    cursors = false,
    more = false,
  ): RelationPlan => ({
    label,
    key,
    traversal,
    window,
    count,
    rel,
    cursors,
    more,
    item,
  });
  if (traversals[traversal].cardinality === 'many') {
    if (!isObjectType(target)) return null;
    const { items, count, cursors, more, edgeFields } = connectionItems(ctx, target, nodes);
    const rel = relationshipReads(traversals[traversal].type, edgeFields);
    return planned(planLevel(ctx, itemLabels(ctx, target), items), count, rel, cursors, more);
  }
  if (!via) return planned(planLevel(ctx, labelsOf(ctx, target), subSelections(nodes)));
  // A `via` object: its `via` field is the neighbour, its other fields read the relationship.
  const viaField = isObjectType(target) ? target.getFields()[via] : undefined;
  if (!isObjectType(target) || !viaField) return null;
  const { items, others } = fieldItems(ctx, target, nodes, via);
  const read = [...selectedFields(ctx, target, subSelections(nodes))].filter((name) => name !== via);
  const rel = others ? relationshipReads(traversals[traversal].type, read) : false;
  return planned(planLevel(ctx, labelsOf(ctx, getNamedType(viaField.type)), items), false, rel);
}

/**
 * The selection sets of field `name` of the objects of `type` that `nodes` select (a search result's
 * `node`, an article position's `article`), and whether anything else but `__typename` is selected.
 */
export const fieldItems = (ctx: SelectionContext, type: GraphQLObjectType, nodes: readonly FieldNode[], name: string) =>
  setItems(ctx, type, subSelections(nodes), name);

/** As fieldItems, from the selection sets on the objects of `type` (`relationships { from { … } }`). */
export function setItems(
  ctx: SelectionContext,
  type: GraphQLObjectType,
  sets: readonly SelectionSetNode[],
  name: string,
) {
  const items: SelectionSetNode[] = [];
  let others = false;
  for (const [, fields] of collectFields(ctx, type, sets)) {
    if (fields[0]!.name.value === name) items.push(...subSelections(fields));
    else if (fields[0]!.name.value !== '__typename') others = true;
  }
  return { items, others };
}

/** The names of the fields selected on the objects of `type` by `sets` (through fragments too). */
export function selectedFields(ctx: SelectionContext, type: GraphQLObjectType, sets: readonly SelectionSetNode[]) {
  return new Set([...collectFields(ctx, type, sets).values()].map((fields) => fields[0]!.name.value));
}

/** The labels of a connection's items (the type of its `nodes`). */
function itemLabels(ctx: SelectionContext, connectionType: GraphQLObjectType): Label[] {
  const nodesField = connectionType.getFields().nodes;
  return nodesField ? labelsOf(ctx, getNamedType(nodesField.type)) : [];
}
