import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { Caller } from '../auth/Caller.js';
import { mergePrincipalTags } from '../../iam/sts/index.js';
import { awsError } from '../../graphql/errors.js';

/** A stored policy document with the id the engine reports it under (an ARN or `ARN:inline/NAME`). */
export interface SourcedDocument {
  sourceId: string;
  document: string;
}

/** What the engine needs to know about a caller, read from the database. */
export interface PrincipalPolicies {
  type: 'Account' | 'User' | 'AssumedRole';
  username: string | null;
  roleArn: string | null;
  tags: Record<string, string>;
  identity: SourcedDocument[];
  boundary: SourcedDocument | null;
  /** null unless the caller is a session with an inline or managed session policy. */
  session: SourcedDocument[] | null;
}

const withDefaultVersion = { include: { versions: { where: { isDefault: true } } } } as const;
const policySources = {
  inlinePolicies: true,
  attachedPolicies: { include: { policy: withDefaultVersion } },
} as const;

type Attached = { policy: Prisma.ManagedPolicyGetPayload<typeof withDefaultVersion> }[];
type Inline = { name: string; document: string }[];

function collect(ownerArn: string, inline: Inline, attached: Attached): SourcedDocument[] {
  return [
    ...inline.map((policy) => ({ sourceId: `${ownerArn}:inline/${policy.name}`, document: policy.document })),
    ...attached.flatMap(({ policy }) => policy.versions.map((version) => ({ sourceId: policy.arn, document: version.document }))),
  ];
}

function defaultDocument(policy: Prisma.ManagedPolicyGetPayload<typeof withDefaultVersion> | null): SourcedDocument | null {
  const version = policy?.versions[0];
  return policy && version ? { sourceId: policy.arn, document: version.document } : null;
}

/**
 * Loads the policies and tags of the caller's principal in one Prisma query tree (a fixed number of SQL
 * statements, however many policies or groups): a user's inline, attached and group policies and boundary;
 * a role session's role policies, boundary, tags and its inline and managed session policies.
 */
export async function loadPrincipalPolicies(prisma: PrismaClient, caller: Caller): Promise<PrincipalPolicies> {
  if (caller.type === 'root' || caller.type === 'operator') {
    return { type: 'Account', username: null, roleArn: null, tags: {}, identity: [], boundary: null, session: null };
  }
  const session = caller.session;
  if (caller.type === 'assumedRole' && session?.roleId) {
    const [role, sessionPolicies] = await Promise.all([
      prisma.role.findUnique({ where: { id: session.roleId }, include: { ...policySources, tags: true, permissionsBoundary: withDefaultVersion } }),
      session.policyArns.length === 0 ? [] : prisma.managedPolicy.findMany({ where: { arn: { in: session.policyArns } }, ...withDefaultVersion }),
    ]);
    if (role === null) throw awsError('InvalidClientTokenId', 'The security token included in the request is invalid.');
    const merged = mergePrincipalTags(role.tags, session.tags);
    const sessionDocs = [
      ...(session.sessionPolicy ? [{ sourceId: 'SessionPolicy', document: session.sessionPolicy }] : []),
      ...sessionPolicies.flatMap((policy) => defaultDocument(policy) ?? []),
    ];
    return {
      type: 'AssumedRole',
      username: null,
      roleArn: role.arn,
      tags: Object.fromEntries(merged.map((tag) => [tag.key, tag.value])),
      identity: collect(role.arn, role.inlinePolicies, role.attachedPolicies),
      boundary: defaultDocument(role.permissionsBoundary),
      session: session.sessionPolicy || session.policyArns.length > 0 ? sessionDocs : null,
    };
  }
  const user = caller.iamUserId
    ? await prisma.user.findUnique({
        where: { id: caller.iamUserId },
        include: { ...policySources, tags: true, permissionsBoundary: withDefaultVersion, groups: { include: { group: { include: policySources } } } },
      })
    : null;
  if (user === null) throw awsError('InvalidClientTokenId', 'The security token included in the request is invalid.');
  return {
    type: 'User',
    username: user.name,
    roleArn: null,
    tags: Object.fromEntries(user.tags.map((tag) => [tag.key, tag.value])),
    identity: [
      ...collect(user.arn, user.inlinePolicies, user.attachedPolicies),
      ...user.groups.flatMap(({ group }) => collect(group.arn, group.inlinePolicies, group.attachedPolicies)),
    ],
    boundary: defaultDocument(user.permissionsBoundary),
    session: null,
  };
}
