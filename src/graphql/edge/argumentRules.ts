/** What an argument's strings must satisfy: IAM's documented length and, for some, its pattern. */
export interface ArgumentRule {
  max: number;
  pattern?: RegExp;
  /** The pattern as AWS's message writes it. */
  patternText?: string;
}

/** The longest string any argument may carry: IAM's largest document (policyDocument, 131,072 characters). */
export const defaultArgumentRule: ArgumentRule = { max: 131_072 };

const accountId: ArgumentRule = { max: 12, pattern: /^\d{12}$/, patternText: '^\\d{12}$' };
const arn: ArgumentRule = { max: 2048 };

/**
 * Per argument name (the same name means the same thing everywhere in schema.graphql, in arguments and
 * input fields alike), the maxima of IAM's, STS's and Organizations' API references. Finer rules (name
 * patterns, tag characters, ARN shapes) stay in the services, which answer them in AWS's words; this table
 * only keeps what must never reach a service: values no AWS API accepts, like a 1 MB account id.
 */
export const argumentRules: Readonly<Record<string, ArgumentRule>> = Object.freeze({
  accountId,
  actingAccountId: accountId,
  userName: { max: 64 },
  roleName: { max: 64 },
  groupName: { max: 128 },
  policyName: { max: 128 },
  roleSessionName: { max: 64 },
  path: { max: 512 },
  pathPrefix: { max: 512 },
  description: { max: 1000 },
  externalId: { max: 1224 },
  sourceIdentity: { max: 64 },
  serialNumber: { max: 256 },
  tokenCode: { max: 6 },
  accountName: { max: 50 },
  key: { max: 256 },
  value: { max: 256 },
  action: { max: 128 },
  actionNames: { max: 128 },
  arn,
  roleArn: arn,
  policyArn: arn,
  policyArns: arn,
  resourceArn: arn,
  resourceArns: arn,
  resource: arn,
  policySourceArn: arn,
  callerArn: arn,
  principalArn: arn,
  fromArn: arn,
  toRoleArn: arn,
  permissionsBoundary: arn,
});

/** Characters no IAM string takes: C0 controls other than tab, line feed and carriage return (NUL above all). */
export const forbiddenCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/** The pattern AWS's message names for {@link forbiddenCharacters}. */
export const allowedCharactersText = '[\\u0009\\u000A\\u000D\\u0020-\\uFFFF]*';
