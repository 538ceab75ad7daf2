/**
 * The declared model (src/model/) against the SDL (schema/): every relation field the model names
 * exists with the shape its traversal promises, every field of a node type that leads to other nodes
 * is in the model, and every other field reads stored properties the model knows, so the compiler
 * never has to fetch whole nodes for a field of the schema. No database needed.
 */
import {
  buildSchema,
  getNamedType,
  isAbstractType,
  isEnumType,
  isLeafType,
  isObjectType,
  type GraphQLEnumType,
  type GraphQLNamedType,
  type GraphQLObjectType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { propertiesOf, relationFields, relationOf, type RelationField } from '../src/model/api.js';
import {
  displayNameLength,
  displayNameOf,
  displayNameProperties,
  enums,
  fullText,
  labelNamed,
  labelOfId,
  labels,
  nodeProperties,
  relationshipProperties,
  traversals,
  type Label,
} from '../src/model/graph.js';
import { loadTypeDefs } from '../src/schema.js';

const schema = buildSchema(loadTypeDefs().join('\n'));
const typeOf = (label: Label) => schema.getType(label) as GraphQLObjectType;

/** The labels a named type stands for: itself, or an interface's or union's members. */
const labelsOf = (type: GraphQLNamedType): string[] =>
  isAbstractType(type) ? schema.getPossibleTypes(type).map((t) => t.name) : [type.name];

/** Fields that lead to nodes without a traversal of the model: provenance lists and who-met-whom. */
const notRelations = new Set(['sources', 'metWith']);

describe.each(labels.map((label) => [label]))('%s', (label) => {
  it('is a GraphQL type implementing Node', () => {
    expect(
      typeOf(label)
        .getInterfaces()
        .map((i) => i.name),
    ).toContain('Node');
  });

  it('has every relation field of the model, shaped as its traversal says', () => {
    for (const [field, relation] of Object.entries(relationFields[label] as Record<string, RelationField>)) {
      const traversal = traversals[relation.traversal];
      const definition = typeOf(label).getFields()[field];
      expect(definition, `${label}.${field}`).toBeDefined();
      let target = getNamedType(definition!.type);
      if (traversal.cardinality === 'many') {
        expect(target.name, `${label}.${field}`).toMatch(/Connection$/);
        target = getNamedType((target as GraphQLObjectType).getFields().nodes!.type);
      } else if (relation.via) {
        target = getNamedType((target as GraphQLObjectType).getFields()[relation.via]!.type);
      }
      const expected = traversal.target === 'Node' ? labelsOf(target) : [traversal.target];
      expect(labelsOf(target), `${label}.${field}`).toEqual(expected);
      expect(
        labelsOf(target).every((name) => (labels as readonly string[]).includes(name)),
        `${label}.${field}`,
      ).toBe(true);
    }
  });

  it('declares every field that leads to other nodes, and what every other field reads', () => {
    for (const [field, definition] of Object.entries(typeOf(label).getFields())) {
      const type = getNamedType(definition.type);
      const leadsToNodes =
        !isLeafType(type) &&
        (labelsOf(type).some((name) => (labels as readonly string[]).includes(name)) ||
          type.name.endsWith('Connection'));
      if (relationOf(label, field)) continue;
      if (leadsToNodes && !notRelations.has(field)) {
        // Only an object that wraps a node next to relationship properties may stand between (reportedIn).
        expect(isObjectType(type) && type.name.endsWith('Connection'), `${label}.${field} is not in the model`).toBe(
          false,
        );
      }
      expect(propertiesOf(label, field), `${label}.${field}: which stored properties does it read?`).not.toBeNull();
    }
  });
});

describe('enums and names', () => {
  it('hold the same values as the GraphQL enums of the same names', () => {
    for (const [name, values] of Object.entries(enums)) {
      const type = schema.getType(name);
      expect(isEnumType(type), name).toBe(true);
      expect(
        (type as GraphQLEnumType)
          .getValues()
          .map((value) => value.name)
          .sort(),
        name,
      ).toEqual([...values].sort());
    }
  });

  it('name every label in SearchableType, upper-cased', () => {
    const searchable = (schema.getType('SearchableType') as GraphQLEnumType).getValues().map((value) => value.name);
    expect(searchable.map((value) => labelNamed(value))).toEqual([...labels]);
  });

  it('tell the label of an id by its prefix', () => {
    expect(labelOfId('person:sergei-ryabkov')).toBe('Person');
    expect(labelOfId('meeting:geneva-talks')).toBe('Meeting');
    expect(labelOfId('nobody:x')).toBeNull();
    expect(labelOfId('no-prefix')).toBeNull();
  });

  it('index for full-text search only properties some label stores', () => {
    const stored = new Set(labels.flatMap((label) => [...nodeProperties[label]]));
    for (const property of [...fullText.properties, ...fullText.english])
      expect(stored.has(property), property).toBe(true);
  });
});

describe('what a drawing reads', () => {
  it('gives GraphRelationship one typed field for each relationship property the model declares', () => {
    const relationship = schema.getType('GraphRelationship') as GraphQLObjectType;
    const own = new Set(['id', 'type', 'from', 'to', 'sources', 'properties', 'sourceIds']);
    const typed = Object.keys(relationship.getFields()).filter((field) => !own.has(field));
    expect(typed.sort()).toEqual([...new Set(Object.values(relationshipProperties).flat())].sort());
    // Dates are PartialDate, like every other date of the API.
    expect(getNamedType(relationship.getFields().startDate!.type).name).toBe('PartialDate');
    expect(relationship.getFields().properties!.deprecationReason).toBeTruthy();
    expect(relationship.getFields().sourceIds!.deprecationReason).toBeTruthy();
  });

  it('names every label in NodeType and declares a display-name rule for each', () => {
    const nodeType = schema.getType('NodeType') as GraphQLEnumType;
    expect(nodeType.getValues().map((value) => value.name)).toEqual(labels.map((label) => label.toUpperCase()));
    for (const label of labels) {
      expect(propertiesOf(label, 'displayName'), label).toEqual(displayNameProperties[label]);
      expect(typeOf(label).getFields().displayName?.type.toString(), label).toBe('String!');
    }
  });

  it('never gives an empty display name, and shortens a long one at a word', () => {
    expect(displayNameOf('Person', { id: 'person:x', name: 'Sergei Ryabkov' })).toBe('Sergei Ryabkov');
    expect(displayNameOf('Statement', { id: 'statement:x', summary: '  ', text: 'Kami  siap' })).toBe('Kami siap');
    expect(displayNameOf('Topic', { id: 'topic:x' })).toBe('topic:x');
    const long = displayNameOf('Statement', { id: 'statement:y', summary: 'word '.repeat(40) });
    expect(long.length).toBeLessThanOrEqual(displayNameLength);
    expect(long).toMatch(/^word( word)+…$/);
  });
});
