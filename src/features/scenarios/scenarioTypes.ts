/**
 * The shape of a scenario file, as scenarios/scenario.schema.json describes it. The schema is the source of
 * truth for what a file may hold; these types are what the loader and the expectation runner read after
 * `validateScenario` has accepted a file.
 */

/** A policy as written in a scenario: a parsed object (stored as JSON text) or the JSON text itself. */
export type ScenarioPolicyDocument = string | { Version: string; Statement: unknown; [key: string]: unknown };

/** Tags as a key → value map, the way people write them in YAML. */
export type ScenarioTags = Record<string, string>;

/** An organizational unit and the units under it. */
export interface ScenarioUnit {
  name: string;
  units?: ScenarioUnit[];
}

/** An SCP or RCP and where it is attached: `Root`, an OU path such as `Workloads/Prod`, or an account id. */
export interface ScenarioOrganizationPolicy {
  name: string;
  type: 'SCP' | 'RCP';
  description?: string;
  document: ScenarioPolicyDocument;
  targets: string[];
}

/** The organization that holds the scenario's accounts. */
export interface ScenarioOrganization {
  managementAccount: string;
  units?: ScenarioUnit[];
  policies?: ScenarioOrganizationPolicy[];
}

/** An IAM user. */
export interface ScenarioUser {
  name: string;
  path?: string;
  accessKey?: boolean;
  groups?: string[];
  policies?: string[];
  inlinePolicies?: Record<string, ScenarioPolicyDocument>;
  permissionsBoundary?: string;
  tags?: ScenarioTags;
  mfaDevice?: { name: string; seed: string };
}

/** An IAM group. */
export interface ScenarioGroup {
  name: string;
  path?: string;
  policies?: string[];
  inlinePolicies?: Record<string, ScenarioPolicyDocument>;
}

/** An IAM role. */
export interface ScenarioRole {
  name: string;
  path?: string;
  description?: string;
  maxSessionDuration?: number;
  trustPolicy: ScenarioPolicyDocument;
  policies?: string[];
  inlinePolicies?: Record<string, ScenarioPolicyDocument>;
  permissionsBoundary?: string;
  tags?: ScenarioTags;
}

/** A customer managed policy (one version, the default). */
export interface ScenarioManagedPolicy {
  name: string;
  path?: string;
  description?: string;
  document: ScenarioPolicyDocument;
}

/** A resource, keyed by ARN, with its resource-based policy and tags. */
export interface ScenarioResource {
  arn: string;
  policy?: ScenarioPolicyDocument;
  tags?: ScenarioTags;
}

/** An account and everything in it. */
export interface ScenarioAccount {
  id: string;
  name: string;
  alias?: string;
  email?: string;
  unit?: string;
  rootAccessKey?: boolean;
  users?: ScenarioUser[];
  groups?: ScenarioGroup[];
  roles?: ScenarioRole[];
  policies?: ScenarioManagedPolicy[];
  resources?: ScenarioResource[];
  oidcProviders?: ScenarioOidcProvider[];
  instanceProfiles?: ScenarioInstanceProfile[];
  samlProviders?: ScenarioSamlProvider[];
}

/** An IAM SAML provider made from the metadata of one of the playground's built-in SAML IdPs. */
export interface ScenarioSamlProvider {
  name: string;
  identityProvider: string;
}

/** A chain step that exchanges an assertion from a built-in SAML IdP (minted by the principal) for a role session. */
export interface ScenarioSamlStep {
  roleArn: string;
  saml: {
    identityProvider: string;
    principalArn: string;
    subject: string;
    roleSessionName: string;
    /** Role pairs of the assertion; default the step's role with its provider. */
    roles?: { roleArn: string; principalArn: string }[];
    attributes?: Record<string, string | string[]>;
  };
}

/** An IAM OIDC identity provider (a built-in issuer's URL, or an outside one with its `jwks`). */
export interface ScenarioOidcProvider {
  url: string;
  clientIds: string[];
  jwks?: Record<string, unknown>;
}

/** An instance profile holding (at most) one of the account's roles, by name. */
export interface ScenarioInstanceProfile {
  name: string;
  path?: string;
  role?: string;
}

/** A chain step that exchanges a token from a built-in OIDC issuer (minted by the principal) for a role session. */
export interface ScenarioWebIdentityStep {
  roleArn: string;
  roleSessionName: string;
  webIdentity: { issuer: string; subject: string; audience: string[]; claims?: Record<string, unknown> };
}

/** A chain step that launches an EC2 instance with a profile, then acts as the instance (its IMDS credentials). */
export interface ScenarioRunInstancesStep {
  runInstances: { instanceProfile: string; imageId?: string; region?: string };
}

/** A chain step that creates a Lambda function with an execution role, then acts as the function. */
export interface ScenarioCreateFunctionStep {
  createFunction: { functionName: string; role: string; region?: string };
}

/** A chain step that runs a GraphQL operation with the current credentials (an edit that must fail, say). */
export interface ScenarioGraphqlStep {
  graphql: { query: string; variables?: Record<string, unknown> };
}

/** A chain step that asks GetFederationToken with the current (long-term) credentials, then acts as the federated user. */
export interface ScenarioFederationTokenStep {
  federationToken: { name: string; policy?: ScenarioPolicyDocument; policyArns?: string[]; durationSeconds?: number };
}

/** One step of an expectation's chain: an AssumeRole, a web identity exchange, a federation token, or a service launch. */
export type ScenarioChainStep =
  | ScenarioAssumeRoleStep
  | ScenarioFederationTokenStep
  | ScenarioWebIdentityStep
  | ScenarioSamlStep
  | ScenarioRunInstancesStep
  | ScenarioCreateFunctionStep
  | ScenarioGraphqlStep;

/** An operation the explorer opens as a tab (the explorer's `ExplorerExample`). */
export interface ScenarioExample {
  title: string;
  description?: string;
  query: string;
  variables?: Record<string, unknown>;
}

/** One sts:AssumeRole call of an expectation's chain, with AssumeRole's parameters. */
export interface ScenarioAssumeRoleStep {
  roleArn: string;
  roleSessionName: string;
  durationSeconds?: number;
  externalId?: string;
  policy?: ScenarioPolicyDocument;
  policyArns?: string[];
  sourceIdentity?: string;
  tags?: ScenarioTags;
  transitiveTagKeys?: string[];
  serialNumber?: string;
  /** Six digits, or `totp` for the current code of the scenario's device with that serial number. */
  tokenCode?: string;
}

/** A request context entry an expectation adds to the decision it checks. */
export interface ScenarioContextEntry {
  key: string;
  values: string[];
  type?: string;
}

/**
 * A promise the scenario makes: signed in as `principal`, after assuming each role of `chain` in turn,
 * `action` on `resource` gets `decision` — or the last assumeRole fails with the AWS code `error`.
 */
export interface ScenarioExpectation {
  description: string;
  principal: string;
  chain?: ScenarioChainStep[];
  /** The stored user or role the decision is about, when not the principal or the chain's last session. */
  policySource?: string;
  /** After the chain, `by` revokes the role's active sessions; the decision is then about the chain's session. */
  revokeRoleSessions?: { roleArn: string; by: string };
  action?: string;
  resource?: string;
  context?: ScenarioContextEntry[];
  decision?: 'allowed' | 'explicitDeny' | 'implicitDeny';
  error?: string;
}

/** A whole scenario file. */
export interface Scenario {
  name: string;
  title: string;
  description: string;
  organization?: ScenarioOrganization;
  accounts: ScenarioAccount[];
  examples: ScenarioExample[];
  expectations: ScenarioExpectation[];
}
