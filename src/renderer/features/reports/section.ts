/** The reports capability's section of the workspace screen. */
import type { WorkspaceSection } from '../sections';
import { ProgressPanel } from './ProgressPanel';

/** รายงานความก้าวหน้า. */
export const progressSection: WorkspaceSection = { id: 'progress', label: (t) => t.reports.title, Panel: ProgressPanel };
