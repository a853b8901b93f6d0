import { Kind, parse, type OperationDefinitionNode, type ValueNode } from 'graphql';
import type { GraphScopeChoice } from './accessGraphQuery.js';

/** One GraphQL request as the explorer sent it. */
export interface SentRequest {
  query: string;
  operationName?: string | null;
  variables?: unknown;
}

/**
 * The graph scope of a `whoCanAccess` or `assumeRolePaths` request, read from its arguments (literals or
 * variables), so the explorer can offer to draw the answer just received; null for any other request.
 */
export function findDrawableAnswer(request: SentRequest): GraphScopeChoice | null {
  let operation: OperationDefinitionNode | undefined;
  try {
    const operations = parse(request.query).definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    operation = request.operationName ? operations.find((o) => o.name?.value === request.operationName) : operations[0];
  } catch {
    return null;
  }
  const variables = (request.variables ?? {}) as Record<string, unknown>;
  const read = (value: ValueNode | undefined): string | null => {
    if (value?.kind === Kind.STRING) return value.value;
    if (value?.kind === Kind.VARIABLE) {
      const given = variables[value.name.value];
      return typeof given === 'string' ? given : null;
    }
    return null;
  };
  for (const selection of operation?.selectionSet.selections ?? []) {
    if (selection.kind !== Kind.FIELD) continue;
    const args = Object.fromEntries((selection.arguments ?? []).map((arg) => [arg.name.value, read(arg.value)]));
    if (selection.name.value === 'whoCanAccess' && args.resourceArn && args.action) {
      return { kind: 'whoCanAccess', resourceArn: args.resourceArn, action: args.action };
    }
    if (selection.name.value === 'assumeRolePaths' && args.fromArn && args.toRoleArn) {
      return { kind: 'assumeRolePaths', fromArn: args.fromArn, toRoleArn: args.toRoleArn };
    }
  }
  return null;
}
