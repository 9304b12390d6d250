/**
 * The reports capability's table: progress updates of the forum's projects (a history: what was
 * reported on a day — percent done, the status then, a note), which the progress reports read
 * beside each project's status. Travels as `aggregate`: it describes projects, not people.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { projects } from './forum';
import { rowIdentity, type TravelClass } from './identity';

/** One progress update of a project. */
export const projectUpdates = sqliteTable(
  'project_updates',
  {
    ...rowIdentity,
    projectId: text('project_id')
      .notNull()
      .references(() => projects.id),
    /** ISO date of the report. */
    reportedOn: text('reported_on').notNull(),
    /** 0–100. */
    percent: integer('percent').notNull(),
    /** The project's status as of this update (`proposed | in-plan | funded | done`). */
    status: text('status', { enum: ['proposed', 'in-plan', 'funded', 'done'] }).notNull(),
    /** Money received so far (baht); null when not reported. */
    fundedAmount: integer('funded_amount'),
    note: text('note').notNull().default(''),
  },
  (t) => [index('project_updates_project_idx').on(t.projectId, t.reportedOn)],
);

/** The reports capability's tables, by SQL name. */
export const reportsTables = { project_updates: projectUpdates } as const;

/** How each of them travels. */
export const reportsTravel = { project_updates: 'aggregate' } as const satisfies Record<keyof typeof reportsTables, TravelClass>;
