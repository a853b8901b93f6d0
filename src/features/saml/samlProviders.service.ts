import type { Context } from '../../context.js';
import type { SamlProvider } from '../../generated/prisma/client.js';
import { awsError } from '../../graphql/errors.js';
import { authorize } from '../authorization/authorize.js';
import { resolveActingAccount } from '../authorization/resolveActingAccount.js';
import { checkTags, type TagInput } from '../identities/iamNameRules.js';
import { requestTagContext } from '../identities/replaceTags.js';
import { parseSamlMetadata } from './parseSamlMetadata.js';

const NAME = /^[\w._-]{1,128}$/;
const ARN = /^arn:aws:iam::(\d{12}):saml-provider\/([\w._-]{1,128})$/;

const notFound = (arn: string) => awsError('NoSuchEntity', `Manifest not found for arn ${arn}`);

function providerAccount(arn: string): string {
  const match = ARN.exec(arn);
  if (match === null) throw awsError('InvalidInput', `ARN ${arn} is not valid.`);
  return match[1]!;
}

/**
 * iam:CreateSAMLProvider: a name (1–128 of `[\w._-]`, unique in the account), the IdP's metadata (its
 * entityID and signing certificates are kept) and tags. ARN `arn:aws:iam::ACCOUNT:saml-provider/NAME`.
 */
export async function createSamlProvider(
  context: Context,
  args: {
    name: string;
    sAMLMetadataDocument: string;
    tags?: readonly TagInput[] | null;
    actingAccountId?: string | null;
  },
): Promise<SamlProvider> {
  if (!NAME.test(args.name))
    throw awsError(
      'ValidationError',
      `1 validation error detected: Value '${args.name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w._-]+`,
    );
  const tags = args.tags ?? [];
  checkTags(tags);
  const metadata = parseSamlMetadata(args.sAMLMetadataDocument);
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  const arn = `arn:aws:iam::${accountId}:saml-provider/${args.name}`;
  await authorize(context, {
    action: 'iam:CreateSAMLProvider',
    resourceArn: arn,
    resourceAccountId: accountId,
    context: requestTagContext(tags),
  });
  return context.database.prisma.$transaction(async (tx) => {
    if ((await tx.samlProvider.findUnique({ where: { arn }, select: { arn: true } })) !== null)
      throw awsError('EntityAlreadyExists', `SAMLProvider ${args.name} already exists.`);
    return tx.samlProvider.create({
      data: {
        arn,
        accountId,
        name: args.name,
        metadataDocument: args.sAMLMetadataDocument,
        entityId: metadata.entityId,
        signingCertificates: metadata.signingCertificates,
        validUntil: metadata.validUntil,
        tags: tags.map((t) => ({ key: t.key, value: t.value })),
      },
    });
  });
}

/** iam:GetSAMLProvider. */
export async function getSamlProvider(
  context: Context,
  args: { sAMLProviderArn: string; actingAccountId?: string | null },
): Promise<SamlProvider> {
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  await authorize(context, {
    action: 'iam:GetSAMLProvider',
    resourceArn: args.sAMLProviderArn,
    resourceAccountId: providerAccount(args.sAMLProviderArn),
  });
  const provider = await context.database.prisma.samlProvider.findFirst({
    where: { arn: args.sAMLProviderArn, accountId },
  });
  if (provider === null) throw notFound(args.sAMLProviderArn);
  return provider;
}

/** iam:ListSAMLProviders. */
export async function listSamlProviders(
  context: Context,
  args: { actingAccountId?: string | null },
): Promise<SamlProvider[]> {
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  await authorize(context, { action: 'iam:ListSAMLProviders', resourceArn: '*', resourceAccountId: accountId });
  return context.database.prisma.samlProvider.findMany({ where: { accountId }, orderBy: { arn: 'asc' } });
}

/** iam:UpdateSAMLProvider: replaces the metadata (a new signing certificate, say). */
export async function updateSamlProvider(
  context: Context,
  args: { sAMLProviderArn: string; sAMLMetadataDocument: string; actingAccountId?: string | null },
): Promise<SamlProvider> {
  const metadata = parseSamlMetadata(args.sAMLMetadataDocument);
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  await authorize(context, {
    action: 'iam:UpdateSAMLProvider',
    resourceArn: args.sAMLProviderArn,
    resourceAccountId: providerAccount(args.sAMLProviderArn),
  });
  const { count } = await context.database.prisma.samlProvider.updateMany({
    where: { arn: args.sAMLProviderArn, accountId },
    data: {
      metadataDocument: args.sAMLMetadataDocument,
      entityId: metadata.entityId,
      signingCertificates: metadata.signingCertificates,
      validUntil: metadata.validUntil,
    },
  });
  if (count === 0) throw notFound(args.sAMLProviderArn);
  return getSamlProvider(context, args);
}

/** iam:DeleteSAMLProvider. */
export async function deleteSamlProvider(
  context: Context,
  args: { sAMLProviderArn: string; actingAccountId?: string | null },
): Promise<boolean> {
  const accountId = await resolveActingAccount(context, args.actingAccountId);
  await authorize(context, {
    action: 'iam:DeleteSAMLProvider',
    resourceArn: args.sAMLProviderArn,
    resourceAccountId: providerAccount(args.sAMLProviderArn),
  });
  const { count } = await context.database.prisma.samlProvider.deleteMany({
    where: { arn: args.sAMLProviderArn, accountId },
  });
  if (count === 0) throw notFound(args.sAMLProviderArn);
  return true;
}
