/** The self-test's section of the workspace screen: a developer tool. */
import type { WorkspaceSection } from '../sections';
import { SelfTestPanel } from './SelfTestPanel';

/** งานทดสอบระบบ, for developers only. */
export const selfTestSection: WorkspaceSection = { id: 'selfTest', label: (t) => t.jobs.title, Panel: SelfTestPanel, developer: true };
