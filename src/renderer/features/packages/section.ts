/** The packages' section of the workspace screen. */
import type { WorkspaceSection } from '../sections';
import { PackagesPanel } from './PackagesPanel';

/** ส่งข้อมูล. */
export const packagesSection: WorkspaceSection = { id: 'packages', label: (t) => t.packages.title, Panel: PackagesPanel };
