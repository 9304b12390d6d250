/**
 * The layer rules of STYLE.md, enforced by scanning every import in src/. A break fails CI.
 *   shared    imports nothing from main or renderer, no Node, no Electron, no React
 *   renderer  imports only shared and browser packages
 *   electron  only src/main/electron/** and the preload import it
 *   preload   imports only electron and shared
 * Also: no default exports; an eslint-disable or @ts-expect-error always says why.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const src = path.join(root, 'src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) ? [full] : [];
  });
}

interface Import {
  file: string;
  specifier: string;
  /** The resolved folder-relative target for relative specifiers. */
  target: string | null;
}

const importPattern = /(?:^|\s)(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

function importsOf(file: string): Import[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(importPattern)].map((m) => {
    const specifier = (m[1] ?? m[2] ?? m[3] ?? m[4])!;
    const target = specifier.startsWith('.') ? path.relative(src, path.resolve(path.dirname(file), specifier)) : null;
    return { file: path.relative(root, file), specifier, target };
  });
}

const files = sourceFiles(src);
const all = files.flatMap(importsOf);
const inLayer = (layer: string) => all.filter((i) => i.file.startsWith(`src/${layer}/`));
/** The only packages the pure layer may use. */
const sharedPackages = /^zod(\/.*)?$/;
const browserPackages = /^(react|react-dom|react-dom\/client|react\/jsx-runtime|@fontsource\/sarabun(\/.*)?|chart\.js(\/.*)?|zod)$/;

describe('layer rules', () => {
  it('finds the imports it checks', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(all.some((i) => i.specifier === 'zod')).toBe(true);
  });

  it('shared imports nothing from main or renderer, and no package but zod', () => {
    const bad = inLayer('shared').filter((i) => (i.target !== null ? !i.target.startsWith('shared') : !sharedPackages.test(i.specifier)));
    expect(bad).toEqual([]);
  });

  it('renderer imports only shared and browser packages', () => {
    const bad = inLayer('renderer').filter((i) =>
      i.target !== null ? !(i.target.startsWith('shared') || i.target.startsWith('renderer')) : !browserPackages.test(i.specifier) && !i.specifier.endsWith('.css'),
    );
    expect(bad).toEqual([]);
  });

  it('only src/main/electron and the preload import electron', () => {
    const bad = all.filter((i) => i.specifier === 'electron' && !/^src\/main\/(electron|preload)\//.test(i.file));
    expect(bad).toEqual([]);
  });

  it('the preload imports only electron and shared', () => {
    const bad = inLayer('main/preload').filter((i) => (i.target !== null ? !i.target.startsWith('shared') : i.specifier !== 'electron'));
    expect(bad).toEqual([]);
  });

  it('main never imports the renderer, and services import no transport (rpc, harness, cli, electron)', () => {
    const fromMain = inLayer('main').filter((i) => i.target !== null && i.target.startsWith('renderer'));
    const fromServices = inLayer('main/services').filter((i) => i.target !== null && /^main\/(rpc|harness|cli|electron|preload)/.test(i.target));
    const fromDb = inLayer('main/db').filter((i) => i.target !== null && /^main\/(rpc|harness|cli|electron|preload|services)/.test(i.target));
    expect([...fromMain, ...fromServices, ...fromDb]).toEqual([]);
  });

  it('the Electron shell does not import the browser harness', () => {
    const bad = inLayer('main/electron').filter((i) => i.target !== null && i.target.startsWith('main/harness'));
    expect(bad).toEqual([]);
  });

  it('has no default exports', () => {
    const bad = files.filter((f) => /^\s*export\s+default\b/m.test(fs.readFileSync(f, 'utf8'))).map((f) => path.relative(root, f));
    expect(bad).toEqual([]);
  });

  it('says why wherever a lint or type check is switched off', () => {
    const bad = files.flatMap((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .filter((line) => /eslint-disable(?!.*--\s*\S)|@ts-(expect-error|ignore)\s*$|@ts-ignore/.test(line))
        .map((line) => `${path.relative(root, f)}: ${line.trim()}`),
    );
    expect(bad).toEqual([]);
  });
});
