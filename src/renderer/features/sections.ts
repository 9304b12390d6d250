/**
 * The sections of an open workspace, one line per capability that shows one: the side
 * navigation and the content area are built from this list. A developer section (the
 * self-test) shows only where `app.info` says developer tools are on (the harness, or an app
 * run from source), never in the clerk's installed app.
 */
import type { ComponentType } from 'react';
import type { WorkspaceSummary } from '../../shared/domain/workspace';
import type { Messages } from '../i18n/catalog';
import { assessmentSection } from './assessment/section';
import { backupsSection } from './backups/section';
import { evidenceSection } from './evidence/section';
import { importsSection } from './imports/section';
import { forumSections } from './forum/section';
import { selfTestSection } from './jobs/section';
import { lessonsSection } from './lessons/section';
import { packagesSection } from './packages/section';
import { registersSection } from './registers/section';
import { progressSection } from './reports/section';
import { villagesSection } from './villages/section';
import { issuesSection } from './workspace/issuesSection';

/** Where a link inside the workspace points: a section, and what in it (an issue, a row, a village). */
export interface SectionTarget {
  issueId?: string;
  rowId?: string;
  villageId?: string;
}

/** What a section's panel receives. */
export interface SectionProps {
  summary: WorkspaceSummary;
  /** Opens another section (a readiness finding links to where it is fixed), at `target`. */
  navigate: (sectionId: string, target?: SectionTarget) => void;
  /** What a link asked this section to show, if it was opened by one. */
  target?: SectionTarget;
}

/** One section of the workspace screen. */
export interface WorkspaceSection {
  id: string;
  /** Its name in the side navigation. */
  label: (t: Messages) => string;
  Panel: ComponentType<SectionProps>;
  /** Shown only with developer tools on. */
  developer?: boolean;
  /** The heading the side navigation groups it under (the forum's steps under เวทีประชาคมตำบล). */
  group?: (t: Messages) => string;
}

/** The sections, in the order of the side navigation. */
export const workspaceSections: readonly WorkspaceSection[] = [villagesSection, importsSection, evidenceSection, issuesSection, ...forumSections, assessmentSection, registersSection, lessonsSection, progressSection, packagesSection, backupsSection, selfTestSection];
