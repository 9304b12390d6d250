/** The batch import job's body: runs in the job worker on its own connection to the data center file. */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { datacenterImportJob } from '../../../shared/ipc/datacenter';
import type { WorkspaceDb } from '../../db/client';
import type { DatacenterDb } from '../../db/datacenter/client';
import type { WriteTx } from '../../db/repository';
import { meta } from '../../db/datacenter/schema';
import { nodeFs } from '../ports';
import type { WriteSpec } from '../write';
import { workspaceCatalog } from '../packages/catalog';
import { expandPaths, importMany } from './importer';
import { areaFromCode, filesDirOf, stagedPath } from './paths';

/**
 * Imports the packages of the input (files, folders, staged drops) one by one, reporting progress
 * per package; a cancel stops between packages (what was applied before stays, and is announced).
 */
/** What the job's body uses of the worker's job control (jobs/control.ts; the job registry checks the fit). */
export interface DatacenterImportJob {
  /** The data center file, on the worker's own connection. */
  ws: WorkspaceDb;
  cancelled(): boolean;
  throwIfCancelled(): void;
  progress(done: number, total: number, detail: z.output<typeof datacenterImportJob.progress>): void;
  write<T>(spec: WriteSpec, body: (tx: WriteTx) => T): T;
}

export const runDatacenterImport = async (
  job: DatacenterImportJob,
  input: z.output<typeof datacenterImportJob.input>,
): Promise<z.output<typeof datacenterImportJob.result>> => {
  const dc = job.ws as unknown as DatacenterDb;
  const areaCode = dc.db.select().from(meta).where(eq(meta.key, 'areaCode')).get()?.value ?? '';
  const filesDir = filesDirOf(dc.file);
  const files = [
    ...(await expandPaths(nodeFs, input.paths)),
    ...input.staged.map((s) => ({ path: stagedPath(filesDir, s.id), name: s.name })),
  ];
  job.progress(0, files.length, { file: '', status: 'started' });
  const packages = await importMany(
    {
      sqlite: dc.sqlite,
      area: areaFromCode(areaCode),
      filesDir,
      fs: nodeFs,
      catalog: workspaceCatalog(),
      write: (spec, body) => job.write(spec, body),
    },
    files,
    input.dryRun,
    {
      progress: (done, outcome) => job.progress(done, files.length, { file: outcome.file, status: outcome.status }),
      cancelled: () => job.cancelled(),
    },
  );
  job.throwIfCancelled();
  return { packages };
};
