import { compilePattern } from '../match/compileGlob.js';
import { checkConditionKey, findAction, findService } from '../catalogue/awsServiceCatalogue.js';
import type { PolicyIssue, PolicyKind, PolicyStatement, PolicyWarning } from './Policy.js';
import { parsePolicy } from './parsePolicy.js';
import { POLICY_KIND_RULES } from './policyKindRules.js';

/** Faults that make a policy invalid, and findings that do not. */
export interface PolicyValidation {
  errors: PolicyIssue[];
  warnings: PolicyWarning[];
  /** Set when the document is larger than its kind's quota (also reported in `errors`), so a service can answer with its own quota error. */
  oversize: { size: number; quota: number; issue: PolicyIssue } | null;
}

/** Global condition keys that only ever hold one value: set operators on them are almost always a mistake. */
const SINGLE_VALUED_KEYS = new Set([
  'aws:currenttime',
  'aws:epochtime',
  'aws:multifactorauthage',
  'aws:multifactorauthpresent',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:principalorgid',
  'aws:principaltype',
  'aws:referer',
  'aws:requestedregion',
  'aws:resourceaccount',
  'aws:resourceorgid',
  'aws:securetransport',
  'aws:sourceaccount',
  'aws:sourcearn',
  'aws:sourceidentity',
  'aws:sourceip',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:tokenissuetime',
  'aws:useragent',
  'aws:userid',
  'aws:username',
  'aws:viaawsservice',
  'sts:externalid',
  'sts:rolesessionname',
  'sts:sourceidentity',
]);
const TAG_KEY = /^aws:(principaltag|resourcetag|requesttag)\//;
/** Every global key AWS documents (lower-cased), to catch misspelt `aws:` keys as Access Analyzer does. */
const GLOBAL_KEYS = new Set([
  ...SINGLE_VALUED_KEYS,
  'aws:calledvia',
  'aws:calledviafirst',
  'aws:calledvialast',
  'aws:federatedprovider',
  'aws:principalisawsservice',
  'aws:principalorgpaths',
  'aws:principalservicename',
  'aws:principalservicenamelist',
  'aws:resourceorgpaths',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:tagkeys',
  'aws:vpcsourceip',
  'aws:ec2instancesourceprivateipv4',
  'aws:ec2instancesourcevpc',
  'aws:assumedroot',
  'aws:sourceowner',
  'aws:vpce',
  'aws:sourcevpcarn',
]);

/**
 * Validates policy text for its kind: {@link parsePolicy}'s grammar, then the size limit, then Access
 * Analyzer-style warnings (set operators on single-valued keys, Allow with NotPrincipal, unknown services,
 * actions and service condition keys, checked against AWS's whole catalogue). Never throws.
 */
export function validatePolicy(text: string, kind: PolicyKind): PolicyValidation {
  const { policy, errors } = parsePolicy(text, kind);
  const rules = POLICY_KIND_RULES[kind];
  const size = countPolicyCharacters(text, rules.countsWhitespace);
  let oversize: PolicyValidation['oversize'] = null;
  if (size > rules.maxSize) {
    const issue: PolicyIssue = {
      code: 'MalformedPolicyDocument',
      message: `cannot exceed quota for policy size: ${rules.maxSize} (this policy has ${size})`,
      position: null,
    };
    errors.push(issue);
    oversize = { size, quota: rules.maxSize, issue };
  }
  const warnings: PolicyWarning[] = [];
  for (const statement of policy?.statements ?? []) collectWarnings(statement, warnings);
  return { errors, warnings, oversize };
}

/**
 * Counts a policy's characters the way its quota does: IAM leaves whitespace out, Organizations counts
 * every character. Services use it for the per-identity inline policy totals (2,048 / 5,120 / 10,240).
 */
export function countPolicyCharacters(text: string, countWhitespace: boolean): number {
  return countWhitespace ? text.length : text.replace(/\s/g, '').length;
}

function collectWarnings(statement: PolicyStatement, warnings: PolicyWarning[]): void {
  if (statement.effect === 'Allow' && statement.notPrincipal !== null) {
    warnings.push({
      code: 'AllowWithNotPrincipal',
      message: 'using `Allow` with `NotPrincipal` grants access to every principal not listed',
      position: statement.start,
    });
  }
  for (const condition of statement.conditions) {
    const lowerKey = condition.key.toLowerCase();
    if (lowerKey.startsWith('aws:') && !GLOBAL_KEYS.has(lowerKey) && !TAG_KEY.test(lowerKey)) {
      warnings.push({
        code: 'UnknownGlobalConditionKey',
        message: `\`${condition.key}\` is not a global condition key`,
        position: condition.position,
      });
    }
    const set = /^(forallvalues|foranyvalue):/i.exec(condition.operator)?.[1]?.toLowerCase();
    if (set !== undefined && (SINGLE_VALUED_KEYS.has(lowerKey) || TAG_KEY.test(lowerKey))) {
      warnings.push({
        code: set === 'forallvalues' ? 'ForAllValuesWithSingleValuedKey' : 'ForAnyValueWithSingleValuedKey',
        message: `\`${condition.operator}\` is meant for multivalued keys, but \`${condition.key}\` is single-valued`,
        position: condition.position,
      });
    }
  }
  for (const condition of statement.conditions) {
    if (condition.key.toLowerCase().startsWith('aws:') || checkConditionKey(condition.key) !== 'unknown') continue;
    const service = condition.key.slice(0, condition.key.indexOf(':'));
    warnings.push({
      code: 'UnknownConditionKey',
      message: `the condition key \`${condition.key}\` does not exist in service \`${service}\``,
      position: condition.position,
    });
  }
  for (const action of [...(statement.action ?? []), ...(statement.notAction ?? [])]) {
    const colon = action.indexOf(':');
    if (colon < 0) continue;
    const prefix = action.slice(0, colon);
    if (/[*?]/.test(prefix)) continue;
    const service = findService(prefix);
    if (service === null) {
      warnings.push({
        code: 'UnknownService',
        message: `the service \`${prefix}\` of action \`${action}\` does not exist`,
        position: statement.start,
      });
      continue;
    }
    const name = action.slice(colon + 1);
    const known = /[*?]/.test(name)
      ? Object.keys(service.actions).some(compilePattern(name, { ignoreCase: true }))
      : findAction(action) !== null;
    if (!known) {
      warnings.push({
        code: 'UnknownAction',
        message: `the action \`${action}\` does not exist in service \`${prefix}\``,
        position: statement.start,
      });
    }
  }
}
