/**
 * How the suites find the command-line tools they read results with (test/support/tools.ts):
 * TEST_TOOL_DIRS first (the CI's Windows runner), then the PATH; `.exe` on Windows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/context';
import { findTool } from '../support/tools';

const dir = tempDir('tambon-tools-');
const first = path.join(dir, 'first');
const second = path.join(dir, 'second');
for (const folder of [first, second]) fs.mkdirSync(folder);
fs.writeFileSync(path.join(first, 'pdftotext.exe'), '');
fs.writeFileSync(path.join(second, 'pdftotext'), '');
fs.writeFileSync(path.join(second, 'minisign'), '');
// A folder of the tool's name is not the tool.
fs.mkdirSync(path.join(first, 'minisign'));

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('findTool', () => {
  it('looks in TEST_TOOL_DIRS before the PATH', () => {
    const env = { TEST_TOOL_DIRS: second, PATH: first };
    expect(findTool('pdftotext', env, 'linux')).toBe(path.join(second, 'pdftotext'));
    expect(findTool('pdftotext', { TEST_TOOL_DIRS: first, PATH: second }, 'win32')).toBe(path.join(first, 'pdftotext.exe'));
  });

  it('takes name.exe on Windows, and skips a folder of the same name', () => {
    expect(findTool('pdftotext', { PATH: [first, second].join(path.delimiter) }, 'win32')).toBe(path.join(first, 'pdftotext.exe'));
    expect(findTool('minisign', { PATH: [first, second].join(path.delimiter) }, 'linux')).toBe(path.join(second, 'minisign'));
  });

  it('answers null for a tool that is nowhere', () => {
    expect(findTool('no-such-tool-here', { PATH: first }, 'linux')).toBeNull();
  });
});
