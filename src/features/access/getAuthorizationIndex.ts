import type pg from 'pg';
import { createAuthorizationIndex, type AuthorizationIndex } from './createAuthorizationIndex.js';

const indexes = new WeakMap<pg.Pool, AuthorizationIndex>();

/**
 * The authorization index of a database, created on first use and shared by every request on that pool (one
 * per process per database). Keyed weakly by the pool, so a closed test database takes its index with it.
 */
export function getAuthorizationIndex(pool: pg.Pool): AuthorizationIndex {
  let index = indexes.get(pool);
  if (index === undefined) indexes.set(pool, (index = createAuthorizationIndex(pool)));
  return index;
}
