/** The villages' section of the workspace screen. */
import type { WorkspaceSection } from '../sections';
import { VillagesPanel } from './VillagesPanel';

/** หมู่บ้าน. */
export const villagesSection: WorkspaceSection = { id: 'villages', label: (t) => t.villages.title, Panel: VillagesPanel };
