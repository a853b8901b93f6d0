import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The parts of Prisma's DMMF (its parsed data model) the schema test compares with the database. */
export interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'object' | 'enum' | 'unsupported';
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  type: string;
  nativeType?: [string, string[]] | null;
  default?: unknown;
  relationName?: string;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}

/** A model of the DMMF. */
export interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { name: string | null; fields: string[] } | null;
}

/** An index of the DMMF (`@id`, `@unique`, `@@unique`, `@@index`). */
export interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  dbName?: string | null;
  fields: { name: string }[];
}

/** The data model as Prisma understands schema.prisma. */
export interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] }[];
    indexes: DmmfIndex[];
  };
}

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const generator = fileURLToPath(new URL('./dumpDmmfGenerator.mjs', import.meta.url));

/**
 * Reads the DMMF of prisma/schema.prisma from Prisma itself: runs `prisma generate` on a copy of the
 * schema whose only generator is a small script that writes the DMMF it is handed to a file. This is
 * Prisma's own parser, so the test compares the database with what Prisma believes, not with a re-parse.
 */
export function readPrismaDmmf(): Dmmf {
  const dir = mkdtempSync(join(tmpdir(), 'iam-dmmf-'));
  try {
    const schema = readFileSync(join(repositoryRoot, 'prisma/schema.prisma'), 'utf8').replace(
      /generator client \{[^}]*\}/,
      `generator dmmf {\n  provider = ${JSON.stringify(`node ${generator}`)}\n  output   = "./out"\n}`,
    );
    writeFileSync(join(dir, 'schema.prisma'), schema);
    const out = join(dir, 'dmmf.json');
    execFileSync(
      join(repositoryRoot, 'node_modules/.bin/prisma'),
      ['generate', '--schema', join(dir, 'schema.prisma')],
      {
        cwd: dir,
        env: {
          ...process.env,
          DMMF_OUT: out,
          PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
          PRISMA_HIDE_UPDATE_MESSAGE: '1',
        },
        stdio: 'pipe',
      },
    );
    return JSON.parse(readFileSync(out, 'utf8')) as Dmmf;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
