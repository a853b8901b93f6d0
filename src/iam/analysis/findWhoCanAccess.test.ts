import { describe, expect, it } from 'vitest';
import { createAssumeRoleGraph } from './createAssumeRoleGraph.js';
import { createFixtureModel } from './createFixtureModel.js';
import { A, B, C, crossAccountFixture, D, E } from './crossAccountFixture.js';
import { findAssumeRolePaths } from './findAssumeRolePaths.js';
import { findDirectGrants } from './findDirectGrants.js';
import { findWhoCanAccess } from './findWhoCanAccess.js';

const model = createFixtureModel(crossAccountFixture);
const role = (account: string, name: string) => model.roles.get(`arn:aws:iam::${account}:role/${name}`)!;
const user = (account: string, name: string) => model.principals.get(`arn:aws:iam::${account}:user/${name}`)!;

describe('findWhoCanAccess', () => {
  it('finds a principal that reaches the resource only through a two-hop chain across three accounts', () => {
    const grants = findWhoCanAccess(
      model,
      createAssumeRoleGraph(model),
      'arn:aws:s3:::data-bucket/report.csv',
      's3:GetObject',
    );
    const byArn = new Map(grants.map((grant) => [grant.principal.arn, grant]));
    expect(byArn.get(role(C, 'Reader').arn)?.path.hops).toEqual([]);
    expect(byArn.get(role(B, 'Hop').arn)?.path.hops.map((hop) => hop.roleArn)).toEqual([role(C, 'Reader').arn]);
    const alice = byArn.get(user(A, 'alice').arn)!;
    expect(alice.path.hops.map((hop) => hop.roleArn)).toEqual([role(B, 'Hop').arn, role(C, 'Reader').arn]);
    expect(alice.path.hops[1]!.chained).toBe(true);
    expect(alice.path.maxSessionSeconds).toBe(3600);
    expect(alice.matchedStatements[0]!.statementId).toBe('ReadData');
    expect(byArn.has(user(A, 'bob').arn)).toBe(false);
  });

  it('grants another account through a bucket policy only with the identity-side allow', () => {
    const grants = findDirectGrants(model, 's3:GetObject', 'arn:aws:s3:::shared/file');
    const arns = grants.map((grant) => grant.principal.arn);
    expect(arns).toContain(user(E, 'erin').arn);
    expect(arns).not.toContain(user(E, 'eve').arn);
    const erin = grants.find((grant) => grant.principal.arn === user(E, 'erin').arn)!;
    expect(erin.result.matchedStatements.map((s) => s.sourcePolicyType).sort()).toEqual(['identity', 'resource']);
  });
});

describe('findAssumeRolePaths', () => {
  const graph = createAssumeRoleGraph(model);

  it('returns the two-hop chain with each hop and the chaining cap', () => {
    const paths = findAssumeRolePaths(graph, model.roles, user(A, 'alice'), role(C, 'Reader'), 3);
    expect(paths).toHaveLength(1);
    expect(paths[0]!.hops.map((hop) => [hop.callerArn, hop.roleArn, hop.chained])).toEqual([
      [user(A, 'alice').arn, role(B, 'Hop').arn, false],
      [role(B, 'Hop').arn, role(C, 'Reader').arn, true],
    ]);
  });

  it('respects maxDepth', () => {
    expect(findAssumeRolePaths(graph, model.roles, user(A, 'alice'), role(C, 'Reader'), 1)).toEqual([]);
  });

  it('reports the ExternalId a hop needs', () => {
    const [path] = findAssumeRolePaths(graph, model.roles, user(A, 'alice'), role(C, 'Vendor'), 3);
    expect(path!.hops[0]!.requirements).toMatchObject({ externalId: 'ext-123', mfa: false });
  });

  it('blocks a path an SCP at an OU denies', () => {
    expect(findAssumeRolePaths(graph, model.roles, user(D, 'dave'), role(C, 'Vendor'), 3)).toEqual([]);
    expect(graph.inbound(role(C, 'Vendor')).map((hop) => hop.callerArn)).toEqual([user(A, 'alice').arn]);
  });

  it('gives the same hops, as new objects, each time a packed role is asked for', () => {
    const vendor = role(C, 'Vendor');
    const [first, again] = [graph.inbound(vendor), graph.inbound(vendor)];
    expect(again).toEqual(first);
    expect(again[0]).not.toBe(first[0]);
    expect(again[0]!.requirements).toBe(first[0]!.requirements);
    expect(again[0]!.matchedStatements.map((s) => s.sourcePolicyType).sort()).toEqual(['identity', 'trust']);
  });

  it('terminates on cycles', () => {
    expect(findAssumeRolePaths(graph, model.roles, role(B, 'Loop1'), role(C, 'Reader'), 6)).toEqual([]);
    const loop = findAssumeRolePaths(graph, model.roles, role(B, 'Loop1'), role(B, 'Loop2'), 6);
    expect(loop.map((path) => path.hops.length)).toEqual([1]);
  });
});
