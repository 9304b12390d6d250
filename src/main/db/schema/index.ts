/**
 * The workspace schema: every capability's tables (one file each, beside their travel classes),
 * merged here, one line per capability. drizzle-kit generates the migrations from this module.
 */
import { forumTables, forumTravel } from './forum';
import { jobsTables, jobsTravel } from './jobs';
import { villagesTables, villagesTravel } from './villages';
import { workspaceTables, workspaceTravel } from './workspace';

export * from './forum';
export * from './jobs';
export * from './villages';
export * from './workspace';
export type { TravelClass } from './identity';

/** Every table of the schema, by its SQL name. */
export const tables = { ...workspaceTables, ...villagesTables, ...jobsTables, ...forumTables } as const;

/** How each table travels in a package (see `TravelClass`). */
export const travelClass = { ...workspaceTravel, ...villagesTravel, ...jobsTravel, ...forumTravel } as const;

/** A table's SQL name. */
export type TableName = keyof typeof tables;
