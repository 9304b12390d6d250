/** The lessons capability's section of the workspace screen. */
import type { WorkspaceSection } from '../sections';
import { LessonsPanel } from './LessonsPanel';

/** ถอดบทเรียน. */
export const lessonsSection: WorkspaceSection = { id: 'lessons', label: (t) => t.lessons.title, Panel: LessonsPanel };
