/**
 * `npm run preview:web` (and `npm start` where Electron cannot run): the harness over the real
 * services, confined to one folder, printing the folders it uses and the URL to open.
 *   node dist/harness.cjs [--root DIR] [--home DIR] [--port N]
 * --root   where the page's workspace files go (default ~/TambonPlan)
 * --home   the app data folder: preferences, backups (default TAMBON_PLAN_HOME when set, else
 *          <root>/.tambonplan-home), so a development or test harness never touches the
 *          installed app's preferences and backups.
 * On SIGINT/SIGTERM it closes the open workspace (SQLite checkpoints the WAL into the file and
 * removes -wal/-shm) before exiting.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createContext } from '../services/context';
import { closeWhenIdle } from '../services/workspace/lifecycle';
import { findResourcesDir } from '../resourcesDir';
import { appVersion } from '../version';
import { confinedPaths, inPageDialogs, startHarness } from './server';

const { values } = parseArgs({ options: { root: { type: 'string' }, home: { type: 'string' }, port: { type: 'string' } } });
const root = path.resolve(values.root ?? path.join(os.homedir(), 'TambonPlan'));
const homeDir = path.resolve(values.home ?? (process.env.TAMBON_PLAN_HOME || path.join(root, '.tambonplan-home')));
fs.mkdirSync(root, { recursive: true });
const resourcesDir = findResourcesDir(__dirname);
const ctx = createContext({
  resourcesDir,
  transport: 'harness',
  appVersion,
  homeDir,
  paths: confinedPaths(root),
  dialogs: inPageDialogs(root),
});
const rendererDir = path.join(path.dirname(resourcesDir), 'dist', 'renderer');
if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
  console.error(`The renderer is not built (${rendererDir}); run: npm run build`);
  process.exit(1);
}
void startHarness({ ctx, rendererDir, port: values.port ? Number(values.port) : 0 }).then((harness) => {
  console.log('TambonPlan (browser harness)');
  console.log(`  workspace files: ${root}`);
  console.log(`  app data (preferences, backups): ${homeDir}`);
  console.log(harness.url);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void harness
      .close()
      // Important: without this the last edits stay in the -wal file beside the workspace. A job
      // under way is cancelled (its writes roll back) and a backup under way finishes first.
      .then(() => closeWhenIdle(ctx))
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error('could not close cleanly:', error);
        process.exit(1);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
});
