/**
 * The `tambon-plan` entry, bundled to `dist/cli.cjs` (launched by `bin/tambon-plan.cjs`).
 * Sets `process.exitCode` rather than calling `process.exit`, so output is flushed first.
 */
import { findResourcesDir } from '../resourcesDir';
import { appVersion } from '../version';
import { runCli } from './main';

void runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  stdin: process.stdin,
  get resourcesDir() {
    return findResourcesDir(__dirname);
  },
  appVersion,
}).then((code) => {
  process.exitCode = code;
});
