/**
 * The handler of every channel of the contract, merged from the capabilities' handler tables
 * (one line each). `satisfies Handlers` makes a missing or mistyped handler a compile error.
 */
import { appHandlers } from '../services/app/handlers';
import { assessmentHandlers } from '../services/assessment/handlers';
import { backupsHandlers } from '../services/backups/handlers';
import { datacenterHandlers } from '../services/datacenter/handlers';
import { evidenceHandlers } from '../services/evidence/handlers';
import { forumHandlers } from '../services/forum/handlers';
import type { Handlers } from '../services/handlerTypes';
import { importsHandlers } from '../services/imports/handlers';
import { jobsHandlers } from '../services/jobs/handlers';
import { lessonsHandlers } from '../services/lessons/handlers';
import { packagesHandlers } from '../services/packages/handlers';
import { preferencesHandlers } from '../services/preferences/handlers';
import { referenceHandlers } from '../services/reference/handlers';
import { registersHandlers } from '../services/registers/handlers';
import { reportsHandlers } from '../services/reports/handlers';
import { villagesHandlers } from '../services/villages/handlers';
import { workspaceHandlers } from '../services/workspace/handlers';

export type { Handlers } from '../services/handlerTypes';

/** Every channel's handler. */
export const handlers = {
  ...appHandlers,
  ...preferencesHandlers,
  ...referenceHandlers,
  ...workspaceHandlers,
  ...villagesHandlers,
  ...backupsHandlers,
  ...jobsHandlers,
  ...importsHandlers,
  ...evidenceHandlers,
  ...forumHandlers,
  ...packagesHandlers,
  ...datacenterHandlers,
  ...assessmentHandlers,
  ...registersHandlers,
  ...lessonsHandlers,
  ...reportsHandlers,
} satisfies Handlers;
