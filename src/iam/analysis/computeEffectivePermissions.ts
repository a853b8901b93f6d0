import { compileGlob, parseGlob } from '../match/compileGlob.js';
import { compileActionMatcher } from '../match/compileElementMatchers.js';
import { listAllActions } from '../catalogue/awsServiceCatalogue.js';
import type { PolicyStatement } from '../policy/Policy.js';
import { parsePolicy } from '../policy/parsePolicy.js';
import type { AuthorizationModel } from './AuthorizationModel.js';
import { describeTarget, evaluateAccess, type AccessSubject } from './evaluateAccess.js';

/** One action a principal can perform and the resource patterns it can perform it on. */
export interface EffectivePermission {
  action: string;
  resources: string[];
  /** Condition keys the grant depends on (absent from the analysis context); empty when unconditional. */
  conditionKeys: string[];
}

/**
 * The actions `subject` can perform and on which resource patterns, after its boundary, its session policies,
 * its account's SCPs and explicit denies. Candidates come from the identity policies' Allow statements:
 * wildcard actions are expanded against AWS's whole action catalogue (patterns matching no known action
 * stay as written), and resources are the patterns of the identity, boundary and session statements (the
 * narrower ones matter when a boundary cuts a wildcard down). Each (action, pattern) is then decided by the
 * engine with the pattern as the resource; a grant that only fails for want of context keys is reported with
 * those keys. `documents` holds the text of each of the subject's policies by its source id.
 */
export function computeEffectivePermissions(
  model: AuthorizationModel,
  subject: AccessSubject,
  documents: ReadonlyMap<string, string>,
): EffectivePermission[] {
  const statementsOf = (ids: readonly string[]) =>
    ids.flatMap((id) => {
      const text = documents.get(id);
      return text === undefined
        ? []
        : (parsePolicy(text, 'identity').policy?.statements ?? []).filter((s) => s.effect === 'Allow');
    });
  const identity = statementsOf(subject.identityPolicies.map((p) => p.sourcePolicyId));
  const limits = statementsOf([
    ...(subject.permissionsBoundary ? [subject.permissionsBoundary.sourcePolicyId] : []),
    ...(subject.sessionPolicies ?? []).map((p) => p.sourcePolicyId),
  ]);
  const patterns = [...new Set([...identity, ...limits].flatMap(resourcePatterns))];
  const byAction = new Map<string, EffectivePermission>();
  for (const statement of identity) {
    const statementResources = resourcePatterns(statement);
    const covers = statementResources.map((pattern) => compileGlob(parseGlob(pattern), { arn: true }));
    const candidates = patterns.filter((pattern) => covers.some((test) => test(pattern)));
    for (const action of expandActions(statement)) {
      for (const resource of candidates) {
        const result = evaluateAccess(model, subject, action, describeTarget(model, resource, action));
        const conditional = result.evalDecision === 'implicitDeny' && result.missingContextValues.length > 0;
        if (result.evalDecision !== 'allowed' && !conditional) continue;
        const entry = byAction.get(action) ?? { action, resources: [], conditionKeys: [] };
        if (!entry.resources.includes(resource)) entry.resources.push(resource);
        if (conditional) entry.conditionKeys = [...new Set([...entry.conditionKeys, ...result.missingContextValues])];
        byAction.set(action, entry);
      }
    }
  }
  return [...byAction.values()]
    .map((entry) => ({ ...entry, resources: dropCovered(entry.resources) }))
    .sort((a, b) => a.action.localeCompare(b.action));
}

function resourcePatterns(statement: PolicyStatement): string[] {
  return statement.resource ?? ['*'];
}

/** Concrete catalogue actions an Action/NotAction element allows; uncatalogued patterns stay as written. */
function expandActions(statement: PolicyStatement): string[] {
  if (statement.action === null) {
    const excluded = compileActionMatcher(statement.notAction ?? [], false);
    return listAllActions().filter((action) => !excluded(action.toLowerCase()));
  }
  const actions = new Set<string>();
  for (const pattern of statement.action) {
    if (!/[*?]/.test(pattern)) {
      actions.add(pattern);
      continue;
    }
    const matches = compileActionMatcher([pattern], false);
    const found = listAllActions().filter((action) => matches(action.toLowerCase()));
    if (found.length === 0) actions.add(pattern);
    for (const action of found) actions.add(action);
  }
  return [...actions];
}

/** Drops patterns another allowed pattern already covers (`arn:aws:s3:::b/*` under `*`). */
function dropCovered(resources: string[]): string[] {
  const tests = resources.map((pattern) => compileGlob(parseGlob(pattern), { arn: true }));
  return resources.filter(
    (resource, i) => !tests.some((test, j) => j !== i && resources[j] !== resource && test(resource)),
  );
}
