import { requireCaller } from '../../authorization/authorize.js';
import { assumeRole } from '../../sessions/stsAssumeRole.js';
import { getFederationToken } from '../../sessions/stsGetFederationToken.js';
import { getSessionToken } from '../../sessions/stsGetSessionToken.js';
import { stsDependenciesOf } from '../../sessions/stsDependenciesOf.js';
import type { IssuedCredentials } from '../../sessions/stsIssueSession.js';
import type { AwsOperation } from '../AwsOperation.js';

/** STS's `Credentials` structure. */
export function toCredentials(credentials: IssuedCredentials) {
  return {
    AccessKeyId: credentials.accessKeyId,
    SecretAccessKey: credentials.secretAccessKey,
    SessionToken: credentials.sessionToken,
    Expiration: credentials.expiration,
  };
}

/** STS operations: the same STS functions the GraphQL resolvers call, with STS's shapes. */
export const stsOperations: AwsOperation[] = [
  {
    service: 'sts',
    name: 'GetCallerIdentity',
    action: 'sts:GetCallerIdentity',
    kind: 'read',
    graphql: 'Query.callerIdentity',
    run: async (context) => {
      const caller = requireCaller(context);
      return { UserId: caller.userId, Account: caller.accountId, Arn: caller.arn };
    },
  },
  {
    service: 'sts',
    name: 'AssumeRole',
    action: 'sts:AssumeRole',
    kind: 'write',
    graphql: 'Mutation.assumeRole',
    run: async (context, input) => {
      const result = await assumeRole(stsDependenciesOf(context), requireCaller(context), {
        roleArn: input.string('RoleArn'),
        roleSessionName: input.string('RoleSessionName'),
        durationSeconds: input.optionalInteger('DurationSeconds') ?? null,
        externalId: input.optionalString('ExternalId') ?? null,
        policy: input.optionalString('Policy') ?? null,
        policyArns: input.structureList('PolicyArns').map((policy) => policy.string('arn')),
        sourceIdentity: input.optionalString('SourceIdentity') ?? null,
        tags: input.structureList('Tags').map((tag) => ({ key: tag.string('Key'), value: tag.string('Value') })),
        transitiveTagKeys: input.stringList('TransitiveTagKeys'),
        serialNumber: input.optionalString('SerialNumber') ?? null,
        tokenCode: input.optionalString('TokenCode') ?? null,
      });
      return {
        Credentials: toCredentials(result.credentials),
        AssumedRoleUser: { AssumedRoleId: result.assumedRoleUser.assumedRoleId, Arn: result.assumedRoleUser.arn },
        PackedPolicySize: result.packedPolicySize,
        SourceIdentity: result.sourceIdentity,
      };
    },
  },
  {
    service: 'sts',
    name: 'GetSessionToken',
    action: 'sts:GetSessionToken',
    kind: 'write',
    graphql: 'Mutation.getSessionToken',
    run: async (context, input) => {
      const credentials = await getSessionToken(stsDependenciesOf(context), requireCaller(context), {
        durationSeconds: input.optionalInteger('DurationSeconds') ?? null,
        serialNumber: input.optionalString('SerialNumber') ?? null,
        tokenCode: input.optionalString('TokenCode') ?? null,
      });
      return { Credentials: toCredentials(credentials) };
    },
  },
  {
    service: 'sts',
    name: 'GetFederationToken',
    action: 'sts:GetFederationToken',
    kind: 'write',
    graphql: 'Mutation.getFederationToken',
    run: async (context, input) => {
      const result = await getFederationToken(stsDependenciesOf(context), requireCaller(context), {
        name: input.string('Name'),
        policy: input.optionalString('Policy') ?? null,
        policyArns: input.structureList('PolicyArns').map((policy) => policy.string('arn')),
        durationSeconds: input.optionalInteger('DurationSeconds') ?? null,
        tags: input.structureList('Tags').map((tag) => ({ key: tag.string('Key'), value: tag.string('Value') })),
      });
      return {
        Credentials: toCredentials(result.credentials),
        FederatedUser: { FederatedUserId: result.federatedUser.federatedUserId, Arn: result.federatedUser.arn },
        PackedPolicySize: result.packedPolicySize,
      };
    },
  },
];
