import { X509Certificate, randomBytes, sign, type KeyObject } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  AttributeTypeAndValue,
  AttributeValue,
  Certificate,
  Name,
  RelativeDistinguishedName,
  SubjectPublicKeyInfo,
  TBSCertificate,
  Validity,
  Version,
} from '@peculiar/asn1-x509';

const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
const COMMON_NAME = '2.5.4.3';
/** DER of ASN.1 NULL: RSA signature algorithms carry NULL parameters. */
const ASN1_NULL = new Uint8Array([0x05, 0x00]).buffer;

/**
 * A self-signed X.509 certificate (sha256WithRSAEncryption) for an RSA key pair, as PEM — what a SAML
 * identity provider publishes in its metadata so relying parties (here: IAM) can check its signatures. Built
 * with @peculiar/asn1-x509's ASN.1 schemas and signed with node:crypto; checked with node's X509Certificate.
 */
export function createSelfSignedCertificate(
  privateKey: KeyObject,
  publicKey: KeyObject,
  commonName: string,
  validDays: number,
): string {
  const algorithm = new AlgorithmIdentifier({ algorithm: SHA256_WITH_RSA, parameters: ASN1_NULL });
  const name = new Name([
    new RelativeDistinguishedName([
      new AttributeTypeAndValue({ type: COMMON_NAME, value: new AttributeValue({ utf8String: commonName }) }),
    ]),
  ]);
  const serial = randomBytes(16);
  serial[0]! &= 0x7f; // a positive INTEGER
  const now = new Date();
  const tbs = new TBSCertificate({
    version: Version.v3,
    serialNumber: serial.buffer.slice(serial.byteOffset, serial.byteOffset + serial.length),
    signature: algorithm,
    issuer: name,
    validity: new Validity({
      notBefore: new Date(now.getTime() - 60_000),
      notAfter: new Date(now.getTime() + validDays * 86_400_000),
    }),
    subject: name,
    subjectPublicKeyInfo: AsnConvert.parse(publicKey.export({ type: 'spki', format: 'der' }), SubjectPublicKeyInfo),
  });
  const signature = sign('sha256', Buffer.from(AsnConvert.serialize(tbs)), privateKey);
  const certificate = new Certificate({
    tbsCertificate: tbs,
    signatureAlgorithm: algorithm,
    signatureValue: signature.buffer.slice(signature.byteOffset, signature.byteOffset + signature.length),
  });
  const der = Buffer.from(AsnConvert.serialize(certificate));
  const checked = new X509Certificate(der);
  if (!checked.verify(publicKey)) throw new Error('self-signed certificate does not verify');
  return checked.toString();
}
