/**
 * The forum's sections of the workspace screen, in the order the forum runs (DESIGN.md section 2):
 * village plans, the forum and its participants, the tambon analysis, classification, the
 * problem–cause–solution tables, projects and ranking, readiness and exports, and the plan's
 * settings — grouped under เวทีประชาคมตำบล in the side navigation.
 */
import type { WorkspaceSection } from '../sections';
import { AnalysisPanel } from './AnalysisPanel';
import { ClassificationPanel } from './ClassificationPanel';
import { ForumRecordPanel } from './ForumRecordPanel';
import { PcsPanel } from './PcsPanel';
import { ProjectsPanel } from './ProjectsPanel';
import { ReadinessPanel } from './ReadinessPanel';
import { SettingsPanel } from './SettingsPanel';
import { VillagePlansPanel } from './VillagePlansPanel';
import './forum.css';

const group = (t: Parameters<WorkspaceSection['label']>[0]) => t.forum.group;

/** The forum's sections. */
export const forumSections: readonly WorkspaceSection[] = [
  { id: 'village-plans', label: (t) => t.forum.sections.villagePlans, Panel: VillagePlansPanel, group },
  { id: 'forum-record', label: (t) => t.forum.sections.record, Panel: ForumRecordPanel, group },
  { id: 'analysis', label: (t) => t.forum.sections.analysis, Panel: AnalysisPanel, group },
  { id: 'classification', label: (t) => t.forum.sections.classification, Panel: ClassificationPanel, group },
  { id: 'pcs', label: (t) => t.forum.sections.pcs, Panel: PcsPanel, group },
  { id: 'projects', label: (t) => t.forum.sections.projects, Panel: ProjectsPanel, group },
  { id: 'readiness', label: (t) => t.forum.sections.readiness, Panel: ReadinessPanel, group },
  { id: 'forum-settings', label: (t) => t.forum.sections.settings, Panel: SettingsPanel, group },
];
