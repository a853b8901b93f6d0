import type { Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import {
  federationFail,
  isAwsSamlAudience,
  isAwsSamlRecipient,
  type FederationResult,
  type SamlAssertionFacts,
} from '../../iam/index.js';
import { childElements, descendants, NS, parseXml, textOf } from './parseXml.js';

/** AWS's message when an assertion cannot be validated (the STS API model's text). */
export const ASSERTION_NOT_VALIDATED =
  'The SAML assertion that was passed could not be validated by AWS. Get a new assertion from the identity provider and then retry the request.';

/**
 * The one Assertion whose signature verifies with one of the provider's certificates, read back from what
 * was signed — never from the rest of the document, so an unsigned assertion wrapped around or beside a
 * signed one (signature wrapping) is ignored. Accepts a signed Assertion or a signed Response holding one.
 */
function verifiedAssertion(xml: string, certificates: readonly string[]): Element | null {
  const document = parseXml(xml);
  if (document === null) return null;
  for (const signature of descendants(document, NS.dsig, 'Signature')) {
    for (const certificate of certificates) {
      const verifier = new SignedXml({ publicCert: certificate, getCertFromKeyInfo: () => null });
      try {
        verifier.loadSignature(signature as unknown as Node);
        if (!verifier.checkSignature(xml)) continue;
      } catch {
        continue;
      }
      const references = verifier.getSignedReferences();
      if (references.length !== 1) continue;
      const signed = parseXml(references[0]!)?.documentElement;
      if (!signed || signed.namespaceURI === null) continue;
      if (signed.namespaceURI === NS.assertion && signed.localName === 'Assertion') return signed;
      if (signed.namespaceURI === NS.protocol && signed.localName === 'Response') {
        const assertions = childElements(signed, NS.assertion, 'Assertion');
        if (assertions.length === 1) return assertions[0]!;
      }
    }
  }
  return null;
}

/**
 * Verifies a SAML response for AssumeRoleWithSAML: base64, well-formed XML (no DOCTYPE), an Assertion signed
 * by one of the provider's certificates (xml-crypto), its Issuer equal to the provider's entityID ("Issuer not
 * present in specified provider"), exactly one bearer SubjectConfirmation whose Recipient is AWS's SAML
 * endpoint and whose NotOnOrAfter has not passed, the Conditions' NotBefore/NotOnOrAfter, and an Audience AWS
 * accepts. Returns the facts of the signed assertion only.
 */
export function verifySamlResponse(
  samlAssertion: string,
  provider: { entityId: string; signingCertificates: readonly string[] },
  now: Date,
): FederationResult<SamlAssertionFacts> {
  const xml = Buffer.from(samlAssertion, 'base64').toString('utf8');
  if (!xml.trimStart().startsWith('<')) return federationFail('InvalidIdentityToken', ASSERTION_NOT_VALIDATED);
  const assertion = verifiedAssertion(xml, provider.signingCertificates);
  if (assertion === null) return federationFail('InvalidIdentityToken', ASSERTION_NOT_VALIDATED);
  const issuer = textOf(childElements(assertion, NS.assertion, 'Issuer')[0]);
  if (issuer !== provider.entityId)
    return federationFail('InvalidIdentityToken', 'Issuer not present in specified provider');
  const subject = childElements(assertion, NS.assertion, 'Subject')[0];
  const nameId = subject === undefined ? undefined : childElements(subject, NS.assertion, 'NameID')[0];
  if (subject === undefined || nameId === undefined || textOf(nameId) === '')
    return federationFail('InvalidIdentityToken', 'The SAML assertion has no Subject NameID');
  const confirmations = childElements(subject, NS.assertion, 'SubjectConfirmation');
  if (
    confirmations.length !== 1 ||
    confirmations[0]!.getAttribute('Method') !== 'urn:oasis:names:tc:SAML:2.0:cm:bearer'
  ) {
    return federationFail(
      'InvalidIdentityToken',
      'The SAML assertion must have exactly one bearer SubjectConfirmation',
    );
  }
  const data = childElements(confirmations[0]!, NS.assertion, 'SubjectConfirmationData')[0];
  const recipient = data?.getAttribute('Recipient') ?? '';
  if (!isAwsSamlRecipient(recipient))
    return federationFail(
      'InvalidIdentityToken',
      `The SAML assertion's Recipient ${recipient || '(none)'} is not AWS's SAML endpoint`,
    );
  const expiry = Date.parse(data?.getAttribute('NotOnOrAfter') ?? '');
  if (Number.isNaN(expiry))
    return federationFail('InvalidIdentityToken', "The SAML assertion's SubjectConfirmationData has no NotOnOrAfter");
  const conditions = childElements(assertion, NS.assertion, 'Conditions')[0];
  const notBefore = Date.parse(conditions?.getAttribute('NotBefore') ?? '');
  const conditionsEnd = Date.parse(conditions?.getAttribute('NotOnOrAfter') ?? '');
  const end = Number.isNaN(conditionsEnd) ? expiry : Math.min(expiry, conditionsEnd);
  if (now.getTime() >= end)
    return federationFail(
      'ExpiredTokenException',
      `Token expired: current date/time ${Math.floor(now.getTime() / 1000)} must be before the expiration date/time${Math.floor(end / 1000)}`,
    );
  if (!Number.isNaN(notBefore) && now.getTime() < notBefore)
    return federationFail('InvalidIdentityToken', 'The SAML assertion is not yet valid (NotBefore)');
  const audiences =
    conditions === undefined ? [] : descendants(conditions, NS.assertion, 'Audience').map((a) => textOf(a));
  if (!audiences.some(isAwsSamlAudience))
    return federationFail(
      'InvalidIdentityToken',
      "The SAML assertion's Audience is not AWS (https://signin.aws.amazon.com/saml or urn:amazon:webservices)",
    );
  const attributes = new Map<string, string[]>();
  for (const statement of childElements(assertion, NS.assertion, 'AttributeStatement')) {
    for (const attribute of childElements(statement, NS.assertion, 'Attribute')) {
      const name = attribute.getAttribute('Name') ?? '';
      attributes.set(name, [
        ...(attributes.get(name) ?? []),
        ...childElements(attribute, NS.assertion, 'AttributeValue').map((v) => textOf(v)),
      ]);
    }
  }
  return {
    ok: true,
    value: { issuer, nameId: textOf(nameId), nameIdFormat: nameId.getAttribute('Format'), recipient, attributes },
  };
}
