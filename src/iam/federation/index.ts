/**
 * Federation's pure rules: OIDC provider limits and ARNs, what a verified web identity token contributes
 * to a session and its trust evaluation, and the service roles' PassRole rules.
 */
export {
  checkClientIds,
  checkThumbprints,
  formatOidcProviderArn,
  OIDC_LIMITS,
  oidcProviderKeyOf,
  parseOidcProviderUrl,
  type OidcProviderError,
} from './oidcProviderRules.js';
export {
  readWebIdentityClaims,
  SOURCE_IDENTITY_CLAIM,
  TAGS_CLAIM,
  type WebIdentityClaims,
  type WebIdentityProvider,
} from './readWebIdentityClaims.js';
export {
  federationFail,
  type FederationError,
  type FederationErrorCode,
  type FederationResult,
} from './FederationError.js';
export {
  isAwsSamlAudience,
  isAwsSamlRecipient,
  readSamlAttributes,
  SAML_ATTRIBUTES,
  type SamlAssertionFacts,
  type SamlClaims,
  type SamlProviderFacts,
} from './readSamlAttributes.js';
