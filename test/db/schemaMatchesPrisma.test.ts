import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/createTestDatabase.js';
import { expectedSchemaFromDmmf, type ExpectedSchema } from './support/expectedSchemaFromDmmf.js';
import { readDatabaseSchema, type DbSchema } from './support/readDatabaseSchema.js';
import { readPrismaDmmf } from './support/readPrismaDmmf.js';

/**
 * Objects the SQL migrations add that schema.prisma cannot express (20261123000100_constraints). The test
 * requires each to exist and allows no other object beyond what Prisma's DMMF implies.
 */
const rawSqlChecks = [
  'account_id_check',
  'iam_user_name_check',
  'iam_user_name_key_check',
  'iam_user_path_check',
  'iam_group_name_check',
  'iam_group_name_key_check',
  'iam_group_path_check',
  'iam_role_name_check',
  'iam_role_name_key_check',
  'iam_role_path_check',
  'iam_role_max_session_duration_check',
  'managed_policy_name_check',
  'managed_policy_name_key_check',
  'managed_policy_path_check',
  'policy_version_version_id_check',
  'inline_policy_owner_check',
  'inline_policy_name_check',
  'inline_policy_name_key_check',
  'policy_attachment_owner_check',
  'tag_owner_check',
  'tag_key_lower_check',
  'tag_key_check',
];
const rawSqlPartialUniqueIndexes = {
  managed_policy_aws_name_key_key: { table: 'managed_policy', columns: ['name_key'] },
  policy_version_one_default_key: { table: 'policy_version', columns: ['policy_id'] },
  organizational_unit_one_root_key: { table: 'organizational_unit', columns: ['organization_id'] },
};
/** Prisma's own bookkeeping table, which is not part of the data model. */
const historyTable = '_prisma_migrations';

describe('the migrated database matches prisma/schema.prisma', () => {
  let database: TestDatabase;
  let actual: DbSchema;
  let expected: ExpectedSchema;

  beforeAll(async () => {
    database = await createTestDatabase();
    actual = await readDatabaseSchema(database.pool);
    expected = expectedSchemaFromDmmf(readPrismaDmmf());
  });
  afterAll(async () => {
    await database?.close();
  });

  it('has exactly the tables of the models', () => {
    const tables = [...actual.tables.keys()].filter((name) => name !== historyTable).sort();
    expect(tables).toEqual([...expected.tables.keys()].sort());
  });

  it('gives every column the type, nullability and default Prisma expects', () => {
    for (const [table, columns] of expected.tables) {
      const actualColumns = Object.fromEntries(actual.tables.get(table) ?? []);
      expect(actualColumns, `columns of ${table}`).toEqual(Object.fromEntries(columns));
    }
  });

  it('has the primary keys, unique indexes and indexes of the schema, named as Prisma names them', () => {
    const prismaIndexes = Object.fromEntries(
      [...actual.indexes].filter(
        ([name, index]) => index.table !== historyTable && !(name in rawSqlPartialUniqueIndexes),
      ),
    );
    expect(prismaIndexes).toEqual(Object.fromEntries(expected.indexes));
  });

  it('has the foreign keys of the relations with their referential actions', () => {
    expect(Object.fromEntries(actual.foreignKeys)).toEqual(Object.fromEntries(expected.foreignKeys));
  });

  it('has the enums with their values in order', () => {
    expect(Object.fromEntries(actual.enums)).toEqual(Object.fromEntries(expected.enums));
  });

  it('has the raw-SQL rules Prisma cannot express, and no others', () => {
    expect([...actual.checks.keys()].sort()).toEqual([...rawSqlChecks].sort());
    for (const [name, { table, columns }] of Object.entries(rawSqlPartialUniqueIndexes)) {
      expect(actual.indexes.get(name), name).toEqual({ table, columns, unique: true, primary: false, partial: true });
    }
  });
});
