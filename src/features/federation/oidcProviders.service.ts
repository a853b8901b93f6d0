import type { Context } from '../../context.js';
import type { OidcProvider, Prisma } from '../../generated/prisma/client.js';
import { awsError } from '../../graphql/errors.js';
import {
  checkClientIds,
  checkThumbprints,
  formatOidcProviderArn,
  OIDC_LIMITS,
  oidcProviderKeyOf,
  parseOidcProviderUrl,
} from '../../iam/index.js';
import { authorize } from '../authorization/authorize.js';
import { resolveActingAccount } from '../authorization/resolveActingAccount.js';
import { checkTags, type TagInput } from '../identities/iamNameRules.js';
import { requestTagContext, tagKeysContext } from '../identities/replaceTags.js';
import { checkJwks } from './checkJwks.js';
import { mergeJsonTags, removeJsonTags } from './jsonTags.js';

/** The arguments of iam:CreateOpenIDConnectProvider, camelCase, plus the playground's `jwks`. */
export interface CreateOidcProviderArgs {
  url: string;
  clientIDList?: readonly string[] | null;
  thumbprintList?: readonly string[] | null;
  tags?: readonly TagInput[] | null;
  jwks?: string | null;
  actingAccountId?: string | null;
}

const fail = (error: { code: 'InvalidInput' | 'LimitExceeded'; message: string } | null): void => {
  if (error !== null) throw awsError(error.code, error.message);
};

const notFound = (arn: string) => awsError('NoSuchEntity', `OpenIDConnect Provider not found for arn ${arn}`);

/**
 * iam:CreateOpenIDConnectProvider: the URL (https, ≤255, unique in the account), 0–100 client ids, 0–5
 * thumbprints, tags, and the playground's `jwks` (the keys that verify the provider's tokens, since the
 * playground cannot fetch them; not needed for the built-in issuers). At most 100 providers per account.
 */
export async function createOidcProvider(context: Context, args: CreateOidcProviderArgs): Promise<OidcProvider> {
  const url = parseOidcProviderUrl(args.url);
  if (!url.ok) throw awsError(url.error.code, url.error.message);
  const clientIds = [...new Set(args.clientIDList ?? [])];
  fail(checkClientIds(clientIds));
  const thumbprints = [...(args.thumbprintList ?? [])];
  fail(checkThumbprints(thumbprints));
  const tags = args.tags ?? [];
  checkTags(tags);
  const jwks = args.jwks ? checkJwks(args.jwks) : null;
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  const arn = formatOidcProviderArn(accountId, url.key);
  await authorize(context, {
    action: 'iam:CreateOpenIDConnectProvider',
    resourceArn: arn,
    resourceAccountId: accountId,
    context: requestTagContext(tags),
  });
  return context.database.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "account" WHERE "id" = ${accountId} FOR UPDATE`;
    if ((await tx.oidcProvider.findUnique({ where: { arn }, select: { arn: true } })) !== null) {
      throw awsError('EntityAlreadyExists', `Provider with url ${args.url} already exists.`);
    }
    if ((await tx.oidcProvider.count({ where: { accountId } })) >= OIDC_LIMITS.maxProvidersPerAccount) {
      throw awsError(
        'LimitExceeded',
        `Cannot exceed quota for OpenIdConnectProvidersPerAccount: ${OIDC_LIMITS.maxProvidersPerAccount}`,
      );
    }
    return tx.oidcProvider.create({
      data: {
        arn,
        accountId,
        url: url.key,
        clientIds,
        thumbprints,
        jwks: jwks === null ? undefined : (jwks as object),
        tags: tags.map((t) => ({ key: t.key, value: t.value })),
      },
    });
  });
}

/** The account an OIDC provider ARN names, or InvalidInput for anything else. */
function providerAccount(arn: string): string {
  const parsed = oidcProviderKeyOf(arn);
  if (parsed === null) throw awsError('InvalidInput', `ARN ${arn} is not valid.`);
  return parsed.accountId;
}

/**
 * The shape of every write to an existing provider: authorize `action` on its ARN (in the account the ARN
 * names, so naming another account's provider is denied like any cross-account IAM write), then in one
 * transaction lock the provider in the acting account and apply `write`.
 */
async function writeProvider(
  context: Context,
  args: { openIDConnectProviderArn: string; actingAccountId?: string | null },
  action: string,
  write: (tx: Prisma.TransactionClient, provider: OidcProvider) => Promise<OidcProvider>,
  requestContext: ReturnType<typeof requestTagContext> = [],
): Promise<OidcProvider> {
  const arn = args.openIDConnectProviderArn;
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  await authorize(context, {
    action,
    resourceArn: arn,
    resourceAccountId: providerAccount(arn),
    context: requestContext,
  });
  return context.database.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "arn" FROM "oidc_provider" WHERE "arn" = ${arn} FOR UPDATE`;
    const provider = await tx.oidcProvider.findFirst({ where: { arn, accountId } });
    if (provider === null) throw notFound(arn);
    return write(tx, provider);
  });
}

/**
 * The provider an ARN names in the caller's account, authorized by iam:GetOpenIDConnectProvider (or, for IAM's
 * ListOpenIDConnectProviderTags, by that action: the same read under another name).
 */
export async function getOidcProvider(
  context: Context,
  args: { openIDConnectProviderArn: string; actingAccountId?: string | null },
  action: 'iam:GetOpenIDConnectProvider' | 'iam:ListOpenIDConnectProviderTags' = 'iam:GetOpenIDConnectProvider',
): Promise<OidcProvider> {
  const arn = args.openIDConnectProviderArn;
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  await authorize(context, { action, resourceArn: arn, resourceAccountId: providerAccount(arn) });
  const provider = await context.database.prisma.oidcProvider.findFirst({ where: { arn, accountId } });
  if (provider === null) throw notFound(arn);
  return provider;
}

/** iam:ListOpenIDConnectProviders: every provider of the account, by ARN. */
export async function listOidcProviders(
  context: Context,
  args: { actingAccountId?: string | null },
): Promise<OidcProvider[]> {
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  await authorize(context, {
    action: 'iam:ListOpenIDConnectProviders',
    resourceArn: '*',
    resourceAccountId: accountId,
  });
  return context.database.prisma.oidcProvider.findMany({ where: { accountId }, orderBy: { arn: 'asc' } });
}

/** iam:DeleteOpenIDConnectProvider. Roles that trust it stay; their web identity calls then fail. */
export async function deleteOidcProvider(
  context: Context,
  args: { openIDConnectProviderArn: string; actingAccountId?: string | null },
): Promise<boolean> {
  await writeProvider(context, args, 'iam:DeleteOpenIDConnectProvider', (tx, provider) =>
    tx.oidcProvider.delete({ where: { arn: provider.arn } }),
  );
  return true;
}

/** iam:AddClientIDToOpenIDConnectProvider: adding a client id already there changes nothing, as in IAM. */
export function addClientId(
  context: Context,
  args: { openIDConnectProviderArn: string; clientID: string; actingAccountId?: string | null },
): Promise<OidcProvider> {
  fail(checkClientIds([args.clientID]));
  return writeProvider(context, args, 'iam:AddClientIDToOpenIDConnectProvider', async (tx, provider) => {
    if (provider.clientIds.includes(args.clientID)) return provider;
    fail(checkClientIds([...provider.clientIds, args.clientID]));
    return tx.oidcProvider.update({
      where: { arn: provider.arn },
      data: { clientIds: [...provider.clientIds, args.clientID] },
    });
  });
}

/** iam:RemoveClientIDFromOpenIDConnectProvider: removing an absent client id is not an error, as in IAM. */
export function removeClientId(
  context: Context,
  args: { openIDConnectProviderArn: string; clientID: string; actingAccountId?: string | null },
): Promise<OidcProvider> {
  fail(checkClientIds([args.clientID]));
  return writeProvider(context, args, 'iam:RemoveClientIDFromOpenIDConnectProvider', (tx, provider) =>
    tx.oidcProvider.update({
      where: { arn: provider.arn },
      data: { clientIds: provider.clientIds.filter((id) => id !== args.clientID) },
    }),
  );
}

/** iam:UpdateOpenIDConnectProviderThumbprint: replaces the whole list. */
export function updateThumbprints(
  context: Context,
  args: { openIDConnectProviderArn: string; thumbprintList: readonly string[]; actingAccountId?: string | null },
): Promise<OidcProvider> {
  fail(checkThumbprints(args.thumbprintList));
  return writeProvider(context, args, 'iam:UpdateOpenIDConnectProviderThumbprint', (tx, provider) =>
    tx.oidcProvider.update({ where: { arn: provider.arn }, data: { thumbprints: [...args.thumbprintList] } }),
  );
}

/** iam:TagOpenIDConnectProvider. */
export function tagOidcProvider(
  context: Context,
  args: { openIDConnectProviderArn: string; tags: readonly TagInput[]; actingAccountId?: string | null },
): Promise<OidcProvider> {
  checkTags(args.tags);
  return writeProvider(
    context,
    args,
    'iam:TagOpenIDConnectProvider',
    (tx, provider) =>
      tx.oidcProvider.update({
        where: { arn: provider.arn },
        data: { tags: mergeJsonTags(provider.tags, args.tags) as object[] },
      }),
    requestTagContext(args.tags),
  );
}

/** iam:UntagOpenIDConnectProvider. */
export function untagOidcProvider(
  context: Context,
  args: { openIDConnectProviderArn: string; tagKeys: readonly string[]; actingAccountId?: string | null },
): Promise<OidcProvider> {
  return writeProvider(
    context,
    args,
    'iam:UntagOpenIDConnectProvider',
    (tx, provider) =>
      tx.oidcProvider.update({
        where: { arn: provider.arn },
        data: { tags: removeJsonTags(provider.tags, args.tagKeys) as object[] },
      }),
    tagKeysContext(args.tagKeys),
  );
}
