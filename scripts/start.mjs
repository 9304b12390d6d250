// `npm start`: build, then open the Electron app. Where the Electron binary cannot be had (our build
// and CI machines reach only the npm registry), say so in one line and serve the same app on the
// browser harness instead, which prints its URL — so the README's first command works everywhere.
//
//   npm start [-- --skip-build] [-- args for Electron or the harness, e.g. --root DIR]
//
// Environment: TAMBON_PLAN_ELECTRON_DOWNLOAD_TIMEOUT (seconds, default 60; 0 skips the download try).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electronBinary.mjs';

const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const skipBuild = args.includes('--skip-build');
const passThrough = args.filter((a) => a !== '--skip-build');
const downloadSeconds = Number(process.env.TAMBON_PLAN_ELECTRON_DOWNLOAD_TIMEOUT ?? 60);

/** Runs a command to its end; resolves with its exit code (or a description of why it did not run). */
function run(command, commandArgs, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', ...options });
    child.on('error', (error) => resolve({ code: null, error }));
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
}

async function build() {
  // Under npm, npm_execpath is npm's own script: run it with this Node, the same on every OS.
  const npm = process.env.npm_execpath;
  const result = npm
    ? await run(process.execPath, [npm, 'run', 'build'])
    : await run('npm', ['run', 'build'], { shell: process.platform === 'win32' });
  if (result.code !== 0) {
    console.error(`npm run build failed${result.error ? `: ${result.error.message}` : ''}`);
    process.exit(result.code || 1);
  }
}

/** Tries once to download the binary, as `npm install` would on a connected PC; resolves with a reason when it fails. */
function tryDownload() {
  if (!(downloadSeconds > 0)) return Promise.resolve('download not tried');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules', 'electron', 'install.js')], {
      cwd: path.join(root, 'node_modules', 'electron'),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // Say something only if it takes a while (a real download on a slow line).
    const notice = setTimeout(() => console.log(`Downloading the Electron binary (once; up to ${downloadSeconds} s)…`), 2000);
    const timer = setTimeout(() => child.kill(), downloadSeconds * 1000);
    const finish = (reason) => {
      clearTimeout(notice);
      clearTimeout(timer);
      resolve(reason);
    };
    child.on('error', (error) => finish(`download failed: ${error.message}`));
    child.on('exit', (code, signal) => {
      if (code === 0) return finish(null);
      if (signal) return finish(`download timed out after ${downloadSeconds} s`);
      const firstLine = stderr.split('\n').map((l) => l.trim()).find(Boolean);
      finish(`download failed: ${firstLine ?? `exit code ${code}`}`);
    });
  });
}

/** Runs the child in this terminal until it ends, then exits with its code. Ctrl-C reaches both; we wait for the child. */
function handOver(command, commandArgs, env = process.env) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (signal !== 'SIGINT') child.kill(signal);
    });
  }
  child.on('error', (error) => {
    console.error(`could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (!skipBuild) await build();

let found = findElectronBinary(root);
if (!found.ok && found.reason.includes('never downloaded')) {
  const failure = await tryDownload();
  const again = findElectronBinary(root);
  found = again.ok ? again : { ok: false, reason: failure ? `${found.reason}; ${failure}` : again.reason };
}

if (found.ok) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would make the binary a plain Node
  handOver(found.path, ['.', ...passThrough], env);
} else {
  console.log(`Electron is not available on this machine (${found.reason}); serving the same app in the browser harness instead:`);
  handOver(process.execPath, [path.join(root, 'dist', 'harness.cjs'), ...passThrough]);
}
