/**
 * `npm run preview:web` (and `npm start` where Electron cannot run): the harness over the real
 * services, confined to one folder, printing the URL to open.
 *   node dist/harness.cjs [--root DIR] [--port N]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createContext } from '../services/context';
import { findResourcesDir } from '../resourcesDir';
import { appVersion } from '../version';
import { confinedPaths, startHarness } from './server';

const { values } = parseArgs({ options: { root: { type: 'string' }, port: { type: 'string' } } });
const root = path.resolve(values.root ?? path.join(os.homedir(), 'TambonPlan'));
fs.mkdirSync(root, { recursive: true });
const resourcesDir = findResourcesDir(__dirname);
const ctx = createContext({
  resourcesDir,
  transport: 'harness',
  appVersion,
  paths: confinedPaths(root),
  dialogs: { pickWorkspace: async () => ({ kind: 'ask-in-page', root }) },
});
const rendererDir = path.join(path.dirname(resourcesDir), 'dist', 'renderer');
if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
  console.error(`The renderer is not built (${rendererDir}); run: npm run build`);
  process.exit(1);
}
void startHarness({ ctx, rendererDir, port: values.port ? Number(values.port) : 0 }).then((harness) => {
  console.log(`TambonPlan (browser harness) — files under ${root}`);
  console.log(harness.url);
  const stop = () => void harness.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
});
