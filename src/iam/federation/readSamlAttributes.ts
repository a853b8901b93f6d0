import type { ContextEntry } from '../simulationTypes.js';
import type { SessionTag } from '../sts/AssumeRoleRequest.js';
import { federationFail, type FederationResult } from './FederationError.js';

/** AWS's SAML attribute names (case-sensitive), https://aws.amazon.com/SAML/Attributes/… */
export const SAML_ATTRIBUTES = {
  role: 'https://aws.amazon.com/SAML/Attributes/Role',
  roleSessionName: 'https://aws.amazon.com/SAML/Attributes/RoleSessionName',
  sessionDuration: 'https://aws.amazon.com/SAML/Attributes/SessionDuration',
  sourceIdentity: 'https://aws.amazon.com/SAML/Attributes/SourceIdentity',
  principalTagPrefix: 'https://aws.amazon.com/SAML/Attributes/PrincipalTag:',
  transitiveTagKeys: 'https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys',
} as const;

/** The recipients and audiences AWS accepts: the global sign-in endpoint or a regional one, or `urn:amazon:webservices`. */
const AWS_ENDPOINT = /^https:\/\/([a-z0-9-]+\.)?signin\.aws\.amazon\.com\/saml$/;

/** Whether a SubjectConfirmationData Recipient is AWS's SAML endpoint. */
export function isAwsSamlRecipient(value: string): boolean {
  return AWS_ENDPOINT.test(value);
}

/** Whether an Audience is one AWS accepts. */
export function isAwsSamlAudience(value: string): boolean {
  return value === 'urn:amazon:webservices' || AWS_ENDPOINT.test(value);
}

/**
 * The multivalued attributes AWS offers as `saml:*` condition keys, by the attribute names IdPs send (the
 * eduPerson/eduOrg, X.500 and AD OIDs, or their friendly names).
 */
const ATTRIBUTE_KEYS: Readonly<Record<string, string>> = {
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.1': 'edupersonaffiliation',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.2': 'edupersonnickname',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.3': 'edupersonorgdn',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.4': 'edupersonorgunitdn',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.5': 'edupersonprimaryaffiliation',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.6': 'edupersonprincipalname',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.7': 'edupersonentitlement',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.8': 'edupersonprimaryorgunitdn',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.9': 'edupersonscopedaffiliation',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.10': 'edupersontargetedid',
  'urn:oid:1.3.6.1.4.1.5923.1.1.1.11': 'edupersonassurance',
  'urn:oid:2.5.4.3': 'cn',
  'urn:oid:2.5.4.4': 'surname',
  'urn:oid:2.5.4.42': 'givenName',
  'urn:oid:2.5.4.10': 'organizationStatus',
  'urn:oid:0.9.2342.19200300.100.1.1': 'uid',
  'urn:oid:0.9.2342.19200300.100.1.3': 'mail',
  'urn:oid:2.5.4.45': 'x500UniqueIdentifier',
  'urn:oid:1.2.840.113556.1.4.98': 'primaryGroupSID',
};
const FRIENDLY = new Map(Object.values(ATTRIBUTE_KEYS).map((key) => [key.toLowerCase(), key]));

/** A verified assertion's facts, as read from the signed XML. */
export interface SamlAssertionFacts {
  issuer: string;
  nameId: string;
  /** The NameID Format URI, if any. */
  nameIdFormat: string | null;
  recipient: string;
  /** Attribute name → values, in document order. */
  attributes: ReadonlyMap<string, readonly string[]>;
}

/** The provider the assertion is for. */
export interface SamlProviderFacts {
  arn: string;
  accountId: string;
  name: string;
}

/** What a verified assertion contributes to the session and its trust evaluation. */
export interface SamlClaims {
  roleSessionName: string;
  sessionDuration: number | null;
  sourceIdentity: string | null;
  tags: SessionTag[];
  transitiveTagKeys: string[];
  subjectType: string;
  nameQualifier: string;
  /** The `saml:*` keys. */
  context: ContextEntry[];
}

/**
 * Reads a verified assertion as STS does for AssumeRoleWithSAML: the Role attribute must pair the requested
 * role with the provider (`role,provider` in either order), RoleSessionName is required (2–64 of
 * `[\w+=,.@-]`), SessionDuration is 900–43200, and SourceIdentity, `PrincipalTag:KEY` and TransitiveTagKeys
 * become the session's. The `saml:*` keys: `saml:aud` is the Recipient (not the Audience), `saml:iss`,
 * `saml:sub`, `saml:sub_type` (`persistent`, `transient` or the format URI), `saml:namequalifier`,
 * `saml:doc` (`ACCOUNT/PROVIDER`) and the known multivalued attributes (`saml:edupersonaffiliation` ...).
 * `nameQualifier` is computed by the caller (a hash) and passed in.
 */
export function readSamlAttributes(
  assertion: SamlAssertionFacts,
  provider: SamlProviderFacts,
  request: { roleArn: string },
  nameQualifier: string,
): FederationResult<SamlClaims> {
  const attr = assertion.attributes;
  const pairs = (attr.get(SAML_ATTRIBUTES.role) ?? []).map((value) => value.split(',').map((part) => part.trim()));
  const paired = pairs.some(
    (pair) => pair.length === 2 && pair.includes(request.roleArn) && pair.includes(provider.arn),
  );
  if (!paired) return federationFail('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithSAML');
  const sessionName = attr.get(SAML_ATTRIBUTES.roleSessionName)?.[0];
  if (sessionName === undefined)
    return federationFail('InvalidIdentityToken', 'The SAML assertion is missing the RoleSessionName attribute');
  if (!/^[\w+=,.@-]{2,64}$/.test(sessionName))
    return federationFail(
      'InvalidIdentityToken',
      `RoleSessionName ${sessionName} in the SAML assertion must be 2 to 64 characters of [\\w+=,.@-]`,
    );
  const durationText = attr.get(SAML_ATTRIBUTES.sessionDuration)?.[0];
  const sessionDuration = durationText === undefined ? null : Number(durationText);
  if (
    sessionDuration !== null &&
    (!Number.isInteger(sessionDuration) || sessionDuration < 900 || sessionDuration > 43200)
  ) {
    return federationFail(
      'InvalidIdentityToken',
      'SessionDuration in the SAML assertion must be an integer from 900 to 43200',
    );
  }
  const tags: SessionTag[] = [];
  for (const [name, values] of attr) {
    if (!name.startsWith(SAML_ATTRIBUTES.principalTagPrefix)) continue;
    if (values.length !== 1)
      return federationFail('InvalidIdentityToken', `The session tag attribute ${name} must have exactly one value`);
    tags.push({ key: name.slice(SAML_ATTRIBUTES.principalTagPrefix.length), value: values[0]! });
  }
  const subjectType =
    assertion.nameIdFormat === null
      ? 'unspecified'
      : assertion.nameIdFormat.endsWith(':persistent')
        ? 'persistent'
        : assertion.nameIdFormat.endsWith(':transient')
          ? 'transient'
          : assertion.nameIdFormat;
  const context: ContextEntry[] = [
    { key: 'saml:aud', values: [assertion.recipient], type: 'string' },
    { key: 'saml:iss', values: [assertion.issuer], type: 'string' },
    { key: 'saml:sub', values: [assertion.nameId], type: 'string' },
    { key: 'saml:sub_type', values: [subjectType], type: 'string' },
    { key: 'saml:namequalifier', values: [nameQualifier], type: 'string' },
    { key: 'saml:doc', values: [`${provider.accountId}/${provider.name}`], type: 'string' },
  ];
  for (const [name, values] of attr) {
    const key = ATTRIBUTE_KEYS[name] ?? FRIENDLY.get(name.toLowerCase());
    if (key !== undefined && values.length > 0)
      context.push({ key: `saml:${key}`, values: [...values], type: 'stringList' });
  }
  const source = attr.get(SAML_ATTRIBUTES.sourceIdentity)?.[0] ?? null;
  return {
    ok: true,
    value: {
      roleSessionName: sessionName,
      sessionDuration,
      sourceIdentity: source,
      tags,
      transitiveTagKeys: [...(attr.get(SAML_ATTRIBUTES.transitiveTagKeys) ?? [])],
      subjectType,
      nameQualifier,
      context,
    },
  };
}
