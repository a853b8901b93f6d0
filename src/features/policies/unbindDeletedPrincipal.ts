import type { Prisma } from '../../generated/prisma/client.js';
import { replaceNamedPrincipals } from '../../iam/index.js';

/**
 * Called in the transaction that deletes an IAM user or role: every stored trust policy and resource policy
 * that names it (in any account) is rewritten to name its unique id instead. IAM stores these policies with
 * the unique ids of the principals they name and shows the id once the principal is gone, so a user or role
 * re-created with the same name is not granted what the old one was ("if you delete and recreate a user or
 * role referenced in a trust policy's Principal element, you must edit the role to replace the ARN",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_policy-examples.html). Two queries find
 * the candidates by text; the rewrite changes only Principal and NotPrincipal values.
 */
export async function unbindDeletedPrincipal(
  tx: Prisma.TransactionClient,
  deleted: { arn: string; id: string },
): Promise<void> {
  const replacements = new Map([[deleted.arn, deleted.id]]);
  const [roles, resources] = await Promise.all([
    tx.role.findMany({
      where: { assumeRolePolicyDocument: { contains: deleted.arn } },
      select: { id: true, assumeRolePolicyDocument: true },
    }),
    tx.resource.findMany({
      where: { policyDocument: { contains: deleted.arn } },
      select: { id: true, policyDocument: true },
    }),
  ]);
  for (const role of roles) {
    const text = replaceNamedPrincipals(role.assumeRolePolicyDocument, replacements);
    if (text !== role.assumeRolePolicyDocument)
      await tx.role.update({ where: { id: role.id }, data: { assumeRolePolicyDocument: text } });
  }
  for (const resource of resources) {
    const before = resource.policyDocument ?? '';
    const text = replaceNamedPrincipals(before, replacements);
    if (text !== before) await tx.resource.update({ where: { id: resource.id }, data: { policyDocument: text } });
  }
}
