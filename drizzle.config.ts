import { defineConfig } from 'drizzle-kit';

// Migrations are generated from src/main/db/schema.ts and committed under resources/.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/main/db/schema/index.ts',
  out: './resources/migrations',
});
