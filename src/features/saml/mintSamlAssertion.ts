import { randomUUID } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import type { Context } from '../../context.js';
import { awsError } from '../../graphql/errors.js';
import { SAML_ATTRIBUTES } from '../../iam/index.js';
import { requireCaller } from '../authorization/authorize.js';
import { escapeXml } from './escapeXml.js';
import { loadSamlIdp } from './samlIdentityProviders.js';

/** AWS's SAML endpoint, the Recipient and Destination of assertions for AWS. */
export const AWS_SAML_ENDPOINT = 'https://signin.aws.amazon.com/saml';

/** The arguments of mintSamlAssertion. */
export interface MintSamlAssertionArgs {
  identityProvider: string;
  subject: string;
  subjectFormat?: string | null;
  /** `roleArn,providerArn` pairs, AWS's Role attribute. */
  roles: readonly { roleArn: string; principalArn: string }[];
  roleSessionName?: string | null;
  sessionDuration?: number | null;
  sourceIdentity?: string | null;
  principalTags?: readonly { key: string; value: string }[] | null;
  transitiveTagKeys?: readonly string[] | null;
  /** Other attributes, a JSON object of name → string or list of strings (e.g. eduPersonAffiliation). */
  attributes?: string | null;
  recipient?: string | null;
  audience?: string | null;
  issuedAt?: Date | null;
  notOnOrAfter?: Date | null;
}

const SIGNATURE = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const DIGEST = 'http://www.w3.org/2001/04/xmlenc#sha256';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';

function readAttributes(json: string | null | undefined): [string, string[]][] {
  if (!json) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw awsError('ValidationError', '`attributes` must be a JSON object of name → string or list of strings');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw awsError('ValidationError', '`attributes` must be a JSON object');
  return Object.entries(parsed).map(([name, value]) => {
    const values =
      typeof value === 'string'
        ? [value]
        : Array.isArray(value) && value.every((v) => typeof v === 'string')
          ? (value as string[])
          : null;
    if (values === null)
      throw awsError('ValidationError', `attribute \`${name}\` must be a string or a list of strings`);
    return [name, values];
  });
}

const attribute = (name: string, values: readonly string[]) =>
  `<saml:Attribute Name="${escapeXml(name)}">${values.map((v) => `<saml:AttributeValue>${escapeXml(v)}</saml:AttributeValue>`).join('')}</saml:Attribute>`;

/**
 * The playground's SAML identity provider: builds a SAML 2.0 Response for AWS (Recipient and Destination
 * `https://signin.aws.amazon.com/saml`, Audience `urn:amazon:webservices`, a bearer SubjectConfirmation with
 * NotOnOrAfter) with AWS's attributes — Role pairs, RoleSessionName, SessionDuration, SourceIdentity,
 * PrincipalTag:KEY, TransitiveTagKeys — and any others, and signs the Assertion with the IdP's key
 * (xml-crypto: RSA-SHA256, exclusive canonicalization, enveloped). Returns it base64-encoded, as a browser
 * posts it and AssumeRoleWithSAML takes it. Any signed-in caller may mint: the IdP is outside AWS.
 */
export async function mintSamlAssertion(context: Context, args: MintSamlAssertionArgs, now: Date = new Date()) {
  requireCaller(context);
  if (args.subject.length === 0) throw awsError('ValidationError', '`subject` must not be empty');
  const idp = await loadSamlIdp(context.database.prisma, context.cipher, args.identityProvider);
  const issued = args.issuedAt ?? now;
  const notOnOrAfter = args.notOnOrAfter ?? new Date(issued.getTime() + 300_000);
  const recipient = args.recipient ?? AWS_SAML_ENDPOINT;
  const audience = args.audience ?? 'urn:amazon:webservices';
  const time = (date: Date) => date.toISOString();
  const attributes: [string, readonly string[]][] = [];
  if (args.roles.length > 0)
    attributes.push([SAML_ATTRIBUTES.role, args.roles.map((r) => `${r.roleArn},${r.principalArn}`)]);
  if (args.roleSessionName) attributes.push([SAML_ATTRIBUTES.roleSessionName, [args.roleSessionName]]);
  if (args.sessionDuration != null) attributes.push([SAML_ATTRIBUTES.sessionDuration, [String(args.sessionDuration)]]);
  if (args.sourceIdentity) attributes.push([SAML_ATTRIBUTES.sourceIdentity, [args.sourceIdentity]]);
  for (const tag of args.principalTags ?? [])
    attributes.push([`${SAML_ATTRIBUTES.principalTagPrefix}${tag.key}`, [tag.value]]);
  if ((args.transitiveTagKeys ?? []).length > 0)
    attributes.push([SAML_ATTRIBUTES.transitiveTagKeys, [...args.transitiveTagKeys!]]);
  attributes.push(...readAttributes(args.attributes));
  const responseId = `_${randomUUID()}`;
  const assertionId = `_${randomUUID()}`;
  const format = args.subjectFormat ?? 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';
  const xml =
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${responseId}" Version="2.0" IssueInstant="${time(issued)}" Destination="${escapeXml(recipient)}">` +
    `<saml:Issuer>${escapeXml(idp.entityId)}</saml:Issuer>` +
    '<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>' +
    `<saml:Assertion ID="${assertionId}" Version="2.0" IssueInstant="${time(issued)}">` +
    `<saml:Issuer>${escapeXml(idp.entityId)}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="${escapeXml(format)}">${escapeXml(args.subject)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="${time(notOnOrAfter)}" Recipient="${escapeXml(recipient)}"/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${time(new Date(issued.getTime() - 60_000))}" NotOnOrAfter="${time(notOnOrAfter)}"><saml:AudienceRestriction><saml:Audience>${escapeXml(audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${time(issued)}" SessionIndex="${assertionId}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    `<saml:AttributeStatement>${attributes.map(([name, values]) => attribute(name, values)).join('')}</saml:AttributeStatement>` +
    '</saml:Assertion></samlp:Response>';
  const signer = new SignedXml({
    privateKey: idp.privateKeyPem,
    publicCert: idp.certificatePem,
    signatureAlgorithm: SIGNATURE,
    canonicalizationAlgorithm: EXC_C14N,
  });
  signer.addReference({
    xpath: "//*[local-name(.)='Assertion']",
    digestAlgorithm: DIGEST,
    transforms: [ENVELOPED, EXC_C14N],
  });
  signer.computeSignature(xml, {
    location: { reference: "//*[local-name(.)='Assertion']/*[local-name(.)='Issuer']", action: 'after' },
  });
  const signed = signer.getSignedXml();
  return {
    samlResponse: Buffer.from(signed, 'utf8').toString('base64'),
    assertionXml: signed,
    issuer: idp.entityId,
    notOnOrAfter,
  };
}
