/**
 * The command-line tools the suites read results with (minisign, pdftotext, pdftoppm, pdffonts,
 * pdfinfo), found the same way on Debian and on the public CI's Windows runner: first in the
 * folders of TEST_TOOL_DIRS (a path list, as the workflow sets it on Windows), then on the PATH,
 * then in /usr/bin and /usr/local/bin. On Windows a name is also tried with `.exe`.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Where the tool `name` is, or null. */
export function findTool(name: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
  const list = (value: string | undefined) => (value ?? '').split(path.delimiter).filter(Boolean);
  const dirs = [...list(env.TEST_TOOL_DIRS), ...list(env.PATH ?? env.Path), '/usr/bin', '/usr/local/bin'];
  const names = platform === 'win32' ? [`${name}.exe`, name] : [name];
  for (const dir of dirs) {
    for (const file of names) {
      const candidate = path.join(dir, file);
      try {
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // Not there: the next folder.
      }
    }
  }
  return null;
}
