/**
 * The startup probe for `bench/startup.mjs`, bundled by that script to `dist/bench/startupProbe.cjs`
 * (the same esbuild settings as the app's Node bundles). One fresh process per measurement:
 *
 *   startupProbe.cjs prepare FILE N    add N villages (หมู่ที่ 1…N) to an existing workspace
 *   startupProbe.cjs dispatch FILE     load the services, open through dispatch('workspace.open')
 *                                      (migrations check, on-open backup, recent list) and answer
 *                                      villages.list through dispatch; then time one more backup
 *   startupProbe.cjs direct FILE       the same services called directly, without the on-open
 *                                      backup and the recent-list write (to show their share)
 *
 * Prints one JSON line; times are `performance.now()`, i.e. milliseconds since the process began.
 */
import type { Channel } from '../src/shared/ipc/contract';

const entryMs = performance.now();

async function main(): Promise<void> {
  const [mode, file, count] = process.argv.slice(2);
  if (!mode || !file) throw new Error('usage: startupProbe.cjs (prepare FILE N | dispatch FILE | direct FILE)');
  // Dynamic imports, so the time to load the services is measured apart from the entry.
  const [{ createContext }, { dispatch }, { findResourcesDir }, workspace, villagesService] = await Promise.all([
    import('../src/main/services/context'),
    import('../src/main/rpc/dispatch'),
    import('../src/main/resourcesDir'),
    import('../src/main/services/workspace/workspace'),
    import('../src/main/services/villages/villages'),
  ]);
  const loadedMs = performance.now();
  const ctx = createContext({ resourcesDir: findResourcesDir(__dirname), transport: 'cli', appVersion: 'bench' });
  const must = async (channel: Channel, input: unknown) => {
    const result = await dispatch(ctx, channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.messageEn}`);
    return result.value;
  };

  if (mode === 'prepare') {
    await must('workspace.open', { path: file });
    for (let moo = 1; moo <= Number(count); moo++) {
      await must('villages.add', { moo, name: `บ้านทดสอบ ${moo}`, households: 100 + moo, population: 400 + moo * 3 });
    }
    await must('workspace.close', {});
    return;
  }

  if (mode === 'dispatch') {
    await must('workspace.open', { path: file });
    const openMs = performance.now();
    const villages = (await must('villages.list', {})) as unknown[];
    const readyMs = performance.now();
    const backupStart = performance.now();
    await must('backups.create', {});
    const backupMs = performance.now() - backupStart;
    await must('workspace.close', {});
    process.stdout.write(`${JSON.stringify({ entryMs, loadedMs, openMs, readyMs, backupMs, villages: villages.length })}\n`);
    return;
  }

  if (mode === 'direct') {
    const ws = await workspace.openWorkspaceFile(ctx, file);
    workspace.summarizeWorkspace(ctx, ws);
    const openMs = performance.now();
    const villages = villagesService.listVillages(ws);
    const readyMs = performance.now();
    ws.sqlite.close();
    process.stdout.write(`${JSON.stringify({ entryMs, loadedMs, openMs, readyMs, villages: villages.length })}\n`);
    return;
  }
  throw new Error(`unknown mode ${mode}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
