/**
 * Every refusal of the command line is one line on stderr, Thai then English, whatever went
 * wrong: an old Node (which would crash the SQLite driver without a word), a file name longer
 * than the disk allows, an internal error (its detail goes to the log file, not the terminal).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/main';
import { resourcesDir, tempDir } from '../support/context';

const repoRoot = path.resolve(__dirname, '../..');
const launcher = path.join(repoRoot, 'bin', 'tambon-plan.cjs');
const lines = (text: string) => text.replace(/\n$/, '').split('\n');

async function run(dir: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: { TAMBON_PLAN_HOME: path.join(dir, 'home') },
    cwd: dir,
    resourcesDir,
    appVersion: '0.0.0-test',
  });
  return { code, stdout, stderr };
}

describe('the command line, when something is wrong', () => {
  it('says in one line which Node it needs, before anything can crash (exit 2)', () => {
    // The defect: under Node 20 the SQLite driver crashed the process with no message at all.
    const result = spawnSync(
      process.execPath,
      ['-e', `Object.defineProperty(process.versions, 'node', { value: '20.20.2' }); Object.defineProperty(process, 'version', { value: 'v20.20.2' }); require(${JSON.stringify(launcher)});`, 'info'],
      { encoding: 'utf8' },
    );
    expect(result.status).toBe(2);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toContain('Node.js 22.12');
    expect(result.stderr).toContain('v20.20.2');
  });

  it('refuses a file name longer than the disk allows in one line, naming the problem', async () => {
    const dir = tempDir('tambon-cli-long-');
    // The defect: a 300-character name printed a 17-line stack trace.
    const result = await run(dir, 'init', '--workspace', `${'ก'.repeat(300)}.tambon`, '--tambon', '800108');
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).toContain('ยาวเกิน');
    expect(result.stderr).not.toMatch(/\bat .*\.[jt]s:\d+/);
    expect(fs.readdirSync(dir).filter((f) => f !== 'home')).toEqual([]);
  });

  it('prints an internal error as one line and writes its detail to the log file', async () => {
    const dir = tempDir('tambon-cli-internal-');
    fs.writeFileSync(path.join(dir, 'broken.tambon'), '');
    // A directory where the workspace file should be: SQLite cannot open it, an error nobody planned for.
    fs.mkdirSync(path.join(dir, 'folder.tambon'));
    const result = await run(dir, 'info', '--workspace', 'folder.tambon');
    expect(result.code).toBe(1);
    expect(lines(result.stderr)).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\bat .*\.[jt]s:\d+/);
  });
});
