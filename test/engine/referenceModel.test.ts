import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/iam/index.js';
import { evaluateReference, findMatchingDenies, globMatches, type ReferenceRequest } from './referenceEvaluator.js';

// Random policies and requests in the reference evaluator's subset, compared with the engine's `simulate`.
// Small alphabets on purpose: random strings would almost never match, and mismatches are what we test.

const ACCOUNT = '123456789012';
const USER = `arn:aws:iam::${ACCOUNT}:user/alice`;
const ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 'ec2:RunInstances', 'iam:CreateUser'];
const ACTION_PATTERNS = [
  ...ACTIONS,
  's3:getobject',
  'S3:*',
  's3:Get*',
  '*',
  'ec2:?unInstances',
  'iam:Create*',
  's3:*Object',
];
const RESOURCES = ['arn:aws:s3:::b/x', 'arn:aws:s3:::b/y/z', 'arn:aws:s3:::c/x', 'arn:aws:s3:::B/x'];
const RESOURCE_PATTERNS = [
  ...RESOURCES,
  '*',
  'arn:aws:s3:::b/*',
  'arn:aws:s3:::?/x',
  'arn:aws:s3:::c/*',
  'arn:aws:s3:::*/x',
];
const STRING_VALUES = ['blue', 'Blue', 'red', 'bl*', 'b?ue'];
const NUMBER_VALUES = ['0', '5', '10', '10.0', '-3'];
const CONDITION_KEYS = { string: 'test:team', numeric: 'test:count', bool: 'test:secure' } as const;
const STRING_OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
];
const NUMERIC_OPERATORS = [
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
];

const oneOrMany = <T>(arb: fc.Arbitrary<T>) => fc.oneof(arb, fc.array(arb, { minLength: 1, maxLength: 3 }));
const ifExists = (operator: fc.Arbitrary<string>) =>
  fc.tuple(operator, fc.boolean()).map(([op, e]) => (e ? `${op}IfExists` : op));

const conditionArb = fc.oneof(
  fc
    .tuple(ifExists(fc.constantFrom(...STRING_OPERATORS)), oneOrMany(fc.constantFrom(...STRING_VALUES)))
    .map(([op, v]) => ({ [op]: { [CONDITION_KEYS.string]: v } })),
  fc
    .tuple(ifExists(fc.constantFrom(...NUMERIC_OPERATORS)), oneOrMany(fc.constantFrom(...NUMBER_VALUES)))
    .map(([op, v]) => ({ [op]: { [CONDITION_KEYS.numeric]: v } })),
  fc
    .tuple(ifExists(fc.constant('Bool')), fc.constantFrom('true', 'false'))
    .map(([op, v]) => ({ [op]: { [CONDITION_KEYS.bool]: v } })),
);

const statementArb = (principals: fc.Arbitrary<unknown> | null) =>
  fc
    .record({
      effect: fc.constantFrom('Allow', 'Deny'),
      notAction: fc.boolean(),
      actions: oneOrMany(fc.constantFrom(...ACTION_PATTERNS)),
      notResource: fc.boolean(),
      resources: oneOrMany(fc.constantFrom(...RESOURCE_PATTERNS)),
      condition: fc.option(conditionArb, { freq: 2 }),
      principal: principals ?? fc.constant(null),
    })
    .map((s) => ({
      Effect: s.effect,
      ...(principals === null ? {} : { Principal: s.principal }),
      [s.notAction ? 'NotAction' : 'Action']: s.actions,
      [s.notResource ? 'NotResource' : 'Resource']: s.resources,
      ...(s.condition === null ? {} : { Condition: s.condition }),
    }));

const policyArb = (principals: fc.Arbitrary<unknown> | null = null) =>
  fc
    .array(statementArb(principals), { minLength: 1, maxLength: 4 })
    .map((Statement) => ({ Version: '2012-10-17', Statement }));

const principalArb = fc.constantFrom<unknown>(
  '*',
  { AWS: USER },
  { AWS: `arn:aws:iam::${ACCOUNT}:root` },
  { AWS: `arn:aws:iam::${ACCOUNT}:user/bob` },
  { AWS: [USER, `arn:aws:iam::${ACCOUNT}:user/bob`] },
);

const contextArb = fc.record(
  {
    [CONDITION_KEYS.string]: fc.constantFrom('blue', 'Blue', 'red', 'bl*'),
    [CONDITION_KEYS.numeric]: fc.constantFrom(...NUMBER_VALUES, '7'),
    [CONDITION_KEYS.bool]: fc.constantFrom('true', 'false'),
  },
  { requiredKeys: [] },
);

const requestArb = (withLevels: boolean): fc.Arbitrary<ReferenceRequest> =>
  fc.record({
    principalArn: fc.constant(USER),
    action: fc.constantFrom(...ACTIONS),
    resource: fc.constantFrom(...RESOURCES),
    context: contextArb as fc.Arbitrary<Record<string, string>>,
    identityPolicies: fc.array(policyArb(), { minLength: 0, maxLength: 3 }),
    permissionsBoundary: withLevels ? fc.option(policyArb(), { freq: 2 }) : fc.constant(null),
    scpLevels: withLevels
      ? fc.array(fc.array(policyArb(), { minLength: 1, maxLength: 2 }), { maxLength: 3 })
      : fc.constant([]),
    resourcePolicy: withLevels ? fc.option(policyArb(principalArb), { freq: 2 }) : fc.constant(null),
  });

const CONTEXT_TYPES: Record<string, 'string' | 'numeric' | 'boolean'> = {
  [CONDITION_KEYS.string]: 'string',
  [CONDITION_KEYS.numeric]: 'numeric',
  [CONDITION_KEYS.bool]: 'boolean',
};

/** Asks the engine the same question through its public door. */
function engineDecision(request: ReferenceRequest): string {
  const outcome = simulateOne(request);
  if (!outcome.ok) return `errors: ${JSON.stringify(outcome.errors)}`;
  return outcome.result.evaluationResults[0]!.evalDecision;
}

function simulateOne(request: ReferenceRequest) {
  return simulate({
    policyInputList: request.identityPolicies.map((p) => JSON.stringify(p)),
    permissionsBoundaryPolicyInputList:
      request.permissionsBoundary === null ? null : [JSON.stringify(request.permissionsBoundary)],
    organizationPolicyInputList: request.scpLevels.map((level) => level.map((p) => JSON.stringify(p))),
    resourcePolicy: request.resourcePolicy === null ? null : JSON.stringify(request.resourcePolicy),
    callerArn: request.principalArn,
    actionNames: [request.action],
    resourceArns: [request.resource],
    contextEntries: Object.entries(request.context).map(([key, value]) => ({
      key,
      values: [value],
      type: CONTEXT_TYPES[key],
    })),
  });
}

const byId = (a: { policy: string; statement: number }, b: { policy: string; statement: number }) =>
  `${a.policy}#${a.statement}`.localeCompare(`${b.policy}#${b.statement}`);

describe('reference evaluator', () => {
  it('matches wildcards the way the User Guide describes', () => {
    expect(globMatches('s3:Get*', 's3:GetObject')).toBe(true);
    expect(globMatches('a?c', 'abc')).toBe(true);
    expect(globMatches('a?c', 'ac')).toBe(false);
    expect(globMatches('*', '')).toBe(true);
    expect(globMatches('a*b*c', 'axxbyyc')).toBe(true);
    expect(globMatches('a*b*c', 'axxbyy')).toBe(false);
  });
});

describe('engine agrees with the reference evaluator', () => {
  it('on identity policies alone', () => {
    fc.assert(
      fc.property(requestArb(false), (request) => {
        expect(engineDecision(request)).toBe(evaluateReference(request));
      }),
      { numRuns: 1000, seed: 20261123 },
    );
  });

  it('with a permissions boundary, SCP levels and a same-account resource policy', () => {
    fc.assert(
      fc.property(requestArb(true), (request) => {
        expect(engineDecision(request)).toBe(evaluateReference(request));
      }),
      { numRuns: 1000, seed: 3 },
    );
  });

  it('reports exactly the matching Deny statements of an explicit deny', () => {
    fc.assert(
      fc.property(requestArb(true), (request) => {
        const outcome = simulateOne(request);
        expect(outcome.ok).toBe(true);
        if (!outcome.ok) return;
        const result = outcome.result.evaluationResults[0]!;
        fc.pre(result.evalDecision === 'explicitDeny');
        const reported = result.matchedStatements
          .map((m) => ({ policy: m.sourcePolicyId, statement: m.statementIndex }))
          .sort(byId);
        expect(reported).toEqual(findMatchingDenies(request).sort(byId));
      }),
      { numRuns: 500, seed: 5 },
    );
  });

  it('generates requests that reach all three decisions (the properties are not vacuous)', () => {
    for (const withLevels of [false, true]) {
      const counts = { allowed: 0, explicitDeny: 0, implicitDeny: 0 };
      for (const request of fc.sample(requestArb(withLevels), { numRuns: 500, seed: 11 }))
        counts[evaluateReference(request)]++;
      for (const count of Object.values(counts)) expect(count).toBeGreaterThan(20);
    }
  });

  it('finds a disagreement when the reference is deliberately wrong (the comparison can fail)', () => {
    // Guards against a harness that compares nothing: flipping Deny to Allow must be noticed quickly.
    const broken = (request: ReferenceRequest) =>
      evaluateReference(request) === 'explicitDeny' ? 'allowed' : evaluateReference(request);
    const result = fc.check(
      fc.property(requestArb(false), (request) => engineDecision(request) === broken(request)),
      { numRuns: 500, seed: 7 },
    );
    expect(result.failed).toBe(true);
  });
});
