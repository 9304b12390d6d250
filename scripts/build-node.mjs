// Bundles the Node side with esbuild: the Electron main process, the sandboxed preload (one
// CommonJS file, as a sandboxed preload must be), the job worker (which every composition root
// starts in a worker thread), the CLI and the browser harness.
// better-sqlite3 (native), electron and playwright-core (loaded only to print a PDF outside Electron) stay external.
// exceljs, large and loaded only when a workbook is read or written, is bundled once on its own
// (dist/vendor/exceljs.cjs), so no process parses it at start-up.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { zodEnglishOnly } from './zodEnglishOnly.mjs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: 'linked',
  external: ['better-sqlite3', 'electron', 'playwright-core'],
  define: { __APP_VERSION__: JSON.stringify(version) },
  // A lazy import() becomes a lazy require(): the external files load the same way in Node and
  // from Electron's asar archive.
  supported: { 'dynamic-import': false },
  // zod's message locales but English are left out (see zodEnglishOnly.mjs): a fifth of each bundle.
  plugins: [zodEnglishOnly],
  logLevel: 'warning',
};

/** Resolves `exceljs` to the separate vendor bundle, `from` the output folder of the bundle being built. */
const vendorExceljs = (from) => ({
  name: 'vendor-exceljs',
  setup(b) {
    b.onResolve({ filter: /^exceljs$/ }, () => ({ path: from, external: true }));
  },
});

await Promise.all([
  build({ ...common, entryPoints: { exceljs: 'scripts/vendor-exceljs.cjs' }, outdir: 'dist/vendor', outExtension: { '.js': '.cjs' }, sourcemap: false }),
  build({ ...common, entryPoints: { main: 'src/main/electron/main.ts' }, outdir: 'dist/electron', outExtension: { '.js': '.cjs' }, plugins: [zodEnglishOnly, vendorExceljs('../vendor/exceljs.cjs')] }),
  build({ ...common, entryPoints: { preload: 'src/main/preload/index.ts' }, outdir: 'dist/electron', outExtension: { '.js': '.cjs' }, platform: 'node' }),
  build({
    ...common,
    entryPoints: { cli: 'src/main/cli/bin.ts', harness: 'src/main/harness/serve.ts', worker: 'src/main/services/jobs/worker.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    plugins: [zodEnglishOnly, vendorExceljs('./vendor/exceljs.cjs')],
  }),
]);
