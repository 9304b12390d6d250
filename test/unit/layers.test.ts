/**
 * The layer rules of STYLE.md are enforced by `npm run lint`: dependency-cruiser
 * (.dependency-cruiser.cjs) on the real import graph, and ESLint (eslint.config.js) for the rest —
 * no default exports, no floating or misused promises, an eslint-disable or @ts-expect-error
 * always says why. A lint that cannot fail is not a check: this file runs both, with the
 * repository's own configs, on small fixtures that break each rule, and expects them reported.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
let fixture: string;

/** Writes `files` (path relative to the fixture → text) into the fixture folder. */
function write(files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(fixture, rel)), { recursive: true });
    fs.writeFileSync(path.join(fixture, rel), text);
  }
}

beforeAll(() => {
  fixture = fs.mkdtempSync(path.join(os.tmpdir(), 'tambon-layers-'));
  // The repository's packages, so `electron` and `zod` resolve from the fixture as they do from src/.
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(fixture, 'node_modules'), 'dir');
});

afterAll(() => {
  fs.rmSync(fixture, { recursive: true, force: true });
});

describe('dependency-cruiser with .dependency-cruiser.cjs', () => {
  it('reports each layer break as an error, and passes the imports the layers may make', async () => {
    write({
      'src/shared/domain/pure.ts': "import { z } from 'zod';\nexport const name = z.string();\n",
      'src/shared/domain/usesNode.ts': "import fs from 'node:fs';\nexport const exists = fs.existsSync;\n",
      'src/shared/domain/usesMain.ts': "import type { Service } from '../../main/services/service';\nexport type S = Service;\n",
      'src/shared/domain/usesReact.ts': "import { useState } from 'react';\nexport const hook = useState;\n",
      'src/main/services/service.ts': "import { dispatch } from '../rpc/dispatch';\nexport type Service = typeof dispatch;\n",
      'src/main/services/usesElectron.ts': "import type { App } from 'electron';\nexport type A = App;\n",
      'src/main/db/usesServices.ts': "export { dispatch } from '../services/service';\n",
      'src/main/harness/server.ts': "export const harness = 1;\n",
      'src/main/cli/usesRenderer.ts': "export { parts } from '../../renderer/App';\n",
      'src/main/preload/index.ts': "import { contextBridge } from 'electron';\nimport { dispatch } from '../rpc/dispatch';\nexport const api = [contextBridge, dispatch];\n",
      'src/main/rpc/dispatch.ts': "import { name } from '../../shared/domain/pure';\nexport const dispatch = name;\n",
      'src/main/electron/main.ts': "import { app } from 'electron';\nimport { dispatch } from '../rpc/dispatch';\nexport const started = [app, dispatch];\n",
      'src/main/electron/usesHarness.ts': "export const load = () => import('../harness/server');\n",
      'src/renderer/App.tsx': "import { useState } from 'react';\nimport { name } from '../shared/domain/pure';\nimport { dispatch } from '../main/rpc/dispatch';\nexport const parts = [useState, name, dispatch];\n",
    });
    const options = await extractDepcruiseOptions(path.join(root, '.dependency-cruiser.cjs'));
    // preserveSymlinks: the fixture's node_modules stays `node_modules/…`, the path the rules name.
    const { output } = await cruise(['src'], { ...options, baseDir: fixture, preserveSymlinks: true });
    const result = output as ICruiseResult;
    const errors = result.summary.violations
      .filter((v) => v.rule.severity === 'error')
      .map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)
      .sort();
    expect(errors).toEqual([
      'db-not-to-services: src/main/db/usesServices.ts → src/main/services/service.ts',
      'electron-only-in-shell-and-preload: src/main/services/usesElectron.ts → node_modules/electron/index.js',
      'electron-shell-not-harness: src/main/electron/usesHarness.ts → src/main/harness/server.ts',
      'main-not-to-renderer: src/main/cli/usesRenderer.ts → src/renderer/App.tsx',
      'preload-only-electron-and-shared: src/main/preload/index.ts → src/main/rpc/dispatch.ts',
      'renderer-only-shared-and-browser-packages: src/renderer/App.tsx → src/main/rpc/dispatch.ts',
      'services-and-db-no-transport: src/main/services/service.ts → src/main/rpc/dispatch.ts',
      'shared-no-node-builtins: src/shared/domain/usesNode.ts → fs',
      'shared-not-to-main-or-renderer: src/shared/domain/usesMain.ts → src/main/services/service.ts',
      'shared-only-zod: src/shared/domain/usesReact.ts → node_modules/react/index.js',
    ]);
  });
});

describe('ESLint with eslint.config.js', () => {
  it('reports a floating or misused promise, a default export, and a disable or @ts-expect-error without a reason', async () => {
    write({
      'lint/tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'ES2023', lib: ['ES2023'], types: [], noEmit: true }, include: ['*.ts'] }),
      'lint/probe.ts': [
        'async function save(): Promise<void> {}',
        'export function floating(): void {',
        '  save();',
        '}',
        'export function misused(): void {',
        '  [1].forEach(async () => save());',
        '}',
        'export function unexplained(): void {',
        '  // eslint-disable-next-line @typescript-eslint/no-floating-promises',
        '  save();',
        '}',
        '// @ts-expect-error',
        "export const n: number = 'one';",
        'export default floating;',
        '',
      ].join('\n'),
    });
    const cwd = path.join(fixture, 'lint');
    const eslint = new ESLint({
      cwd,
      overrideConfigFile: path.join(root, 'eslint.config.js'),
      // The repository's rules, with the fixture's own tsconfig for the type information.
      overrideConfig: { files: ['**/*.ts'], languageOptions: { parserOptions: { project: ['./tsconfig.json'], tsconfigRootDir: cwd } } },
    });
    const [report] = await eslint.lintFiles(['probe.ts']);
    const found = report!.messages.map((m) => `${m.line} ${m.ruleId ?? m.message}`);
    // Line 10's floating promise is not among them: the disable comment works, only its missing reason is reported.
    expect(found).toEqual([
      '3 @typescript-eslint/no-floating-promises',
      '6 @typescript-eslint/no-misused-promises',
      '9 @eslint-community/eslint-comments/require-description',
      '12 @typescript-eslint/ban-ts-comment',
      '14 no-restricted-syntax',
    ]);
  });
});
