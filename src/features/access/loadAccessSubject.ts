import type { Context } from '../../context.js';
import type { Session } from '../../generated/prisma/client.js';
import { noSuchEntity } from '../../graphql/errors.js';
import { describeSubject, type AccessSubject } from '../../iam/analysis/index.js';
import { describeSessionSubject } from './describeSessionSubject.js';

/** A stored user, role or session to decide for: a parent row's kind and ARN, a session row, or any ARN. */
export type AccessPrincipalRef =
  { kind: 'user' | 'role'; arn: string } | { kind: 'session'; session: Session } | { kind: 'arn'; arn: string };

/** A subject and the text of every policy it carries by source id (for analyses that read statements). */
export interface LoadedSubject {
  subject: AccessSubject;
  documents: ReadonlyMap<string, string>;
}

/**
 * Finds the stored principal a reference names and describes it for the engine. An assumed-role ARN stands
 * for its newest unexpired session (one query). NoSuchEntity when nothing stored matches.
 */
export async function loadAccessSubject(context: Context, ref: AccessPrincipalRef): Promise<LoadedSubject> {
  const loaders = context.loaders.access;
  const { model } = await loaders.snapshot();
  let session: Session | null = ref.kind === 'session' ? ref.session : null;
  if (ref.kind === 'arn' && ref.arn.includes(':assumed-role/')) {
    session = await context.database.prisma.session.findFirst({
      where: { arn: ref.arn, expiresAt: { gt: new Date() } },
      orderBy: { issuedAt: 'desc' },
    });
    if (session === null) throw noSuchEntity(`No active session has ARN ${ref.arn}.`);
  }
  if (session === null) {
    const arn = (ref as { arn: string }).arn;
    const principal = model.principals.get(arn);
    if (principal === undefined || (ref.kind !== 'arn' && principal.kind !== ref.kind))
      throw noSuchEntity(`The principal with ARN ${arn} cannot be found.`);
    return { subject: describeSubject(model, principal), documents: model.policyDocuments };
  }
  const arns = session.policyArns;
  const loaded = await loaders.managedPolicyDocument.loadMany(arns);
  const managed = new Map(arns.map((arn, i) => [arn, typeof loaded[i] === 'string' ? (loaded[i] as string) : null]));
  const subject = describeSessionSubject(model, session, managed);
  if (subject === null) throw noSuchEntity(`The session ${session.id} no longer has a stored role or user.`);
  // Only the texts of this subject's own policies: copying the model's would cost the whole organization.
  const ids = [...subject.identityPolicies, ...(subject.permissionsBoundary ? [subject.permissionsBoundary] : [])].map(
    (policy) => policy.sourcePolicyId,
  );
  const documents = new Map(
    ids.flatMap((id) => {
      const text = model.policyDocuments.get(id);
      return text === undefined ? [] : [[id, text] as const];
    }),
  );
  if (session.sessionPolicy !== null) documents.set(`${session.arn}:session-policy`, session.sessionPolicy);
  for (const [arn, text] of managed) if (text !== null) documents.set(arn, text);
  return { subject, documents };
}
