import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simulate, type EvaluationResult } from '../../src/iam/index.js';
import { loadCases, type ExpectedResult } from './loadCases.js';

const cases = loadCases(fileURLToPath(new URL('../cases', import.meta.url)));

/** Projects an engine result onto the fields a case pins, so absent expectations are not checked. */
function project(result: EvaluationResult, expected: ExpectedResult): Record<string, unknown> {
  const actual: Record<string, unknown> = {
    action: result.evalActionName,
    resource: result.evalResourceName,
    decision: result.evalDecision,
  };
  if (expected.matchedStatements !== undefined) {
    actual.matchedStatements = result.matchedStatements
      .map((m) => ({ policy: m.sourcePolicyId, statement: m.statementIndex }))
      .sort((a, b) => `${a.policy}#${a.statement}`.localeCompare(`${b.policy}#${b.statement}`));
  }
  if (expected.missingContextValues !== undefined)
    actual.missingContextValues = [...result.missingContextValues].map((k) => k.toLowerCase()).sort();
  for (const key of [
    'allowedByOrganizations',
    'allowedByResourceControlPolicies',
    'allowedByPermissionsBoundary',
    'allowedBySessionPolicy',
    'crossAccount',
  ] as const) {
    if (expected[key] !== undefined) actual[key] = result[key];
  }
  return actual;
}

function normalise(expected: ExpectedResult): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...expected };
  if (expected.matchedStatements !== undefined) {
    copy.matchedStatements = [...expected.matchedStatements].sort((a, b) =>
      `${a.policy}#${a.statement}`.localeCompare(`${b.policy}#${b.statement}`),
    );
  }
  if (expected.missingContextValues !== undefined)
    copy.missingContextValues = expected.missingContextValues.map((k) => k.toLowerCase()).sort();
  return copy;
}

describe('engine conformance corpus (test/cases)', () => {
  it('holds at least 300 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
  });

  it.each(cases.map((c) => [c.name, c.case] as const))('%s', (_name, c) => {
    const outcome = simulate(c.input, c.now === undefined ? {} : { now: new Date(c.now) });
    if (c.expectedErrors !== undefined) {
      expect(outcome.ok).toBe(false);
      const errors = outcome.ok ? [] : outcome.errors.map((e) => ({ code: e.code, source: e.source }));
      for (const expectedError of c.expectedErrors) expect(errors).toContainEqual(expectedError);
      return;
    }
    expect(outcome.ok ? null : outcome.errors).toBeNull();
    if (!outcome.ok) return;
    const results = outcome.result.evaluationResults;
    expect(results).toHaveLength(c.expected!.length);
    c.expected!.forEach((expected, i) => {
      expect(project(results[i]!, expected)).toEqual(normalise(expected));
    });
  });
});
