import { createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { awsError } from '../../graphql/errors.js';

/**
 * Checks the playground's `jwks` extension of CreateOpenIDConnectProvider: a JSON Web Key Set (`{"keys":
 * [...]}`) of at most 20 public signing keys, each usable by jose. Private key members are refused, so a
 * learner cannot store a signing secret by mistake. Returns the parsed set.
 */
export function checkJwks(text: string): JSONWebKeySet {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw awsError('InvalidInput', 'jwks must be a JSON Web Key Set: {"keys": [...]}');
  }
  const keys = (parsed as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0 || keys.length > 20)
    throw awsError('InvalidInput', 'jwks must be a JSON Web Key Set with 1 to 20 keys');
  for (const key of keys) {
    if (key === null || typeof key !== 'object' || typeof (key as { kty?: unknown }).kty !== 'string')
      throw awsError('InvalidInput', 'every key of jwks must be a JSON Web Key with `kty`');
    if (['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'].some((member) => member in key))
      throw awsError('InvalidInput', 'jwks must hold public keys only');
  }
  try {
    createLocalJWKSet(parsed as JSONWebKeySet);
  } catch {
    throw awsError('InvalidInput', 'jwks is not a valid JSON Web Key Set');
  }
  return parsed as JSONWebKeySet;
}
