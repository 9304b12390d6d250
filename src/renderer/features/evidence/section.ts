/** The evidence capability's section of the workspace screen. */
import type { WorkspaceSection } from '../sections';
import { EvidencePanel } from './EvidencePanel';

/** ข้อมูลหลักฐาน. */
export const evidenceSection: WorkspaceSection = { id: 'evidence', label: (t) => t.evidence.title, Panel: EvidencePanel };
