import { describe, expect, it } from 'vitest';
import { translateDatabaseError } from './translateDatabaseError.js';

/** The shape Prisma 7's pg adapter gives a constraint error (copied from a real one). */
function prismaError(code: string, originalCode: string, originalMessage: string) {
  return Object.assign(new Error('prisma error'), {
    code,
    meta: {
      modelName: 'Role',
      driverAdapterError: { name: 'DriverAdapterError', cause: { originalCode, originalMessage } },
    },
  });
}

describe('translateDatabaseError', () => {
  it('turns a unique violation into EntityAlreadyExists', () => {
    const error = translateDatabaseError(
      prismaError(
        'P2002',
        '23505',
        'duplicate key value violates unique constraint "iam_role_account_id_name_key_key"',
      ),
    );
    expect(error?.extensions.code).toBe('EntityAlreadyExists');
  });

  it('turns a foreign key violation on insert into NoSuchEntity and on delete into DeleteConflict', () => {
    const insert = prismaError(
      'P2003',
      '23503',
      'insert or update on table "iam_role" violates foreign key constraint "iam_role_account_id_fkey"',
    );
    const remove = prismaError(
      'P2003',
      '23503',
      'update or delete on table "managed_policy" violates foreign key constraint "policy_attachment_policy_id_fkey"',
    );
    expect(translateDatabaseError(insert)?.extensions.code).toBe('NoSuchEntity');
    expect(translateDatabaseError(remove)?.extensions.code).toBe('DeleteConflict');
  });

  it('turns a failed CHECK into ValidationError and a missing row into NoSuchEntity', () => {
    const check = prismaError(
      'P2039',
      '23514',
      'new row for relation "account" violates check constraint "account_id_check"',
    );
    expect(translateDatabaseError(check)?.extensions.code).toBe('ValidationError');
    expect(translateDatabaseError(Object.assign(new Error('x'), { code: 'P2025' }))?.extensions.code).toBe(
      'NoSuchEntity',
    );
  });

  it('reads raw pg errors, including ones wrapped as a cause', () => {
    const raw = Object.assign(new Error('duplicate key'), { code: '23505' });
    expect(translateDatabaseError(raw)?.extensions.code).toBe('EntityAlreadyExists');
    expect(translateDatabaseError(new Error('wrapped', { cause: raw }))?.extensions.code).toBe('EntityAlreadyExists');
  });

  it('leaves other errors alone', () => {
    expect(translateDatabaseError(new Error('boom'))).toBeNull();
    expect(translateDatabaseError(Object.assign(new Error('connection'), { code: 'ECONNREFUSED' }))).toBeNull();
    expect(translateDatabaseError('text')).toBeNull();
  });
});
