import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { SecretCipher } from '../auth/secretCipher.js';

/** The signing algorithm of built-in issuers: RS256, the one every OIDC relying party supports. */
export const ISSUER_ALGORITHM = 'RS256';

/** An issuer's signing key and the public half it publishes. */
export interface IssuerKeys {
  keyId: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/** The public JWK of a stored issuer, or null when no issuer has that name. */
export async function findIssuerPublicJwk(prisma: PrismaClient, name: string): Promise<JWK | null> {
  const issuer = await prisma.oidcIssuer.findUnique({ where: { name }, select: { publicJwk: true } });
  return issuer === null ? null : (issuer.publicJwk as JWK);
}

/**
 * Loads a built-in issuer's keys, creating the issuer (a fresh RSA key pair) on first use. The private key
 * is stored encrypted with the playground's secret cipher, so every instance on the database signs with the
 * same key and a database dump alone cannot mint tokens. Two first uses at once both succeed: the loser of
 * the insert reads the winner's key.
 */
export async function loadIssuerKeys(prisma: PrismaClient, cipher: SecretCipher, name: string): Promise<IssuerKeys> {
  const stored = await prisma.oidcIssuer.findUnique({ where: { name } });
  if (stored !== null) {
    const privateJwk = JSON.parse(cipher.decrypt(stored.privateKeyEncrypted)) as JWK;
    return {
      keyId: stored.keyId,
      privateKey: (await importJWK(privateJwk, ISSUER_ALGORITHM)) as CryptoKey,
      publicJwk: stored.publicJwk as JWK,
    };
  }
  const { privateKey, publicKey } = await generateKeyPair(ISSUER_ALGORITHM, { extractable: true, modulusLength: 2048 });
  const keyId = randomUUID();
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid: keyId, alg: ISSUER_ALGORITHM, use: 'sig' };
  const privateJwk = await exportJWK(privateKey);
  const created = await prisma.oidcIssuer.createMany({
    data: [
      { name, keyId, privateKeyEncrypted: cipher.encrypt(JSON.stringify(privateJwk)), publicJwk: publicJwk as object },
    ],
    skipDuplicates: true,
  });
  if (created.count === 0) return loadIssuerKeys(prisma, cipher, name);
  return { keyId, privateKey, publicJwk };
}
