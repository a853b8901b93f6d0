/** Builds policy JSON text for tests from statements. */
export function policyText(...statements: object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** An Allow statement for tests. */
export function allow(action: string | string[], resource: string | string[] = '*', extra: object = {}): object {
  return { Effect: 'Allow', Action: action, Resource: resource, ...extra };
}

/** A Deny statement for tests. */
export function deny(action: string | string[], resource: string | string[] = '*', extra: object = {}): object {
  return { Effect: 'Deny', Action: action, Resource: resource, ...extra };
}
