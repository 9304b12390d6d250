/** The imports capability's handlers: a first look at a file, the history, undo and the report. */
import type { importsSlice } from '../../../shared/ipc/imports';
import type { HandlersOf } from '../handlerTypes';
import { requireWorkspace } from '../session';
import { write } from '../write';
import { inspectFile } from './inspect';
import { reportOfImport, reportOfJob } from './report';
import { endImport, listImports } from './store';

/** The imports capability's handlers (the import itself is the `import` job, started with `jobs.start`). */
export const importsHandlers = {
  'imports.inspect': (ctx, input) => inspectFile(ctx, input),
  'imports.list': (ctx) => listImports(requireWorkspace(ctx).db),
  'imports.undo': (ctx, { id }) => write(ctx, { capability: 'imports', action: 'import.undo' }, (tx) => endImport(tx, id, { status: 'undone' })),
  'imports.saveReport': async (ctx, { source, path }) => {
    const target = ctx.paths.resolve(path);
    const problems = 'jobId' in source ? await reportOfJob(ctx, source.jobId, target) : await reportOfImport(ctx, source.importId, target);
    return { path: target, problems };
  },
} satisfies HandlersOf<typeof importsSlice.channels>;
