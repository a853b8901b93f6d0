import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateOrganization } from '../../bench/access/generateOrganization.js';
import { toAuthorizationRows } from '../../bench/access/toAuthorizationRows.js';
import {
  buildAuthorizationModel,
  createAssumeRoleGraph,
  decidePrincipalAccess,
  describeSubject,
  describeTarget,
  evaluateAccess,
  evaluateAssumeRoleHop,
  findWhoCanAccess,
  WHO_CAN_ACCESS_MAX_DEPTH,
  type AuthorizationModel,
} from '../../src/iam/analysis/index.js';

/**
 * The naive reference: decide canPerform for every principal with the engine (no candidate pruning), then
 * widen breadth-first through every (principal, role) pair that can assume — no trust index, no prefilter.
 */
function referenceWhoCanAccess(model: AuthorizationModel, resourceArn: string, action: string): Set<string> {
  const target = describeTarget(model, resourceArn, action);
  const principals = [...model.principals.values()];
  const reached = new Set(
    principals
      .filter((p) => decidePrincipalAccess(model, p, action, target).evalDecision === 'allowed')
      .map((p) => p.arn),
  );
  let frontier = [...reached].filter((arn) => model.roles.has(arn));
  for (let depth = 0; depth < WHO_CAN_ACCESS_MAX_DEPTH && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const roleArn of frontier) {
      const role = model.roles.get(roleArn)!;
      const trustTarget = describeTarget(model, roleArn, 'sts:AssumeRole');
      for (const caller of principals) {
        if (reached.has(caller.arn) || caller === role) continue;
        const direct =
          evaluateAccess(model, describeSubject(model, caller), 'sts:AssumeRole', trustTarget).evalDecision ===
          'allowed';
        if (!direct && evaluateAssumeRoleHop(model, caller, role) === null) continue;
        reached.add(caller.arn);
        if (model.roles.has(caller.arn)) next.push(caller.arn);
      }
    }
    frontier = next;
  }
  return reached;
}

describe('whoCanAccess', () => {
  it('agrees with canPerform for every principal, directly and through role assumptions, on generated organizations', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 0, max: 100 }),
        (seed, accounts, pick) => {
          const org = generateOrganization({
            accounts,
            usersPerAccount: 3,
            rolesPerAccount: 20,
            managedPoliciesPerAccount: 4,
            resourcesPerAccount: 5,
            seed,
          });
          const { organizations, slices } = toAuthorizationRows(org);
          const model = buildAuthorizationModel(organizations, slices);
          const resource = org.resources[pick % org.resources.length]!;
          const [resourceArn, action] =
            resource.service === 'kms' ? [resource.arn, 'kms:Decrypt'] : [`${resource.arn}/file`, 's3:GetObject'];
          const fast = findWhoCanAccess(model, createAssumeRoleGraph(model), resourceArn, action);
          expect(new Set(fast.map((grant) => grant.principal.arn))).toEqual(
            referenceWhoCanAccess(model, resourceArn, action),
          );
          for (const grant of fast) {
            const direct = grant.path.hops.length === 0;
            const target = describeTarget(model, resourceArn, action);
            expect(decidePrincipalAccess(model, grant.principal, action, target).evalDecision === 'allowed').toBe(
              direct,
            );
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
