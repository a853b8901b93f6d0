import type { DbColumn, DbForeignKey, DbIndex } from './readDatabaseSchema.js';
import type { Dmmf, DmmfField, DmmfModel } from './readPrismaDmmf.js';

/** What `prisma migrate dev` would create for the DMMF, in the shape readDatabaseSchema reports. */
export interface ExpectedSchema {
  tables: Map<string, Map<string, DbColumn>>;
  indexes: Map<string, DbIndex>;
  foreignKeys: Map<string, DbForeignKey>;
  enums: Map<string, string[]>;
}

const scalarTypes: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Boolean: 'boolean',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
  Json: 'jsonb',
  Bytes: 'bytea',
  DateTime: 'timestamp(3) without time zone',
};

const nativeTypes: Record<string, (args: string[]) => string> = {
  Timestamptz: (args) => `timestamp(${args[0] ?? 6}) with time zone`,
  Timestamp: (args) => `timestamp(${args[0] ?? 6}) without time zone`,
  Text: () => 'text',
  VarChar: (args) => (args[0] ? `character varying(${args[0]})` : 'character varying'),
  Uuid: () => 'uuid',
  Integer: () => 'integer',
  BigInt: () => 'bigint',
  JsonB: () => 'jsonb',
};

/** Prisma's default constraint names: `<table>_<columns>_<suffix>` (all ours are under 63 characters). */
function defaultName(table: string, columns: string[], suffix: 'pkey' | 'key' | 'idx' | 'fkey'): string {
  return suffix === 'pkey' ? `${table}_pkey` : `${table}_${columns.join('_')}_${suffix}`;
}

const tableOf = (model: DmmfModel) => model.dbName ?? model.name;
const columnOf = (field: DmmfField) => field.dbName ?? field.name;

function columnType(field: DmmfField): string {
  let base: string;
  if (field.kind === 'enum') base = `"${field.type}"`;
  else if (field.nativeType)
    base = nativeTypes[field.nativeType[0]]?.(field.nativeType[1]) ?? `unknown ${field.nativeType[0]}`;
  else base = scalarTypes[field.type] ?? `unknown ${field.type}`;
  return field.isList ? `${base}[]` : base;
}

/** Defaults the database holds: client-side generators (uuid(), cuid()) leave no column default. */
function hasDatabaseDefault(field: DmmfField): boolean {
  if (!field.hasDefaultValue) return false;
  const fn = (field.default as { name?: string } | undefined)?.name;
  return fn !== 'uuid' && fn !== 'cuid' && fn !== 'nanoid' && fn !== 'ulid';
}

/** Derives the tables, indexes, foreign keys and enums Prisma's migration engine would create. */
export function expectedSchemaFromDmmf(dmmf: Dmmf): ExpectedSchema {
  const models = new Map(dmmf.datamodel.models.map((model) => [model.name, model]));
  const tables = new Map<string, Map<string, DbColumn>>();
  const indexes = new Map<string, DbIndex>();
  const foreignKeys = new Map<string, DbForeignKey>();

  for (const model of dmmf.datamodel.models) {
    const table = tableOf(model);
    const columns = new Map<string, DbColumn>();
    for (const field of model.fields) {
      if (field.kind === 'object') continue;
      // Prisma creates scalar lists without NOT NULL.
      columns.set(columnOf(field), {
        type: columnType(field),
        nullable: !field.isRequired || field.isList,
        hasDefault: hasDatabaseDefault(field),
      });
    }
    tables.set(table, columns);

    for (const field of model.fields) {
      if (field.kind !== 'object' || !field.relationFromFields?.length) continue;
      const target = models.get(field.type);
      if (!target) throw new Error(`relation ${model.name}.${field.name} names unknown model ${field.type}`);
      const fieldColumns = field.relationFromFields.map((name) => columnOf(model.fields.find((f) => f.name === name)!));
      const referenced = (field.relationToFields ?? []).map((name) =>
        columnOf(target.fields.find((f) => f.name === name)!),
      );
      const optional = field.relationFromFields.some((name) => !model.fields.find((f) => f.name === name)!.isRequired);
      foreignKeys.set(defaultName(table, fieldColumns, 'fkey'), {
        table,
        columns: fieldColumns,
        referencedTable: tableOf(target),
        referencedColumns: referenced,
        onDelete: field.relationOnDelete ?? (optional ? 'SetNull' : 'Restrict'),
        onUpdate: field.relationOnUpdate ?? 'Cascade',
      });
    }
  }

  for (const index of dmmf.datamodel.indexes) {
    const model = models.get(index.model)!;
    const table = tableOf(model);
    const columns = index.fields.map((ref) => columnOf(model.fields.find((f) => f.name === ref.name)!));
    const suffix = index.type === 'id' ? 'pkey' : index.type === 'unique' ? 'key' : 'idx';
    indexes.set(index.dbName ?? defaultName(table, columns, suffix), {
      table,
      columns,
      unique: index.type !== 'normal',
      primary: index.type === 'id',
      partial: false,
    });
  }

  const enums = new Map(dmmf.datamodel.enums.map((e) => [e.dbName ?? e.name, e.values.map((v) => v.dbName ?? v.name)]));
  return { tables, indexes, foreignKeys, enums };
}
