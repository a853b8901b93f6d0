import { assumeRoleWithWebIdentity } from '../../federation/assumeRoleWithWebIdentity.js';
import { assumeRoleWithSaml } from '../../saml/assumeRoleWithSaml.js';
import type { AwsOperation } from '../AwsOperation.js';
import type { OperationInput } from '../OperationInput.js';
import { toCredentials } from './sts.operations.js';

/** The session-policy members both federated operations share (`PolicyArns` is a list of `PolicyDescriptorType`). */
function sessionPolicies(input: OperationInput) {
  return {
    durationSeconds: input.optionalInteger('DurationSeconds') ?? null,
    policy: input.optionalString('Policy') ?? null,
    policyArns: input.structureList('PolicyArns').map((policy) => policy.string('arn')),
  };
}

/**
 * STS's federated operations, called unsigned (the token or assertion is the proof; the router sends them to
 * STS by `Action`): the same functions the GraphQL mutations call, verifying everything, in STS's shapes.
 */
export const stsFederationOperations: AwsOperation[] = [
  {
    service: 'sts',
    name: 'AssumeRoleWithWebIdentity',
    action: 'sts:AssumeRoleWithWebIdentity',
    kind: 'write',
    graphql: 'Mutation.assumeRoleWithWebIdentity',
    run: async (context, input) => {
      const result = await assumeRoleWithWebIdentity(context, {
        roleArn: input.string('RoleArn'),
        roleSessionName: input.string('RoleSessionName'),
        webIdentityToken: input.string('WebIdentityToken'),
        providerId: input.optionalString('ProviderId') ?? null,
        ...sessionPolicies(input),
      });
      return {
        Credentials: toCredentials(result.credentials),
        SubjectFromWebIdentityToken: result.subjectFromWebIdentityToken,
        AssumedRoleUser: { AssumedRoleId: result.assumedRoleUser.assumedRoleId, Arn: result.assumedRoleUser.arn },
        PackedPolicySize: result.packedPolicySize,
        Provider: result.provider,
        Audience: result.audience,
        SourceIdentity: result.sourceIdentity,
      };
    },
  },
  {
    service: 'sts',
    name: 'AssumeRoleWithSAML',
    action: 'sts:AssumeRoleWithSAML',
    kind: 'write',
    graphql: 'Mutation.assumeRoleWithSAML',
    run: async (context, input) => {
      const result = await assumeRoleWithSaml(context, {
        roleArn: input.string('RoleArn'),
        principalArn: input.string('PrincipalArn'),
        sAMLAssertion: input.string('SAMLAssertion'),
        ...sessionPolicies(input),
      });
      return {
        Credentials: toCredentials(result.credentials),
        AssumedRoleUser: { AssumedRoleId: result.assumedRoleUser.assumedRoleId, Arn: result.assumedRoleUser.arn },
        PackedPolicySize: result.packedPolicySize,
        Subject: result.subject,
        SubjectType: result.subjectType,
        Issuer: result.issuer,
        Audience: result.audience,
        NameQualifier: result.nameQualifier,
        SourceIdentity: result.sourceIdentity,
      };
    },
  },
];
