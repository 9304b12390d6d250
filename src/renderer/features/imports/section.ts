/** The imports' section of the workspace screen. */
import type { WorkspaceSection } from '../sections';
import { ImportsPanel } from './ImportsPanel';

/** นำเข้าข้อมูล. */
export const importsSection: WorkspaceSection = { id: 'imports', label: (t) => t.imports.title, Panel: ImportsPanel };
