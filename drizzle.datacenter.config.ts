import { defineConfig } from 'drizzle-kit';

// The data center workspace's own schema and migrations (a different kind of SQLite file).
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/main/db/datacenter/schema.ts',
  out: './resources/migrations-datacenter',
});
