/**
 * The sections of an open workspace, one line per capability that shows one: the side
 * navigation and the content area are built from this list. A developer section (the
 * self-test) shows only where `app.info` says developer tools are on (the harness, or an app
 * run from source), never in the clerk's installed app.
 */
import type { ComponentType } from 'react';
import type { WorkspaceSummary } from '../../shared/domain/workspace';
import type { Messages } from '../i18n/catalog';
import { backupsSection } from './backups/section';
import { evidenceSection } from './evidence/section';
import { importsSection } from './imports/section';
import { selfTestSection } from './jobs/section';
import { packagesSection } from './packages/section';
import { villagesSection } from './villages/section';
import { issuesSection } from './workspace/issuesSection';

/** What a section's panel receives. */
export interface SectionProps {
  summary: WorkspaceSummary;
  /** Shows another section (an import's "see the evidence"). */
  goTo: (sectionId: string) => void;
}

/** One section of the workspace screen. */
export interface WorkspaceSection {
  id: string;
  /** Its name in the side navigation. */
  label: (t: Messages) => string;
  Panel: ComponentType<SectionProps>;
  /** Shown only with developer tools on. */
  developer?: boolean;
}

/** The sections, in the order of the side navigation. */
export const workspaceSections: readonly WorkspaceSection[] = [villagesSection, importsSection, evidenceSection, issuesSection, packagesSection, backupsSection, selfTestSection];
