import type { Context } from '../../context.js';
import { noSuchEntity } from '../../graphql/errors.js';
import type { AssemblyPrincipal } from '../authorization/assembleRequest.js';
import type { AccessPrincipalRef } from './loadAccessSubject.js';

/**
 * Finds the stored principal a reference names, as the assembler's principal: a user, a role (acting as a
 * session of itself), or a session — an assumed-role ARN stands for its newest unexpired session (one query).
 * NoSuchEntity when nothing stored matches.
 */
export async function resolveAccessPrincipal(context: Context, ref: AccessPrincipalRef): Promise<AssemblyPrincipal> {
  if (ref.kind === 'session') return { kind: 'session', session: ref.session };
  if (ref.kind === 'arn' && ref.arn.includes(':assumed-role/')) {
    const session = await context.database.prisma.session.findFirst({
      where: { arn: ref.arn, expiresAt: { gt: new Date() } },
      orderBy: { issuedAt: 'desc' },
    });
    if (session === null) throw noSuchEntity(`No active session has ARN ${ref.arn}.`);
    return { kind: 'session', session };
  }
  const [user, role] = await Promise.all([
    ref.kind === 'role' ? null : context.loaders.identities.userByArn.load(ref.arn),
    ref.kind === 'user' ? null : context.loaders.roles.byArn.load(ref.arn),
  ]);
  if (user !== null) return { kind: 'user', id: user.id };
  if (role !== null) return { kind: 'role', id: role.id };
  throw noSuchEntity(`The principal with ARN ${ref.arn} cannot be found.`);
}
