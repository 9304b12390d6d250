/**
 * The import probe for `bench/import-bmn.mjs`, bundled by that script to `dist/bench/importProbe.cjs`
 * (the same esbuild settings as the app's Node bundles). One fresh process per measurement, so
 * each reports its own peak memory (`process.resourceUsage().maxRSS`):
 *
 *   importProbe.cjs bare FILE                      exceljs's streaming reader, with its default options,
 *                                                  over every row of FILE (the floor)
 *   importProbe.cjs import WORKSPACE FILE MODE     the import of FILE into WORKSPACE through the
 *                                                  services: MODE `inline` (the command line's way,
 *                                                  on this thread) or `worker` (the app's job in its
 *                                                  worker thread); then the same file again (a no-op)
 *
 * Prints one JSON line.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';

const mib = () => Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;

async function bare(file: string): Promise<void> {
  const started = performance.now();
  // exceljs's own defaults: worksheets emitted, shared strings cached, styles and hyperlinks ignored.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(fs.createReadStream(file), {});
  let rows = 0;
  let cells = 0;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      rows += 1;
      cells += (row.values as unknown[]).length;
    }
  }
  console.log(JSON.stringify({ ms: performance.now() - started, rows, cells, maxRssMiB: mib() }));
}

async function importFile(workspace: string, file: string, mode: string): Promise<void> {
  const [{ createContext }, { findResourcesDir }, { openSession, closeWhenIdle }, { runJobInline }] = await Promise.all([
    import('../src/main/services/context'),
    import('../src/main/resourcesDir'),
    import('../src/main/services/workspace/lifecycle'),
    import('../src/main/services/jobs/inline'),
  ]);
  const ctx = createContext({ resourcesDir: findResourcesDir(__dirname), transport: 'cli', appVersion: 'bench' });
  await openSession(ctx, workspace, { backup: 'none', remember: false });
  const input = { path: file, kind: 'bmn' as const };
  let first: { status: string; rows: { imported: number }; ms: number };
  const started = performance.now();
  if (mode === 'worker') {
    const { finished } = await ctx.jobs.start(ctx, { kind: 'import', input: { ...input, year: null, dryRun: false, strict: false, replace: false, problemLimit: 1000, previewRows: 10 } });
    const state = await finished;
    if (state.status !== 'done' || state.kind !== 'import' || !state.result) throw new Error(`the import job ended ${state.status}: ${state.error?.messageEn ?? ''}`);
    first = state.result;
  } else {
    first = await runJobInline(ctx, 'import', input);
  }
  const ms = performance.now() - started;
  const againStarted = performance.now();
  const again = await runJobInline(ctx, 'import', input);
  const againMs = performance.now() - againStarted;
  await closeWhenIdle(ctx);
  console.log(JSON.stringify({ ms, jobMs: first.ms, status: first.status, imported: first.rows.imported, again: again.status, againMs, maxRssMiB: mib() }));
}

async function main(): Promise<void> {
  const [mode, a, b, c] = process.argv.slice(2);
  if (mode === 'bare' && a) return bare(a);
  if (mode === 'import' && a && b && c) return importFile(a, b, c);
  throw new Error('usage: importProbe.cjs (bare FILE | import WORKSPACE FILE inline|worker)');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
