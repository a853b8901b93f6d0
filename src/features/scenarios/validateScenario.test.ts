import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listScenarioNames, readScenario, ScenarioNotFoundError } from './readScenario.js';
import { ScenarioInvalidError } from './scenarioErrors.js';
import type { Scenario } from './scenarioTypes.js';
import { validateScenario } from './validateScenario.js';

/** A small valid scenario each test breaks in one place. */
function minimal(): Scenario {
  return {
    name: 'tiny',
    title: 'Tiny',
    description: 'One account, one user',
    accounts: [
      {
        id: '123456789012',
        name: 'only',
        groups: [{ name: 'Readers' }],
        users: [{ name: 'ann', accessKey: true, groups: ['Readers'] }],
      },
    ],
    examples: [{ title: 'Who am I?', query: 'query CallerIdentity { callerIdentity { arn } }' }],
    expectations: [
      {
        description: 'ann reads',
        principal: 'arn:aws:iam::123456789012:user/ann',
        action: 's3:GetObject',
        resource: '*',
        decision: 'implicitDeny',
      },
    ],
  };
}

function errorsOf(data: unknown): { path: string; message: string }[] {
  const result = validateScenario(data);
  return result.ok ? [] : result.errors;
}

describe('validateScenario', () => {
  it('accepts a minimal scenario', () => {
    expect(validateScenario(minimal())).toMatchObject({ ok: true });
  });

  it('reports schema mistakes with the path of each', () => {
    const data = minimal() as unknown as { accounts: Record<string, unknown>[]; colour?: string };
    data.colour = 'blue';
    data.accounts[0]!.id = '12345';
    delete data.accounts[0]!.name;
    expect(errorsOf(data)).toEqual(
      expect.arrayContaining([
        { path: '(root)', message: 'unknown property `colour`' },
        { path: 'accounts[0].id', message: 'must match the pattern `^[0-9]{12}$`' },
        { path: 'accounts[0]', message: 'missing required property `name`' },
      ]),
    );
  });

  it('requires a decision, or an error with a chain', () => {
    const data = minimal();
    data.expectations[0] = { description: 'x', principal: 'arn:aws:iam::123456789012:user/ann', error: 'AccessDenied' };
    expect(errorsOf(data)).toContainEqual({ path: 'expectations[0]', message: 'missing required property `chain`' });
    data.expectations[0] = {
      description: 'x',
      principal: 'arn:aws:iam::123456789012:user/ann',
      action: 's3:GetObject',
    };
    expect(errorsOf(data)).toContainEqual({ path: 'expectations[0]', message: 'missing required property `decision`' });
  });

  it('reports references to things the scenario does not define', () => {
    const data = minimal();
    const account = data.accounts[0]!;
    account.unit = 'Nowhere';
    account.users![0]!.groups = ['Writers'];
    account.users![0]!.policies = ['Missing', 'arn:aws:iam::aws:policy/ReadOnlyAccess'];
    data.expectations.push({
      description: 'bob',
      principal: 'arn:aws:iam::123456789012:user/bob',
      action: 's3:GetObject',
      resource: '*',
      decision: 'allowed',
      chain: [{ roleArn: 'arn:aws:iam::123456789012:role/R', roleSessionName: 's', tokenCode: 'totp' }],
      policySource: 'arn:aws:iam::123456789012:role/Nobody',
    });
    expect(errorsOf(data)).toEqual([
      { path: 'accounts[0].unit', message: 'an account can sit in an ou only when the scenario has an organization' },
      { path: 'accounts[0].users[0].groups[0]', message: 'no group `Writers` in account `123456789012`' },
      { path: 'accounts[0].users[0].policies[0]', message: 'no managed policy `Missing` in the scenario' },
      {
        path: 'accounts[0].users[0].policies[1]',
        message:
          '`arn:aws:iam::aws:policy/ReadOnlyAccess` is aws managed; scenarios define the policies they use so they load on any database',
      },
      {
        path: 'expectations[1].principal',
        message:
          '`arn:aws:iam::123456789012:user/bob` is not a user with `accessKey: true` or a root with `rootAccessKey: true`',
      },
      {
        path: 'expectations[1].policySource',
        message: '`arn:aws:iam::123456789012:role/Nobody` is not a user or role of the scenario',
      },
      {
        path: 'expectations[1].chain[0].serialNumber',
        message: '`tokenCode: totp` needs the serial number of an mfa device in the scenario',
      },
    ]);
  });

  it('reports duplicate names case-insensitively, bad JSON text and foreign resources', () => {
    const data = minimal();
    const account = data.accounts[0]!;
    account.users!.push({ name: 'ANN' });
    account.roles = [{ name: 'R', trustPolicy: '{not json' }];
    account.resources = [{ arn: 'arn:aws:sqs:eu-west-1:210987654321:q' }];
    expect(errorsOf(data)).toEqual([
      { path: 'accounts[0].users[1].name', message: 'duplicate user name `ANN`' },
      {
        path: 'accounts[0].resources[0].arn',
        message: '`arn:aws:sqs:eu-west-1:210987654321:q` belongs to account `210987654321`, not `123456789012`',
      },
      { path: 'accounts[0].roles[0].trustPolicy', message: 'policy text is not valid json' },
    ]);
  });
});

describe('readScenario', () => {
  it('names the file and line of a YAML syntax error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
    writeFileSync(join(dir, 'broken.yaml'), 'name: broken\naccounts: [\n');
    expect(() => readScenario('broken', dir)).toThrow(ScenarioInvalidError);
    expect(() => readScenario('broken', dir)).toThrow(/broken\.yaml.*\n {2}line \d+, column \d+: /);
  });

  it('insists the name inside matches the file name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenarios-'));
    writeFileSync(join(dir, 'other.json'), JSON.stringify(minimal()));
    expect(() => readScenario('other', dir)).toThrow('name: `tiny` must equal the file name `other`');
  });

  it('lists the available scenarios when the name is unknown', () => {
    expect(() => readScenario('no-such-scenario')).toThrow(ScenarioNotFoundError);
    expect(() => readScenario('no-such-scenario')).toThrow(/available: .*cross-account-auditor/);
  });
});

describe('the shipped scenarios', () => {
  const names = listScenarioNames();
  const scenarios = names.map((name) => readScenario(name));

  it('include every scenario the issue asks for', () => {
    expect(names).toEqual(
      expect.arrayContaining([
        'cross-account-auditor',
        'vendor-external-id',
        'role-chaining-one-hour',
        'session-policy-narrowing',
        'service-roles',
        'scp-guardrails',
        'permissions-boundary-delegation',
        's3-cross-account-bucket-policy',
        'abac-session-tags',
        'revoke-active-sessions',
        'source-identity-chain',
      ]),
    );
  });

  it('each show both an allowed request and a refusal', () => {
    for (const scenario of scenarios) {
      const outcomes = new Set(scenario.expectations.map((e) => (e.decision === 'allowed' ? 'allowed' : 'refused')));
      expect([scenario.name, [...outcomes].sort()]).toEqual([scenario.name, ['allowed', 'refused']]);
    }
  });

  it('can share one database: no two use the same account id, alias or resource ARN', () => {
    const seen = new Map<string, string>();
    for (const scenario of scenarios) {
      for (const account of scenario.accounts) {
        const keys = [
          account.id,
          `alias:${account.alias ?? account.id}`,
          ...(account.resources ?? []).map((r) => r.arn),
        ];
        for (const key of keys) {
          expect(seen.get(key), `${key} in ${scenario.name}`).toBeUndefined();
          seen.set(key, scenario.name);
        }
      }
    }
  });
});
