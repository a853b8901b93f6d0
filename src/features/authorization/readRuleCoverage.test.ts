import { readFileSync } from 'node:fs';
import {
  buildSchema,
  extendSchema,
  getNamedType,
  isInterfaceType,
  isObjectType,
  parse,
  type GraphQLSchema,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { nodeTypes } from '../../graphql/globalId.js';
import { NODE_RULES } from './nodeRules.js';
import { READ_RULES } from './readRules.js';

const schema = buildSchema(readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8'));

/**
 * The reads that need a rule: every Query field; and on every type implementing Node, each field that leads to
 * another object (a Node, a connection of them), a list of objects, or takes arguments (canPerform, whoCan ...).
 */
function readsNeedingRules(target: GraphQLSchema): string[] {
  const needed = Object.keys(target.getQueryType()!.getFields()).map((field) => `Query.${field}`);
  const node = target.getType('Node');
  for (const type of Object.values(target.getTypeMap())) {
    if (!isObjectType(type) || !isInterfaceType(node) || !type.getInterfaces().includes(node)) continue;
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      const leadsToObject = isObjectType(named) || isInterfaceType(named);
      if (leadsToObject || field.args.length > 0) needed.push(`${type.name}.${field.name}`);
    }
  }
  return needed;
}

function missingRules(target: GraphQLSchema): string[] {
  const rules = READ_RULES as unknown as Record<string, Record<string, unknown> | undefined>;
  return readsNeedingRules(target).filter((key) => {
    const [type, field] = key.split('.') as [string, string];
    return rules[type]?.[field] === undefined;
  });
}

describe('every read has an authorization rule', () => {
  it('covers every Query field and every Node-type field that reaches other objects or takes arguments', () => {
    expect(missingRules(schema)).toEqual([]);
  });

  it('has a node rule for every type node(id:) can return, and for nothing else', () => {
    const implementing = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && type.getInterfaces().some((i) => i.name === 'Node'))
      .map((type) => type.name)
      .sort();
    expect([...nodeTypes].sort()).toEqual(implementing);
    expect(Object.keys(NODE_RULES).sort()).toEqual(implementing);
  });

  it('fails for a new field or Query field without a rule (the check is not vacuous)', () => {
    const extended = extendSchema(
      schema,
      parse('extend type User { manager: User } extend type Query { secret(arn: String!): Role! }'),
    );
    expect(missingRules(extended)).toEqual(['Query.secret', 'User.manager']);
  });
});
