/** Opening a data center workspace file: its own application id, schema and migrations. */
import path from 'node:path';
import { openStore, type OpenStoreOptions, type StoreDb } from '../client';
import * as datacenterSchema from './schema';

/** A drizzle handle over the data center schema, plus the raw connection. */
export type DatacenterDb = StoreDb<typeof datacenterSchema>;

/** The data center's migrations, beside the tambon workspace's in `resources`. */
export function datacenterMigrationsDir(resourcesDir: string): string {
  return path.join(resourcesDir, 'migrations-datacenter');
}

/** Opens (or with `create`, makes) a data center workspace; `migrationsDir` is the data center's. */
export function openDatacenterDatabase(file: string, options: OpenStoreOptions): DatacenterDb & { pendingMigrations: number } {
  return openStore(file, 'datacenter', datacenterSchema, options);
}
