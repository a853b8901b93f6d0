import { defineConfig } from 'prisma/config';

/**
 * Prisma CLI configuration. The migration engine cannot run on this project's machines, so the
 * datasource URL is only needed by `prisma migrate deploy` where a native engine exists; the project
 * applies `prisma/migrations` itself (src/db/migrate.ts).
 */
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' },
});
