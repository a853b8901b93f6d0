/** A session tag passed to AssumeRole, or one a session carries. */
export interface SessionTag {
  key: string;
  value: string;
}

/** The parameters of AssumeRole, camelCase as the GraphQL `AssumeRoleInput` names them. */
export interface AssumeRoleRequest {
  roleArn: string;
  roleSessionName: string;
  durationSeconds?: number | null;
  externalId?: string | null;
  /** The inline session policy, JSON text. */
  policy?: string | null;
  /** Managed session policies. */
  policyArns?: readonly string[] | null;
  sourceIdentity?: string | null;
  tags?: readonly SessionTag[] | null;
  transitiveTagKeys?: readonly string[] | null;
  serialNumber?: string | null;
  tokenCode?: string | null;
}
