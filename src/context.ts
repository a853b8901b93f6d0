import type { Database } from './db/openDatabase.js';
import type { Caller } from './features/auth/Caller.js';
import type { SecretCipher } from './features/auth/secretCipher.js';
import type { AuthRequest } from './features/auth/verifySigV4.js';
import { createRequestVersion, type RequestVersion } from './features/cache/RequestVersion.js';
import { getAuthorizationCaches } from './features/cache/getAuthorizationCaches.js';
import { createAccountLoaders, type AccountLoaders } from './features/accounts/accounts.loaders.js';
import { createIdentityLoaders, type IdentityLoaders } from './features/identities/identities.loaders.js';
import { createOrganizationLoaders, type OrganizationLoaders } from './features/organizations/organizations.loaders.js';
import { createPolicyLoaders, type PolicyLoaders } from './features/policies/policies.loaders.js';
import { createResourceLoaders, type ResourceLoaders } from './features/resources/resources.loaders.js';
import { createRoleLoaders, type RoleLoaders } from './features/roles/roles.loaders.js';
import { createSessionLoaders, type SessionLoaders } from './features/sessions/sessions.loaders.js';
import type { Logger } from './logger.js';

/**
 * Finds who signed a request. The auth feature provides the real one (credentials → Caller, or a
 * GraphQLError with AWS's code); the default answers null, an anonymous caller. `version` is the request's
 * authorization version, which version-keyed credential caches check.
 */
export type Authenticate = (request: AuthRequest, database: Database, version: RequestVersion) => Promise<Caller | null>;

/** The per-request DataLoaders, one group per feature. */
export interface Loaders {
  accounts: AccountLoaders;
  organizations: OrganizationLoaders;
  identities: IdentityLoaders;
  roles: RoleLoaders;
  policies: PolicyLoaders;
  resources: ResourceLoaders;
  sessions: SessionLoaders;
}

/** What every resolver receives: the caller, the storage, fresh loaders and a request-scoped logger. */
export interface Context {
  /** Who signed the request; null when no authenticator is configured. */
  caller: Caller | null;
  /**
   * Whether requests are authenticated at all (an authenticator is configured, as in production). Read
   * authorization applies only then, so a server built without auth (read-only tests) stays open.
   */
  authenticationEnabled: boolean;
  /** The database (Prisma and the raw pg pool). */
  database: Database;
  /** DataLoaders created for this request only, so no cached row outlives it. */
  loaders: Loaders;
  /** The logger, bound to this request. */
  logger: Logger;
  /** Encrypts and decrypts stored secrets (access key secrets, session secrets, TOTP seeds). */
  cipher: SecretCipher;
  /**
   * The authorization version as of this request, read at most once (see src/features/cache): every
   * version-keyed cache and the access index check it, so they answer as of every write committed before.
   */
  authorizationVersion: RequestVersion;
}

/** What the server passes to {@link createContext} for every request. */
export interface ContextDependencies {
  database: Database;
  logger: Logger;
  authenticate?: Authenticate | undefined;
  /** The secret cipher; the same one the authenticator decrypts with. */
  cipher: SecretCipher;
}

/** Creates all feature loaders over one Prisma client. */
export function createLoaders(prisma: Database['prisma']): Loaders {
  return {
    accounts: createAccountLoaders(prisma),
    organizations: createOrganizationLoaders(prisma),
    identities: createIdentityLoaders(prisma),
    roles: createRoleLoaders(prisma),
    policies: createPolicyLoaders(prisma),
    resources: createResourceLoaders(prisma),
    sessions: createSessionLoaders(prisma),
  };
}

/** Builds the context of one request: authenticates it, then creates fresh loaders. */
export async function createContext(request: AuthRequest, dependencies: ContextDependencies): Promise<Context> {
  const { pool } = dependencies.database;
  // Each version a request reads frees older cache entries at once, in every cache of the database.
  const authorizationVersion = createRequestVersion(pool, (version) => getAuthorizationCaches(pool).observe(version));
  const caller = dependencies.authenticate ? await dependencies.authenticate(request, dependencies.database, authorizationVersion) : null;
  return {
    caller,
    authenticationEnabled: dependencies.authenticate !== undefined,
    database: dependencies.database,
    loaders: createLoaders(dependencies.database.prisma),
    logger: dependencies.logger,
    cipher: dependencies.cipher,
    authorizationVersion,
  };
}
