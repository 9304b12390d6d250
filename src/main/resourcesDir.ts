/** Finding the shipped `resources` folder from wherever the code runs (source, bundle, packaged app). */
import fs from 'node:fs';
import path from 'node:path';

/**
 * Walks up from `start` to the first folder holding `resources/migrations`; `TAMBON_PLAN_RESOURCES`
 * overrides. The packaged app passes `process.resourcesPath/resources` itself.
 */
export function findResourcesDir(start: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.TAMBON_PLAN_RESOURCES) return path.resolve(env.TAMBON_PLAN_RESOURCES);
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, 'resources');
    if (fs.existsSync(path.join(candidate, 'migrations'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`resources folder not found above ${start}`);
    dir = parent;
  }
}
