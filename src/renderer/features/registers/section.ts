/** The registers' section of the workspace screen. */
import type { WorkspaceSection } from '../sections';
import { RegistersPanel } from './RegistersPanel';
import './registers.css';

/** ทะเบียนบุคคลและองค์กร. */
export const registersSection: WorkspaceSection = { id: 'registers', label: (t) => t.registers.title, Panel: RegistersPanel };
