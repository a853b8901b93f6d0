import { X509Certificate } from 'node:crypto';
import { awsError } from '../../graphql/errors.js';
import { childElements, descendants, NS, parseXml, textOf } from './parseXml.js';

/** What IAM keeps from a SAML metadata document. */
export interface SamlMetadata {
  entityId: string;
  /** The IdP's signing certificates, PEM. */
  signingCertificates: string[];
  validUntil: Date | null;
}

const invalid = (why: string) => awsError('InvalidInput', `Could not parse metadata: ${why}`);

/**
 * Reads an IdP's SAML 2.0 metadata as IAM's CreateSAMLProvider does: an EntityDescriptor with an entityID and
 * an IDPSSODescriptor whose signing KeyDescriptors (use="signing" or no use) carry X.509 certificates. Each
 * certificate must parse. IAM's size limit is 1000–10000000 characters.
 */
export function parseSamlMetadata(document: string): SamlMetadata {
  if (document.length < 1000 || document.length > 10_000_000)
    throw awsError(
      'ValidationError',
      "1 validation error detected: Value at 'sAMLMetadataDocument' failed to satisfy constraint: Member must have length between 1000 and 10000000",
    );
  const xml = parseXml(document);
  const root = xml?.documentElement;
  if (!root || root.namespaceURI !== NS.metadata || root.localName !== 'EntityDescriptor')
    throw invalid('the root element must be md:EntityDescriptor');
  const entityId = root.getAttribute('entityID') ?? '';
  if (entityId === '') throw invalid('entityID is missing');
  const idp = childElements(root, NS.metadata, 'IDPSSODescriptor')[0];
  if (idp === undefined) throw invalid('IDPSSODescriptor is missing');
  const signingCertificates: string[] = [];
  for (const descriptor of childElements(idp, NS.metadata, 'KeyDescriptor')) {
    const use = descriptor.getAttribute('use');
    if (use && use !== 'signing') continue;
    for (const cert of descendants(descriptor, NS.dsig, 'X509Certificate')) {
      const body = textOf(cert).replace(/\s+/g, '');
      try {
        signingCertificates.push(new X509Certificate(Buffer.from(body, 'base64')).toString());
      } catch {
        throw invalid('a signing certificate is not a valid X.509 certificate');
      }
    }
  }
  if (signingCertificates.length === 0) throw invalid('no signing certificate');
  const validUntilText = root.getAttribute('validUntil');
  const validUntil = validUntilText ? new Date(validUntilText) : null;
  return {
    entityId,
    signingCertificates,
    validUntil: validUntil && !Number.isNaN(validUntil.getTime()) ? validUntil : null,
  };
}
