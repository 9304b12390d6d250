// Finds the Electron binary the way node_modules/electron/index.js does — path.txt names the
// executable under node_modules/electron/dist — but without require('electron'), whose index.js
// starts a download when the binary is missing. Used by `npm start` and the Electron e2e suite.
import fs from 'node:fs';
import path from 'node:path';

/**
 * @param {string} root the project folder (the one holding node_modules)
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {{ ok: true, path: string } | { ok: false, reason: string }}
 */
export function findElectronBinary(root, env = process.env) {
  const packageDir = path.join(root, 'node_modules', 'electron');
  if (!fs.existsSync(path.join(packageDir, 'package.json'))) {
    return { ok: false, reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!fs.existsSync(pathFile)) {
    return { ok: false, reason: 'node_modules/electron/path.txt is missing: the Electron binary was never downloaded' };
  }
  const executable = fs.readFileSync(pathFile, 'utf8').trim();
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageDir, 'dist');
  const binary = path.join(distDir, executable);
  if (!executable || !fs.existsSync(binary)) {
    return { ok: false, reason: `the Electron binary ${path.relative(root, binary) || binary} does not exist` };
  }
  return { ok: true, path: binary };
}
