import type { AuthorizationModel } from './AuthorizationModel.js';
import type { RawAccountSlice, RawOrganizations } from './AuthorizationSnapshot.js';
import { buildAuthorizationModel } from './buildAuthorizationModel.js';

/** A compact description of an organization for tests: policies as statement arrays, ids derived from names. */
export interface FixtureSpec {
  organization?: {
    id: string;
    managementAccountId: string;
    /** OUs under the root `r-root`; `parentId` defaults to the root. */
    units?: { id: string; parentId?: string }[];
    scps?: { id: string; statements: unknown[]; targets: string[] }[];
  };
  accounts: {
    id: string;
    /** The OU holding the account; defaults to the root when there is an organization. */
    parentId?: string;
    users?: { name: string; policies?: unknown[][]; boundary?: unknown[]; tags?: Record<string, string> }[];
    roles?: {
      name: string;
      trust: unknown[];
      policies?: unknown[][];
      maxSessionDuration?: number;
      tags?: Record<string, string>;
    }[];
    resources?: { arn: string; service: string; type: string; policy?: unknown[] }[];
  }[];
}

/** Policy JSON text from statements. */
export function policyText(statements: unknown[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** Turns a {@link FixtureSpec} into the plain rows the analysis reads, then into a model. */
export function createFixtureRows(spec: FixtureSpec): { organizations: RawOrganizations; slices: RawAccountSlice[] } {
  const org = spec.organization;
  const organizations: RawOrganizations = {
    organizations: org ? [{ id: org.id, managementAccountId: org.managementAccountId }] : [],
    units: org
      ? [
          { id: 'r-root', organizationId: org.id, parentId: null },
          ...(org.units ?? []).map((u) => ({ id: u.id, organizationId: org.id, parentId: u.parentId ?? 'r-root' })),
        ]
      : [],
    accounts: spec.accounts.map((a) => ({
      id: a.id,
      organizationId: org?.id ?? null,
      parentId: org ? (a.parentId ?? 'r-root') : null,
    })),
    organizationPolicies: (org?.scps ?? []).map((scp) => ({
      id: scp.id,
      organizationId: org!.id,
      type: 'SCP' as const,
      document: policyText(scp.statements),
      targetIds: scp.targets,
    })),
  };
  const slices: RawAccountSlice[] = spec.accounts.map((account) => ({
    accountId: account.id,
    users: (account.users ?? []).map((user, i) => ({
      id: `AIDA${account.id}${String(i).padStart(5, '0')}`,
      arn: `arn:aws:iam::${account.id}:user/${user.name}`,
      name: user.name,
      accountId: account.id,
      tags: user.tags ?? {},
      policies: (user.policies ?? []).map((statements, j) => ({
        id: `arn:aws:iam::${account.id}:user/${user.name}:inline/p${j}`,
        document: policyText(statements),
      })),
      boundary: user.boundary
        ? { id: `arn:aws:iam::${account.id}:policy/${user.name}-boundary`, document: policyText(user.boundary) }
        : null,
    })),
    roles: (account.roles ?? []).map((role, i) => ({
      id: `AROA${account.id}${String(i).padStart(5, '0')}`,
      arn: `arn:aws:iam::${account.id}:role/${role.name}`,
      name: role.name,
      accountId: account.id,
      tags: role.tags ?? {},
      policies: (role.policies ?? []).map((statements, j) => ({
        id: `arn:aws:iam::${account.id}:role/${role.name}:inline/p${j}`,
        document: policyText(statements),
      })),
      boundary: null,
      trustDocument: policyText(role.trust),
      maxSessionDuration: role.maxSessionDuration ?? 3600,
    })),
    resources: (account.resources ?? []).map((resource) => ({
      arn: resource.arn,
      accountId: account.id,
      service: resource.service,
      resourceType: resource.type,
      policyDocument: resource.policy ? policyText(resource.policy) : null,
      tags: {},
    })),
  }));
  return { organizations, slices };
}

/** Builds the model of a {@link FixtureSpec}. */
export function createFixtureModel(spec: FixtureSpec): AuthorizationModel {
  const { organizations, slices } = createFixtureRows(spec);
  return buildAuthorizationModel(organizations, slices);
}
