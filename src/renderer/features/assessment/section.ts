/** The assessment capability's section of the workspace screen. */
import type { WorkspaceSection } from '../sections';
import { AssessmentPanel } from './AssessmentPanel';
import './assessment.css';

/** ประเมินศักยภาพชุมชน. */
export const assessmentSection: WorkspaceSection = { id: 'assessment', label: (t) => t.assessment.title, Panel: AssessmentPanel };
