/**
 * Where the shell finds its files. The bundle runs from dist/electron, beside the preload and
 * next to dist/renderer — inside app.asar when packaged, where the shipped data is an
 * extraResource (`<resources>/resources`, see electron-builder.yml).
 */
import path from 'node:path';
import { findResourcesDir } from '../resourcesDir';
import { defaultWorkerScript } from '../services/context';

/** The shell's paths. */
export interface ShellPaths {
  /** The sandboxed preload bundle. */
  preload: string;
  /** The built renderer the app:// protocol serves. */
  rendererDir: string;
  /** The shipped data: migrations, gazetteer, indicator sets, licences. */
  resourcesDir: string;
  /** The job worker bundle (dist/worker.cjs; inside app.asar when packaged, which worker threads can read). */
  worker: string;
}

/** The shell's paths, given the folder of the main bundle (`__dirname`) and Electron's `process.resourcesPath`. */
export function shellPaths(options: { isPackaged: boolean; mainDir: string; resourcesPath: string }): ShellPaths {
  const resourcesDir = options.isPackaged ? path.join(options.resourcesPath, 'resources') : findResourcesDir(options.mainDir);
  return {
    preload: path.join(options.mainDir, 'preload.cjs'),
    rendererDir: path.join(options.mainDir, '..', 'renderer'),
    resourcesDir,
    worker: options.isPackaged ? path.join(options.mainDir, '..', 'worker.cjs') : defaultWorkerScript(resourcesDir),
  };
}
