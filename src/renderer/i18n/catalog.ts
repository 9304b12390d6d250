/**
 * Every text the UI shows, Thai first and English second, merged from one catalogue file per
 * capability (`features/<capability>/strings.ts`, one line each below). Components read it
 * through `useI18n().t`; nothing a person reads is written inline in a component.
 * Entries with parameters are functions, so both languages take the same arguments.
 */

/**
 * Important: `\u2060` (word joiner) keeps a button's name from being split across lines where
 * a sentence quotes it; Thai has no spaces, so the line breaker may otherwise cut between words.
 * A `\n` in a dialog message starts a new paragraph.
 */

import { chartsStrings } from '../components/charts/strings';
import { assessmentStrings } from '../features/assessment/strings';
import { backupsStrings } from '../features/backups/strings';
import { datacenterStrings } from '../features/datacenter/strings';
import { evidenceStrings } from '../features/evidence/strings';
import { importsStrings } from '../features/imports/strings';
import { forumStrings } from '../features/forum/strings';
import { jobsStrings } from '../features/jobs/strings';
import { lessonsStrings } from '../features/lessons/strings';
import { packagesStrings } from '../features/packages/strings';
import { preferencesStrings } from '../features/preferences/strings';
import { projectorStrings } from '../features/projector/strings';
import { registersStrings } from '../features/registers/strings';
import { reportsStrings } from '../features/reports/strings';
import { villagesStrings } from '../features/villages/strings';
import { workspaceStrings } from '../features/workspace/strings';
import { commonStrings } from './common';

/** The UI languages. */
export type Language = 'th' | 'en';

/** Every part of the catalogue. */
const parts = [commonStrings, preferencesStrings, workspaceStrings, villagesStrings, backupsStrings, jobsStrings, projectorStrings, chartsStrings, importsStrings, evidenceStrings, forumStrings, packagesStrings, datacenterStrings, assessmentStrings, registersStrings, lessonsStrings, reportsStrings] as const;

/** The shape every language fills in (each part's own `en` is checked against its `th`). */
export type Messages = typeof commonStrings.th &
  typeof preferencesStrings.th &
  typeof workspaceStrings.th &
  typeof villagesStrings.th &
  typeof backupsStrings.th &
  typeof jobsStrings.th &
  typeof projectorStrings.th &
  typeof packagesStrings.th &
  typeof datacenterStrings.th &
  typeof chartsStrings.th &
  typeof importsStrings.th &
  typeof evidenceStrings.th &
  typeof forumStrings.th &
  typeof assessmentStrings.th &
  typeof registersStrings.th &
  typeof lessonsStrings.th &
  typeof reportsStrings.th;

/** The catalogue, by language. */
export const catalog: Record<Language, Messages> = {
  th: Object.assign({}, ...parts.map((p) => p.th)) as Messages,
  en: Object.assign({}, ...parts.map((p) => p.en)) as Messages,
};

