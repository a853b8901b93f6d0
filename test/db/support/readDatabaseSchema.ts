import type pg from 'pg';

/** A column as the database reports it. */
export interface DbColumn {
  type: string;
  nullable: boolean;
  hasDefault: boolean;
}

/** An index or constraint, by name. */
export interface DbIndex {
  table: string;
  columns: string[];
  unique: boolean;
  primary: boolean;
  partial: boolean;
}

/** A foreign key, by name. */
export interface DbForeignKey {
  table: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: string;
  onUpdate: string;
}

/** The public schema of a database, read from pg_catalog. */
export interface DbSchema {
  tables: Map<string, Map<string, DbColumn>>;
  indexes: Map<string, DbIndex>;
  foreignKeys: Map<string, DbForeignKey>;
  checks: Map<string, string>;
  enums: Map<string, string[]>;
}

const actions: Record<string, string> = { a: 'NoAction', r: 'Restrict', c: 'Cascade', n: 'SetNull', d: 'SetDefault' };

/** Reads tables, columns, indexes, foreign keys, check constraints and enums of the `public` schema. */
export async function readDatabaseSchema(pool: pg.Pool): Promise<DbSchema> {
  const columns = await pool.query<{
    table_name: string;
    column_name: string;
    type: string;
    not_null: boolean;
    has_default: boolean;
  }>(`
    SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type,
           a.attnotnull AS not_null, a.atthasdef AS has_default
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
    ORDER BY c.relname, a.attnum`);
  const tables = new Map<string, Map<string, DbColumn>>();
  for (const row of columns.rows) {
    const table = tables.get(row.table_name) ?? new Map<string, DbColumn>();
    table.set(row.column_name, { type: row.type, nullable: !row.not_null, hasDefault: row.has_default });
    tables.set(row.table_name, table);
  }

  const indexRows = await pool.query<{
    name: string;
    table_name: string;
    columns: string[];
    unique: boolean;
    primary: boolean;
    partial: boolean;
  }>(`
    SELECT i.relname AS name, t.relname AS table_name, ix.indisunique AS unique, ix.indisprimary AS primary,
           ix.indpred IS NOT NULL AS partial,
           ARRAY(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
    FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public'`);
  const indexes = new Map(
    indexRows.rows.map((row) => [
      row.name,
      { table: row.table_name, columns: row.columns, unique: row.unique, primary: row.primary, partial: row.partial },
    ]),
  );

  const fkRows = await pool.query<{
    name: string;
    table_name: string;
    columns: string[];
    ref_table: string;
    ref_columns: string[];
    on_delete: string;
    on_update: string;
  }>(`
    SELECT con.conname AS name, t.relname AS table_name, r.relname AS ref_table,
           con.confdeltype AS on_delete, con.confupdtype AS on_update,
           ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns,
           ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                 JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS ref_columns
    FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_class r ON r.oid = con.confrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public' AND con.contype = 'f'`);
  const foreignKeys = new Map(
    fkRows.rows.map((row) => [
      row.name,
      {
        table: row.table_name,
        columns: row.columns,
        referencedTable: row.ref_table,
        referencedColumns: row.ref_columns,
        onDelete: actions[row.on_delete] ?? row.on_delete,
        onUpdate: actions[row.on_update] ?? row.on_update,
      },
    ]),
  );

  const checkRows = await pool.query<{ name: string; table_name: string }>(`
    SELECT con.conname AS name, t.relname AS table_name FROM pg_constraint con
    JOIN pg_class t ON t.oid = con.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = 'public' AND con.contype = 'c'`);
  const checks = new Map(checkRows.rows.map((row) => [row.name, row.table_name]));

  const enumRows = await pool.query<{ name: string; labels: string[] }>(`
    SELECT t.typname AS name, ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)::text[] AS labels
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e'`);
  const enums = new Map(enumRows.rows.map((row) => [row.name, row.labels]));

  return { tables, indexes, foreignKeys, checks, enums };
}
