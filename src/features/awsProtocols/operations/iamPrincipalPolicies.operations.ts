import type { PrincipalKindName } from '../../identities/findPrincipal.js';
import { principalKey } from '../../policies/policies.loaders.js';
import {
  attachManagedPolicy,
  deleteInlinePolicy,
  detachManagedPolicy,
  putInlinePolicy,
  putPermissionsBoundary,
  tagPrincipal,
  untagPrincipal,
} from '../../policies/policyAttachments.service.js';
import { noSuchEntity } from '../../../graphql/errors.js';
import type { AwsOperation } from '../AwsOperation.js';
import type { OperationInput } from '../OperationInput.js';
import { encodePolicyDocument, toAttachedPolicy, toTags } from '../iamShapes.js';
import { pageByMarker } from '../pageByMarker.js';
import { readIamEntity } from '../readIamEntity.js';

type Noun = 'User' | 'Group' | 'Role';
const KIND: Record<Noun, PrincipalKindName> = { User: 'USER', Group: 'GROUP', Role: 'ROLE' };

/** The tags of `Tags.member.N`, as the services take them. */
export function readTags(input: OperationInput) {
  return input.structureList('Tags').map((tag) => ({ key: tag.string('Key'), value: tag.string('Value') }));
}

/**
 * The inline-policy, managed-policy, boundary and tag operations IAM has once per kind of identity
 * (`PutUserPolicy`, `PutGroupPolicy`, `PutRolePolicy`, ...), each a row of the mapping table over the one
 * policy-attachment service the GraphQL mutations of the same names call.
 */
function principalPolicyOperations(noun: Noun): AwsOperation[] {
  const kind = KIND[noun];
  const target = (input: OperationInput) => ({ kind, name: input.string(`${noun}Name`) });
  const write = (
    name: string,
    run: (input: OperationInput, context: Parameters<AwsOperation['run']>[0]) => Promise<unknown>,
  ): AwsOperation => ({
    service: 'iam',
    name,
    action: `iam:${name}`,
    kind: 'write',
    graphql: `Mutation.${name.charAt(0).toLowerCase()}${name.slice(1)}`,
    run: async (context, input) => {
      await run(input, context);
      return null;
    },
  });
  const operations: AwsOperation[] = [
    write(`Put${noun}Policy`, (input, context) =>
      putInlinePolicy(context, target(input), input.string('PolicyName'), input.string('PolicyDocument')),
    ),
    write(`Delete${noun}Policy`, (input, context) =>
      deleteInlinePolicy(context, target(input), input.string('PolicyName')),
    ),
    write(`Attach${noun}Policy`, (input, context) =>
      attachManagedPolicy(context, target(input), input.string('PolicyArn')),
    ),
    write(`Detach${noun}Policy`, (input, context) =>
      detachManagedPolicy(context, target(input), input.string('PolicyArn')),
    ),
    {
      service: 'iam',
      name: `Get${noun}Policy`,
      action: `iam:Get${noun}Policy`,
      kind: 'read',
      graphql: `${noun}.inlinePolicies`,
      run: async (context, input, action) => {
        const row = await readIamEntity(context, action, kind, input.string(`${noun}Name`));
        const policyName = input.string('PolicyName');
        const policy = (await context.loaders.policies.inlineByPrincipal.load(principalKey(kind, row.id))).find(
          (inline) => inline.nameKey === policyName.toLowerCase(),
        );
        if (!policy) throw noSuchEntity(`The ${noun.toLowerCase()} policy with name ${policyName} cannot be found.`);
        return {
          [`${noun}Name`]: row.name,
          PolicyName: policy.name,
          PolicyDocument: encodePolicyDocument(policy.document),
        };
      },
    },
    {
      service: 'iam',
      name: `List${noun}Policies`,
      action: `iam:List${noun}Policies`,
      kind: 'read',
      graphql: `${noun}.inlinePolicies`,
      run: async (context, input, action) => {
        const row = await readIamEntity(context, action, kind, input.string(`${noun}Name`));
        const page = pageByMarker(
          await context.loaders.policies.inlineByPrincipal.load(principalKey(kind, row.id)),
          input,
          (policy) => [policy.nameKey],
        );
        return {
          PolicyNames: page.items.map((policy) => policy.name),
          IsTruncated: page.IsTruncated,
          Marker: page.Marker,
        };
      },
    },
    {
      service: 'iam',
      name: `ListAttached${noun}Policies`,
      action: `iam:ListAttached${noun}Policies`,
      kind: 'read',
      graphql: `${noun}.attachedPolicies`,
      run: async (context, input, action) => {
        const row = await readIamEntity(context, action, kind, input.string(`${noun}Name`));
        const prefix = input.optionalString('PathPrefix') ?? '/';
        const attached = (await context.loaders.policies.attachedByPrincipal.load(principalKey(kind, row.id))).filter(
          (policy) => policy.path.startsWith(prefix),
        );
        const page = pageByMarker(attached, input, (policy) => [policy.nameKey, policy.id]);
        return {
          AttachedPolicies: page.items.map(toAttachedPolicy),
          IsTruncated: page.IsTruncated,
          Marker: page.Marker,
        };
      },
    },
  ];
  if (kind === 'GROUP') return operations;
  const taggable = { kind, name: '' } as { kind: 'USER' | 'ROLE'; name: string };
  return [
    ...operations,
    write(`Put${noun}PermissionsBoundary`, (input, context) =>
      putPermissionsBoundary(
        context,
        { ...taggable, name: input.string(`${noun}Name`) },
        input.string('PermissionsBoundary'),
      ),
    ),
    write(`Tag${noun}`, (input, context) =>
      tagPrincipal(context, { ...taggable, name: input.string(`${noun}Name`) }, readTags(input)),
    ),
    write(`Untag${noun}`, (input, context) =>
      untagPrincipal(context, { ...taggable, name: input.string(`${noun}Name`) }, input.stringList('TagKeys')),
    ),
    {
      service: 'iam',
      name: `List${noun}Tags`,
      action: `iam:List${noun}Tags`,
      kind: 'read',
      graphql: `${noun}.tags`,
      run: async (context, input, action) => {
        const row = await readIamEntity(context, action, kind, input.string(`${noun}Name`));
        const page = pageByMarker(
          await context.loaders.identities.tagsByOwner.load(`${kind === 'USER' ? 'user' : 'role'}:${row.id}`),
          input,
          (tag) => [tag.keyLower],
        );
        return { Tags: toTags(page.items), IsTruncated: page.IsTruncated, Marker: page.Marker };
      },
    },
  ];
}

/** The per-identity policy and tag operations of users, groups and roles. */
export const iamPrincipalPolicyOperations: AwsOperation[] = [
  ...principalPolicyOperations('User'),
  ...principalPolicyOperations('Group'),
  ...principalPolicyOperations('Role'),
];
