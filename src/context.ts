import type { Database } from './db/openDatabase.js';
import type { Caller } from './features/auth/Caller.js';
import type { SecretCipher } from './features/auth/secretCipher.js';
import type { AuthRequest } from './features/auth/verifySigV4.js';
import { createAccessLoaders, type AccessLoaders } from './features/access/access.loaders.js';
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
 * GraphQLError with AWS's code); the default answers null, an anonymous caller.
 */
export type Authenticate = (request: AuthRequest, database: Database) => Promise<Caller | null>;

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

/** Creates all feature loaders over one database. */
export function createLoaders(database: Database): Loaders {
  const prisma = database.prisma;
  return {
    accounts: createAccountLoaders(prisma),
    organizations: createOrganizationLoaders(prisma),
    identities: createIdentityLoaders(prisma),
    roles: createRoleLoaders(prisma),
    policies: createPolicyLoaders(prisma),
    resources: createResourceLoaders(prisma),
    sessions: createSessionLoaders(prisma),
    access: createAccessLoaders(database),
  };
}

/** Builds the context of one request: authenticates it, then creates fresh loaders. */
export async function createContext(request: AuthRequest, dependencies: ContextDependencies): Promise<Context> {
  const caller = dependencies.authenticate ? await dependencies.authenticate(request, dependencies.database) : null;
  return {
    caller,
    authorization: createAuthorizationState(dependencies.database.prisma),
    database: dependencies.database,
    loaders: createLoaders(dependencies.database),
    logger: dependencies.logger,
    cipher: dependencies.cipher,
    live: dependencies.live,
  };
}
