/**
 * The workspace schema: every capability's tables (one file each, beside their travel classes),
 * merged here, one line per capability. drizzle-kit generates the migrations from this module.
 */
import { assessmentTables, assessmentTravel } from './assessment';
import { evidenceTables, evidenceTravel } from './evidence';
import { importsTables, importsTravel } from './imports';
import { forumTables, forumTravel } from './forum';
import { jobsTables, jobsTravel } from './jobs';
import { lessonsTables, lessonsTravel } from './lessons';
import { packagesTables, packagesTravel } from './packages';
import { registersTables, registersTravel } from './registers';
import { reportsTables, reportsTravel } from './reports';
import { villagesTables, villagesTravel } from './villages';
import { workspaceTables, workspaceTravel } from './workspace';

export * from './assessment';
export * from './evidence';
export * from './imports';
export * from './forum';
export * from './jobs';
export * from './lessons';
export * from './packages';
export * from './registers';
export * from './reports';
export * from './villages';
export * from './workspace';
export type { TravelClass } from './identity';

/** Every table of the schema, by its SQL name. */
export const tables = { ...workspaceTables, ...villagesTables, ...jobsTables, ...importsTables, ...evidenceTables, ...forumTables, ...packagesTables, ...assessmentTables, ...registersTables, ...lessonsTables, ...reportsTables } as const;

/** How each table travels in a package (see `TravelClass`). */
export const travelClass = { ...workspaceTravel, ...villagesTravel, ...jobsTravel, ...importsTravel, ...evidenceTravel, ...forumTravel, ...packagesTravel, ...assessmentTravel, ...registersTravel, ...lessonsTravel, ...reportsTravel } as const;

/** A table's SQL name. */
export type TableName = keyof typeof tables;
