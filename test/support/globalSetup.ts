/**
 * Before any test file: bundles the Node side (scripts/build-node.mjs, about a second), so the
 * job worker (dist/worker.cjs) that the services start in a worker thread is the current code,
 * also when vitest runs without `npm run build` first.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Builds the Node bundles. */
export function setup(): void {
  execFileSync(process.execPath, [path.resolve(__dirname, '../../scripts/build-node.mjs')], { stdio: 'inherit' });
}
