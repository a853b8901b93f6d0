import { describe, expect, it } from 'vitest';
import { validatePolicy, type PolicyKind } from '../../iam/index.js';
import { planScenario } from './planScenario.js';
import { listScenarioNames, readScenario } from './readScenario.js';
import { stringifyPolicy } from './stringifyPolicy.js';

/** Every policy a scenario stores or passes, with the kind the engine validates it as. */
function policiesOf(name: string): { where: string; kind: PolicyKind; text: string }[] {
  const scenario = readScenario(name);
  const plan = planScenario(scenario);
  return [
    ...plan.managedPolicies.map((p) => ({ where: p.arn, kind: 'identity' as const, text: p.document })),
    ...plan.inlinePolicies.map((p) => ({ where: `inline ${p.name}`, kind: 'identity' as const, text: p.document })),
    ...plan.roles.map((r) => ({
      where: `trust of ${r.arn}`,
      kind: 'trust' as const,
      text: r.assumeRolePolicyDocument,
    })),
    ...plan.resources.flatMap((r) =>
      r.policyDocument === null ? [] : [{ where: r.arn, kind: 'resource' as const, text: r.policyDocument }],
    ),
    ...plan.organizationPolicies.map((p) => ({
      where: p.name,
      kind: p.type === 'SERVICE_CONTROL_POLICY' ? ('scp' as const) : ('rcp' as const),
      text: p.document,
    })),
    ...scenario.expectations.flatMap((e) =>
      (e.chain ?? []).flatMap((s) =>
        !('policy' in s) || s.policy === undefined
          ? []
          : [
              {
                where: `session policy in "${e.description}"`,
                kind: 'session' as const,
                text: stringifyPolicy(s.policy),
              },
            ],
      ),
    ),
  ];
}

describe('scenario policies', () => {
  for (const name of listScenarioNames()) {
    it(`${name}: every policy is valid for its kind, without warnings`, () => {
      const policies = policiesOf(name);
      expect(policies.length).toBeGreaterThan(0);
      for (const policy of policies) {
        const { errors, warnings } = validatePolicy(policy.text, policy.kind);
        expect([policy.where, errors.map((e) => e.message), warnings.map((w) => w.message)]).toEqual([
          policy.where,
          [],
          [],
        ]);
      }
    });
  }
});
