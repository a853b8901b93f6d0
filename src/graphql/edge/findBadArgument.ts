import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { allowedCharactersText, argumentRules, defaultArgumentRule, forbiddenCharacters } from './argumentRules.js';

/** A string argument that breaks a rule: where, what, and the constraint in AWS's words. */
export interface BadArgument {
  name: string;
  value: string;
  constraint: string;
}

/** What the arguments are read from: the schema, the operation with its fragments, the raw variables. */
export interface ArgumentsInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  variables: Readonly<Record<string, unknown>>;
}

/**
 * The first string in any argument of the operation (literal or variable, nested in input objects and
 * lists, in fragments too) that breaks {@link argumentRules}: a forbidden control character, a length over
 * IAM's maximum, or a pattern. Null when all pass, or when the variables do not coerce (execution reports that).
 */
export function findBadArgument(input: ArgumentsInput): BadArgument | null {
  const coerced = getVariableValues(input.schema, input.operation.variableDefinitions ?? [], { ...input.variables });
  if (coerced.errors) return null;
  const root =
    input.operation.operation === 'mutation'
      ? input.schema.getMutationType()
      : input.operation.operation === 'subscription'
        ? input.schema.getSubscriptionType()
        : input.schema.getQueryType();
  if (!root) return null;
  return inSelectionSet(input, coerced.coerced, input.operation.selectionSet, root, new Set());
}

function inSelectionSet(
  input: ArgumentsInput,
  variables: Record<string, unknown>,
  selectionSet: SelectionSetNode,
  parentType: GraphQLNamedType,
  spreading: Set<string>,
): BadArgument | null {
  for (const selection of selectionSet.selections) {
    let found: BadArgument | null = null;
    if (selection.kind === Kind.FIELD) {
      const field = (parentType as { getFields?: () => Record<string, GraphQLField<unknown, unknown>> }).getFields?.()[
        selection.name.value
      ];
      if (!field) continue;
      let values: Record<string, unknown> = {};
      try {
        values = getArgumentValues(field, selection, variables);
      } catch {
        // A value that does not coerce is graphql's to report, at execution.
      }
      for (const [name, value] of Object.entries(values)) {
        found ??= inValue(name, value);
      }
      if (!found && selection.selectionSet) {
        found = inSelectionSet(input, variables, selection.selectionSet, getNamedType(field.type), spreading);
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? input.schema.getType(selection.typeCondition.name.value) : parentType;
      found = inSelectionSet(input, variables, selection.selectionSet, type ?? parentType, spreading);
    } else {
      const fragment = input.fragments[selection.name.value];
      if (fragment && !spreading.has(fragment.name.value)) {
        spreading.add(fragment.name.value);
        const type = input.schema.getType(fragment.typeCondition.name.value) ?? parentType;
        found = inSelectionSet(input, variables, fragment.selectionSet, type, spreading);
        spreading.delete(fragment.name.value);
      }
    }
    if (found) return found;
  }
  return null;
}

function inValue(name: string, value: unknown): BadArgument | null {
  if (typeof value === 'string') return checkString(name, value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = inValue(name, item);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = inValue(key, item);
      if (found) return found;
    }
  }
  return null;
}

function checkString(name: string, value: string): BadArgument | null {
  if (forbiddenCharacters.test(value)) {
    return { name, value, constraint: `Member must satisfy regular expression pattern: ${allowedCharactersText}` };
  }
  const rule = argumentRules[name] ?? defaultArgumentRule;
  if (rule.pattern && !rule.pattern.test(value)) {
    return {
      name,
      value,
      constraint: `Member must satisfy regular expression pattern: ${rule.patternText ?? rule.pattern.source}`,
    };
  }
  if (value.length > rule.max)
    return { name, value, constraint: `Member must have length less than or equal to ${rule.max}` };
  return null;
}
