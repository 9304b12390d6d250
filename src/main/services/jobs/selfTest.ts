/** The self-test job's body: many real writes in one transaction, with progress and cancel. */
import { selfTestRows } from '../../db/schema';
import { noteChange } from '../../db/repository';
import type { JobBody } from './control';

/**
 * Replaces the self-test table's rows with `rows` new ones in one transaction, in `steps`
 * steps, reporting progress and checking for a cancel after each; a cancel (or `failAtStep`)
 * rolls every row back.
 */
export const runSelfTest: JobBody<'selfTest'> = (job, input) => {
  const started = Date.now();
  const perStep = Math.ceil(input.rows / input.steps);
  job.write({ capability: 'jobs', action: 'selfTest.run' }, (tx) => {
    tx.db.delete(selfTestRows).run();
    // A prepared statement on the raw connection: 200,000 inserts through the query builder take several times as long.
    const insert = job.ws.sqlite.prepare('insert into self_test_rows (seq, job_id, payload) values (?, ?, ?)');
    let written = 0;
    for (let step = 1; step <= input.steps && written < input.rows; step += 1) {
      const end = Math.min(input.rows, written + perStep);
      for (; written < end; written += 1) insert.run(written + 1, job.jobId, `self-test row ${written + 1}`);
      if (input.failAtStep === step) throw new Error(`the self-test was told to fail at step ${step}`);
      job.progress(written, input.rows, { rowsWritten: written });
      job.throwIfCancelled();
      if (input.stepDelayMs > 0) job.pause(input.stepDelayMs);
      job.throwIfCancelled();
    }
    noteChange(tx, selfTestRows);
  });
  return { rows: input.rows, ms: Date.now() - started };
};
