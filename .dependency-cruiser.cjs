// The layer rules of STYLE.md ("Layout and layers") and DESIGN.md §4, checked on the real import
// graph: dependency-cruiser resolves every import (static, dynamic, require, `import type` and
// re-exports, .ts and .tsx) the way TypeScript and Node do, so an import cannot slip past a regex.
// Run by `npm run lint` (`depcruise src --config .dependency-cruiser.cjs`); an `error` fails it.
// test/unit/layers.test.ts proves the rules bite, on a fixture.

/** The packages the renderer may use: it runs in the browser (STYLE.md: "renderer imports only shared and browser packages"). */
const browserPackages = ['react', 'react-dom', '@fontsource/sarabun', 'chart\\.js', 'zod', '@tanstack/react-query'];
/** A path under node_modules of one of `names`, or of its @types package. */
const packagesPath = (names) => `^node_modules/(@types/)?(${names.join('|')})/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // STYLE.md: "`shared` imports nothing from `main` or `renderer`".
    {
      name: 'shared-not-to-main-or-renderer',
      comment: 'src/shared is the pure layer both sides use: it imports nothing from src/main or src/renderer (STYLE.md, Layout and layers).',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/(main|renderer)/' },
    },
    // STYLE.md: "src/shared/ pure TypeScript: no node:*, no electron, no DOM, no React".
    {
      name: 'shared-no-node-builtins',
      comment: 'src/shared runs in the renderer too: no Node built-in modules (STYLE.md: "no node:*").',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { dependencyTypes: ['core'] },
    },
    // STYLE.md: "no electron, no DOM, no React" in shared — of packages, only zod (its schemas are the contract).
    {
      name: 'shared-only-zod',
      comment: 'src/shared may use no package but zod (STYLE.md: "no electron, no React"; DESIGN.md: zod schemas of every IPC call).',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg', 'npm-unknown'], pathNot: packagesPath(['zod']) },
    },
    // STYLE.md: "`renderer` imports only `shared` and browser packages".
    {
      name: 'renderer-only-shared-and-browser-packages',
      comment:
        'src/renderer imports only src/renderer, src/shared, CSS and the browser packages (react, react-dom, @fontsource/sarabun, chart.js, zod, @tanstack/react-query) — no Node, no Electron, nothing of src/main (STYLE.md, Layout and layers).',
      severity: 'error',
      from: { path: '^src/renderer/' },
      to: { pathNot: [`^src/(renderer|shared)/`, packagesPath(browserPackages)] },
    },
    // STYLE.md: "only `src/main/electron/**` and the preload import `electron`".
    {
      name: 'electron-only-in-shell-and-preload',
      comment: 'Only src/main/electron/** and src/main/preload/** import electron; everything else runs under plain Node (STYLE.md; DESIGN.md: "Only the shell imports electron").',
      severity: 'error',
      from: { pathNot: '^src/main/(electron|preload)/' },
      to: { path: packagesPath(['electron']) },
    },
    // STYLE.md: "preload/index.ts ~20 lines: window.api = { invoke, on } over the contract's channel list".
    {
      name: 'preload-only-electron-and-shared',
      comment: 'The sandboxed preload imports only electron and src/shared (STYLE.md, Layout and layers; it is bundled into one small CommonJS file).',
      severity: 'error',
      from: { path: '^src/main/preload/' },
      to: { pathNot: ['^src/main/preload/', '^src/shared/', packagesPath(['electron'])] },
    },
    // STYLE.md: main talks to the renderer only through the contract in shared.
    {
      name: 'main-not-to-renderer',
      comment: 'src/main never imports src/renderer; the two meet only in the contract of src/shared (STYLE.md, Boundaries).',
      severity: 'error',
      from: { path: '^src/main/' },
      to: { path: '^src/renderer/' },
    },
    // STYLE.md: services run the same under every transport; "rpc/dispatch.ts … the one entry both transports use".
    {
      name: 'services-and-db-no-transport',
      comment:
        'src/main/services and src/main/db import no transport (rpc, harness, cli, electron, preload): the three composition roots sit on top of them, never under (STYLE.md, Layout and layers; DESIGN.md: "Services run under plain Node").',
      severity: 'error',
      from: { path: '^src/main/(services|db)/' },
      to: { path: '^src/main/(rpc|harness|cli|electron|preload)/' },
    },
    // STYLE.md: "db/ schema, client, repository (the one writer of row identity)" sits below the services.
    {
      name: 'db-not-to-services',
      comment: 'src/main/db is the storage layer under the services: it imports nothing from src/main/services (STYLE.md, Layout and layers).',
      severity: 'error',
      from: { path: '^src/main/db/' },
      to: { path: '^src/main/services/' },
    },
    // STYLE.md: "harness/ the loopback transport for the browser (development and tests; never packaged)".
    {
      name: 'electron-shell-not-harness',
      comment: 'The Electron shell does not import the browser harness, so the packaged app never carries it (STYLE.md; DESIGN.md: "it is not in the packaged app").',
      severity: 'error',
      from: { path: '^src/main/electron/' },
      to: { path: '^src/main/harness/' },
    },
    // STYLE.md: "services/<capability>/ the service, its handlers.ts, its jobs" — one folder per capability.
    {
      name: 'no-cycles-between-capabilities',
      comment:
        'Capability folders of src/main/services should not depend on each other in a circle (STYLE.md: a capability owns its folder; adding one touches its own folders). Reported, not fatal.',
      severity: 'warn',
      scope: 'folder',
      from: { path: '^src/main/services/[^/]+$' },
      to: { path: '^src/main/services/[^/]+$', circular: true },
    },
    // Not a STYLE.md rule, but every other rule assumes it: an import that does not resolve is a break.
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves to a file or an installed package (otherwise the rules above cannot see where it goes).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // `import type` counts too: a type-only import still ties one layer to another.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
