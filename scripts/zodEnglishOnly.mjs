// zod's message locales, left out of the bundles but for English.
//
// `import { z } from 'zod'` re-exports `z.locales`, 48 translations of zod's own messages: 366 kB,
// a fifth of the Node bundles, parsed and evaluated at every start. (Vite's tree-shaking already
// leaves them out of the renderer; esbuild keeps a namespace re-export whole.) The app never uses them: every refusal a person reads is the app's own bilingual message
// (src/shared/domain/fields.ts), and zod's English default (`schemas.js` imports `en` itself) is
// kept. This resolves zod's `locales/index.js` to a module with `en` alone, so `z.locales.en` still
// works and any other `z.locales.x` is undefined. Used by scripts/build-node.mjs and the benches'
// probes (bench/startup.mjs), which are built like the app's Node bundles.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
/** zod's English locale, as a file path. */
const english = require.resolve('zod/v4/locales/en.js');
/** The module that stands for zod's `locales/index.js`. */
const englishOnly = `export { default as en } from ${JSON.stringify(english.split(path.sep).join('/'))};\n`;

/** Whether `importer` importing `specifier` is zod asking for every locale. */
function isZodLocales(specifier, importer) {
  return specifier === '../locales/index.js' && /[\\/]zod[\\/]/.test(importer ?? '');
}

/** The esbuild plugin. */
export const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) => (isZodLocales(args.path, args.importer) ? { path: 'zod-locales', namespace: 'zod-english-only' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, () => ({ contents: englishOnly, loader: 'js', resolveDir: path.dirname(english) }));
  },
};
