import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { awsError } from '../../graphql/errors.js';
import type { SecretCipher } from '../auth/secretCipher.js';
import { createSelfSignedCertificate } from './createSelfSignedCertificate.js';
import { escapeXml } from './escapeXml.js';

/**
 * The origin of the playground's built-in SAML identity providers: the IdP `corp` has the entityID
 * `https://saml.iam-playground.local/corp`, which its metadata declares and its assertions name as Issuer.
 */
export const BUILT_IN_SAML_ORIGIN = 'https://saml.iam-playground.local';

const IDP_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A built-in IdP's signing material. */
export interface SamlIdpKeys {
  entityId: string;
  privateKeyPem: string;
  certificatePem: string;
}

/** The base64 body of a PEM certificate, as metadata and KeyInfo carry it. */
export function certificateBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
}

/**
 * Loads a built-in SAML IdP's key and certificate, creating them on first use (RSA 2048, a self-signed
 * certificate valid ten years). The private key is stored encrypted; concurrent first uses agree on one key.
 */
export async function loadSamlIdp(
  prisma: Pick<PrismaClient, 'samlIdp'>,
  cipher: SecretCipher,
  name: string,
): Promise<SamlIdpKeys> {
  if (!IDP_NAME.test(name))
    throw awsError(
      'ValidationError',
      `Identity provider name \`${name}\` must be 1 to 64 lower-case letters, digits and hyphens.`,
    );
  const entityId = `${BUILT_IN_SAML_ORIGIN}/${name}`;
  const stored = await prisma.samlIdp.findUnique({ where: { name } });
  if (stored !== null)
    return { entityId, privateKeyPem: cipher.decrypt(stored.privateKeyEncrypted), certificatePem: stored.certificate };
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const certificatePem = createSelfSignedCertificate(
    createPrivateKey(privateKeyPem),
    createPublicKey(privateKey),
    entityId,
    3650,
  );
  const created = await prisma.samlIdp.createMany({
    data: [{ name, privateKeyEncrypted: cipher.encrypt(privateKeyPem), certificate: certificatePem }],
    skipDuplicates: true,
  });
  if (created.count === 0) return loadSamlIdp(prisma, cipher, name);
  return { entityId, privateKeyPem, certificatePem };
}

/** The IdP's SAML 2.0 metadata: its entityID and signing certificate, what createSAMLProvider takes. */
export function buildSamlIdpMetadata(idp: SamlIdpKeys): string {
  return [
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${escapeXml(idp.entityId)}">`,
    '<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">',
    `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certificateBody(idp.certificatePem)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`,
    '<md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>',
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${escapeXml(idp.entityId)}/sso"/>`,
    '</md:IDPSSODescriptor>',
    '</md:EntityDescriptor>',
  ].join('');
}
