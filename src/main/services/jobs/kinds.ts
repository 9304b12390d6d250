/** Every job kind's body, one line per capability that has jobs. The worker runs them. */
import { runImport } from '../imports/pipeline';
import type { JobBodies } from './control';
import { runDatacenterImport } from '../datacenter/job';
import { runSelfTest } from './selfTest';

/** The body of each job kind of the contract (`jobKinds`). */
export const jobBodies = {
  selfTest: runSelfTest,
  import: runImport,
  datacenterImport: runDatacenterImport,
} satisfies JobBodies;
