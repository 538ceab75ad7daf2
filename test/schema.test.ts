/** The schema documents itself: the playground's Docs pane is what people read. */
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  type GraphQLInterfaceType,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../src/schema.js';

const schema = buildSchema(loadTypeDefs().join('\n'));
const ownTypes = Object.values(schema.getTypeMap()).filter((type) => !type.name.startsWith('__'));

describe('the schema', () => {
  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const type of ownTypes) {
      if (['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('makes every major object a Node, and speakers and participants Actors', () => {
    const node = schema.getType('Node');
    const actor = schema.getType('Actor');
    if (!isInterfaceType(node) || !isInterfaceType(actor)) throw new Error('Node and Actor must be interfaces');
    const nodes = schema.getPossibleTypes(node).map((type) => type.name);
    expect(nodes.sort()).toEqual(['Article', 'Meeting', 'Organization', 'Person', 'Place', 'Statement', 'Topic']);
    expect(
      schema
        .getPossibleTypes(actor)
        .map((type) => type.name)
        .sort(),
    ).toEqual(['Organization', 'Person']);
    // Mentionable and TimelineItem are interfaces implementing Node, so that their id, display name and
    // type can be read with no fragment per type.
    const mentionable = schema.getType('Mentionable');
    expect(isInterfaceType(mentionable) && mentionable.getInterfaces().map((i) => i.name)).toEqual(['Node']);
    expect(
      schema
        .getPossibleTypes(mentionable as GraphQLInterfaceType)
        .map((type) => type.name)
        .sort(),
    ).toEqual(['Meeting', 'Organization', 'Person', 'Place', 'Topic']);
    const timelineItem = schema.getType('TimelineItem');
    expect(isInterfaceType(timelineItem) && timelineItem.getInterfaces().map((i) => i.name)).toEqual(['Node']);
    expect(
      schema
        .getPossibleTypes(timelineItem as GraphQLInterfaceType)
        .map((type) => type.name)
        .sort(),
    ).toEqual(['Meeting', 'Statement']);
    // No union is left: every abstract type offers Node's fields.
    expect(Object.values(schema.getTypeMap()).filter(isUnionType)).toEqual([]);
  });

  it('gives every connection edges, nodes, pageInfo and totalCount', () => {
    const connections = ownTypes.filter((type) => type.name.endsWith('Connection'));
    expect(connections.length).toBeGreaterThanOrEqual(15);
    for (const type of connections) {
      if (!isObjectType(type)) throw new Error(`${type.name} is not an object type`);
      expect(Object.keys(type.getFields()).sort(), type.name).toEqual(['edges', 'nodes', 'pageInfo', 'totalCount']);
    }
  });
});
