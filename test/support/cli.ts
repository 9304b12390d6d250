/**
 * The command line run in-process (`runCli`) in a temporary folder of its own, with its own app
 * data folder (`TAMBON_PLAN_HOME`), so scripts' tests never touch a person's files. The folders
 * are removed after each test of the file that calls {@link cliWorkdirs}.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach } from 'vitest';
import { runCli } from '../../src/main/cli/main';
import { resourcesDir, tempDir } from './context';

/** What a run printed and exited with. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A temporary folder, its environment, and `run(...args)` there. */
export interface CliWorkdir {
  dir: string;
  env: { TAMBON_PLAN_HOME: string };
  run: (...args: string[]) => Promise<CliRun>;
}

/** Answers a function that makes a fresh {@link CliWorkdir} named after `prefix`. */
export function cliWorkdirs(prefix: string): () => CliWorkdir {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = tempDir(prefix);
    dirs.push(dir);
    const env = { TAMBON_PLAN_HOME: path.join(dir, 'home') };
    const run = async (...args: string[]): Promise<CliRun> => {
      let stdout = '';
      let stderr = '';
      const code = await runCli(args, {
        stdout: { write: (text: string) => (stdout += text) },
        stderr: { write: (text: string) => (stderr += text) },
        env,
        cwd: dir,
        resourcesDir,
        appVersion: '0.0.0-test',
      });
      return { code, stdout, stderr };
    };
    return { dir, env, run };
  };
}
