import { isPrincipalUniqueId } from '../arn/isPrincipalUniqueId.js';
import { parsePrincipal } from '../arn/parsePrincipal.js';
import type { PolicyKind } from './Policy.js';
import { parsePolicy } from './parsePolicy.js';

/**
 * The IAM users and roles a policy names in its Principal and NotPrincipal elements, as written (ARNs with
 * their paths), without duplicates. IAM resolves these to the principals' unique ids when it stores a trust
 * or resource policy, and refuses the document when one does not exist, so a service asks this list before
 * storing. Users' and roles' unique ids (`AIDA…`, `AROA…`) are listed too, so a service can show the ARN of
 * one that exists, as IAM does. Account roots, services, federated principals and `*` are not listed. Empty
 * for a policy that does not parse (its faults are the validator's to report).
 */
export function listNamedPrincipals(text: string, kind: PolicyKind): string[] {
  const named = new Set<string>();
  for (const statement of parsePolicy(text, kind).policy?.statements ?? []) {
    for (const value of [...(statement.principal?.aws ?? []), ...(statement.notPrincipal?.aws ?? [])]) {
      if (isPrincipalUniqueId(value)) {
        named.add(value);
        continue;
      }
      const principal = parsePrincipal(value);
      if (principal?.kind === 'user' || principal?.kind === 'role') named.add(principal.arn);
    }
  }
  return [...named];
}
