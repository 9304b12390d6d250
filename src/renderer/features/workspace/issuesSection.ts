/** The strategic issues' section of the workspace screen. */
import type { WorkspaceSection } from '../sections';
import { IssuesPanel } from './IssuesPanel';

/** ประเด็นยุทธศาสตร์. */
export const issuesSection: WorkspaceSection = { id: 'issues', label: (t) => t.issues.title, Panel: IssuesPanel };
