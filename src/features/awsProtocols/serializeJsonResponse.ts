import { AwsMap, type AwsResult, type AwsValue } from './AwsOperation.js';

/** Converts a result value to the JSON protocol's form: timestamps as epoch seconds, maps as objects. */
function toJsonValue(value: AwsValue): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (value instanceof AwsMap) return { ...value.entries };
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (value !== null && typeof value === 'object') {
    const members: Record<string, unknown> = {};
    for (const [name, member] of Object.entries(value as Record<string, AwsValue>))
      if (member !== undefined && member !== null) members[name] = toJsonValue(member);
    return members;
  }
  return value;
}

/** The JSON 1.1 protocol's success body (`{}` for operations that return nothing). */
export function serializeJsonResponse(result: AwsResult): string {
  return JSON.stringify(result === null ? {} : toJsonValue(result));
}
