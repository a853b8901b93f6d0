import type { GraphQLError } from 'graphql';
import { awsError } from './errors.js';

/** What a Postgres or Prisma error says, read from either shape. */
interface DatabaseErrorFacts {
  prismaCode: string | undefined;
  sqlState: string | undefined;
  message: string;
}

/**
 * Turns a database constraint error into the AWS error a client should see, in one place: a duplicate
 * (unique violation, Prisma P2002) → EntityAlreadyExists; a missing parent on insert (foreign key, P2003)
 * → NoSuchEntity; a row still referenced on delete → DeleteConflict; a failed CHECK or NOT NULL →
 * ValidationError; a missing row to update or delete (P2025) → NoSuchEntity. Null when the error is not a
 * constraint error (formatError then masks it). Services may call it to replace the generic message
 * with AWS's specific wording.
 */
export function translateDatabaseError(error: unknown): GraphQLError | null {
  const facts = readFacts(error);
  if (facts === null) return null;
  const { prismaCode, sqlState, message } = facts;
  if (prismaCode === 'P2002' || sqlState === '23505') {
    return awsError('EntityAlreadyExists', 'The entity already exists.');
  }
  if (prismaCode === 'P2003' || sqlState === '23503') {
    return /update or delete on table/i.test(message)
      ? awsError('DeleteConflict', 'Cannot delete entity, must remove referencing entities first.')
      : awsError('NoSuchEntity', 'A referenced entity cannot be found.');
  }
  if (prismaCode === 'P2025') return awsError('NoSuchEntity', 'The entity cannot be found.');
  if (sqlState === '23514' || sqlState === '23502' || prismaCode === 'P2011') {
    return awsError('ValidationError', 'The request violates a constraint of the stored model.');
  }
  return null;
}

function readFacts(error: unknown): DatabaseErrorFacts | null {
  if (error === null || typeof error !== 'object') return null;
  const record = error as { code?: unknown; message?: unknown; meta?: unknown; cause?: unknown };
  const message = typeof record.message === 'string' ? record.message : '';
  if (typeof record.code === 'string' && /^P\d{4}$/.test(record.code)) {
    // Prisma's driver adapters keep the Postgres error under meta.driverAdapterError.cause.
    const cause = (
      record.meta as
        { driverAdapterError?: { cause?: { originalCode?: unknown; originalMessage?: unknown } } } | undefined
    )?.driverAdapterError?.cause;
    return {
      prismaCode: record.code,
      sqlState: typeof cause?.originalCode === 'string' ? cause.originalCode : undefined,
      message: typeof cause?.originalMessage === 'string' ? cause.originalMessage : message,
    };
  }
  if (typeof record.code === 'string' && /^[0-9A-Z]{5}$/.test(record.code)) {
    return { prismaCode: undefined, sqlState: record.code, message };
  }
  // Prisma's generic errors for raw queries wrap the driver error as `cause`.
  return record.cause === undefined || record.cause === error ? null : readFacts(record.cause);
}
