import type { Database } from './db/openDatabase.js';
import type { Caller } from './features/auth/Caller.js';
import type { SecretCipher } from './features/auth/secretCipher.js';
import type { AuthRequest } from './features/auth/verifySigV4.js';
import { createAccessLoaders, type AccessLoaders } from './features/access/access.loaders.js';
import { createRequestVersion, type RequestVersion } from './features/cache/RequestVersion.js';
import { getAuthorizationCaches } from './features/cache/getAuthorizationCaches.js';
import { cacheResourceControls } from './features/cache/cachedCallerFacts.js';
import { createAccountLoaders, type AccountLoaders } from './features/accounts/accounts.loaders.js';
import { createIdentityLoaders, type IdentityLoaders } from './features/identities/identities.loaders.js';
import { createOrganizationLoaders, type OrganizationLoaders } from './features/organizations/organizations.loaders.js';
import { createPolicyLoaders, type PolicyLoaders } from './features/policies/policies.loaders.js';
import { createResourceLoaders, type ResourceLoaders } from './features/resources/resources.loaders.js';
import { createRoleLoaders, type RoleLoaders } from './features/roles/roles.loaders.js';
import { createSessionLoaders, type SessionLoaders } from './features/sessions/sessions.loaders.js';
import type { LiveEvents } from './features/live/createLiveEvents.js';
import { createAuthorizationState, type AuthorizationState } from './features/authorization/AuthorizationState.js';
import type { Logger } from './logger.js';

/**
 * Finds who signed a request. The auth feature provides the real one (credentials → Caller, or a
 * GraphQLError with AWS's code); the default answers null, an anonymous caller. `version` is the request's
 * authorization version, which version-keyed credential caches check.
 */
export type Authenticate = (
  request: AuthRequest,
  database: Database,
  version: RequestVersion,
) => Promise<Caller | null>;

/** The per-request DataLoaders, one group per feature. */
export interface Loaders {
  accounts: AccountLoaders;
  organizations: OrganizationLoaders;
  identities: IdentityLoaders;
  roles: RoleLoaders;
  policies: PolicyLoaders;
  resources: ResourceLoaders;
  sessions: SessionLoaders;
  access: AccessLoaders;
}

/** What every resolver receives: the caller, the storage, fresh loaders and a request-scoped logger. */
export interface Context {
  /** Who signed the request; null for an unsigned request (every operation but introspection then fails). */
  caller: Caller | null;
  /** This request's authorization memory: the caller's policies, decisions made, audit events to write. */
  authorization: AuthorizationState;
  /** The database (Prisma and the raw pg pool). */
  database: Database;
  /** DataLoaders created for this request only, so no cached row outlives it. */
  loaders: Loaders;
  /** The logger, bound to this request. */
  logger: Logger;
  /** Encrypts and decrypts stored secrets (access key secrets, session secrets, TOTP seeds). */
  cipher: SecretCipher;
  /** New audit events and sessions as they happen, for subscriptions; absent where nothing serves them. */
  live?: LiveEvents | undefined;
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
  /** Live events for subscriptions. */
  live?: LiveEvents | undefined;
}

/**
 * Creates all feature loaders over one database, each feature's group on first use: most requests touch one or
 * two features, and creating some forty DataLoaders for each would cost every request, `{ __typename }` too.
 * `version` is the request's authorization version: the access index snapshot is taken as of it, so it shares
 * the request's one version check with the caches.
 */
export function createLoaders(database: Database, version: RequestVersion): Loaders {
  return new RequestLoaders(database, version);
}

/** The feature loaders of one request, each group created when first read. */
class RequestLoaders implements Loaders {
  #accounts?: AccountLoaders;
  #organizations?: OrganizationLoaders;
  #identities?: IdentityLoaders;
  #roles?: RoleLoaders;
  #policies?: PolicyLoaders;
  #resources?: ResourceLoaders;
  #sessions?: SessionLoaders;
  #access?: AccessLoaders;

  constructor(
    private readonly database: Database,
    private readonly version: RequestVersion,
  ) {}

  get accounts() {
    return (this.#accounts ??= createAccountLoaders(this.database.prisma));
  }
  get organizations() {
    return (this.#organizations ??= createOrganizationLoaders(this.database.prisma));
  }
  get identities() {
    return (this.#identities ??= createIdentityLoaders(this.database.prisma));
  }
  get roles() {
    return (this.#roles ??= createRoleLoaders(this.database.prisma));
  }
  get policies() {
    return (this.#policies ??= createPolicyLoaders(this.database.prisma));
  }
  get resources() {
    return (this.#resources ??= createResourceLoaders(this.database.prisma));
  }
  get sessions() {
    return (this.#sessions ??= createSessionLoaders(this.database.prisma));
  }
  get access() {
    return (this.#access ??= createAccessLoaders(this.database, this.version));
  }
}

/**
 * A fresh authorization version for one request (read lazily, at most once). Each version it reads frees older
 * cache entries at once, in every cache of the database.
 */
export function createAuthorizationVersion(database: Pick<Database, 'pool'>): RequestVersion {
  const { pool } = database;
  return createRequestVersion(pool, (version) => getAuthorizationCaches(pool).observe(version));
}

/** Builds the context of one request: authenticates it, then creates fresh loaders. */
export async function createContext(request: AuthRequest, dependencies: ContextDependencies): Promise<Context> {
  const authorizationVersion = createAuthorizationVersion(dependencies.database);
  const caller = dependencies.authenticate
    ? await dependencies.authenticate(request, dependencies.database, authorizationVersion)
    : null;
  return {
    caller,
    authorization: createAuthorizationState(
      dependencies.database.prisma,
      cacheResourceControls(dependencies.database, authorizationVersion),
    ),
    database: dependencies.database,
    loaders: createLoaders(dependencies.database, authorizationVersion),
    logger: dependencies.logger,
    cipher: dependencies.cipher,
    live: dependencies.live,
    authorizationVersion,
  };
}
