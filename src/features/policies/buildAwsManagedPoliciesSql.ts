import { AWS_MANAGED_POLICIES, awsManagedPolicyArn, awsManagedPolicyId } from './awsManagedPolicies.js';

/** The migration that seeds the catalogue; its test keeps the file equal to {@link buildAwsManagedPoliciesSql}. */
export const AWS_MANAGED_POLICIES_MIGRATION = '20261123000200_aws_managed_policies';

const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/**
 * The SQL that seeds the AWS managed policy catalogue (each policy with its default `v1`), shared by every
 * account. A migration rather than start-up code, so every database — the server's, each test's, one
 * migrated by `prisma migrate deploy` — has the same catalogue; ON CONFLICT keeps it idempotent.
 */
export function buildAwsManagedPoliciesSql(): string {
  const lines = ['-- Generated from src/features/policies/awsManagedPolicies.ts: the curated AWS managed policies.'];
  for (const policy of AWS_MANAGED_POLICIES) {
    const id = literal(awsManagedPolicyId(policy.name));
    lines.push(
      `INSERT INTO "managed_policy" ("id", "account_id", "name", "name_key", "path", "arn", "description") VALUES (${id}, NULL, ${literal(policy.name)}, ${literal(policy.name.toLowerCase())}, ${literal(policy.path)}, ${literal(awsManagedPolicyArn(policy))}, ${literal(policy.description)}) ON CONFLICT DO NOTHING;`,
      `INSERT INTO "policy_version" ("policy_id", "version_id", "document", "is_default") VALUES (${id}, 'v1', ${literal(policy.document)}, true) ON CONFLICT DO NOTHING;`,
    );
  }
  return lines.join('\n') + '\n';
}
