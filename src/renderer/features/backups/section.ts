/** The backups' section of the workspace screen. */
import type { WorkspaceSection } from '../sections';
import { BackupsPanel } from './BackupsPanel';

/** สำรองข้อมูล. */
export const backupsSection: WorkspaceSection = { id: 'backups', label: (t) => t.backups.title, Panel: BackupsPanel };
