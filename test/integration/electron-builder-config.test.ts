/**
 * The packaging facts of electron-builder.yml, checked without building (the Electron binary cannot
 * be downloaded here): electron-builder's own schema check, the installer options, and which
 * files the package takes, computed with electron-builder's own file matcher over the real tree.
 */
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../..');
/** The options of electron-builder.yml these tests read; electron-builder's own schema check (below) validates the whole file. */
interface BuilderYml {
  [option: string]: unknown;
  appId?: string;
  productName?: string;
  directories: { output: string; buildResources?: string };
  asarUnpack?: string[];
  win: { target?: unknown; icon: string };
  linux: { target?: unknown; category?: string; icon: string; maintainer?: string };
  nsis: { oneClick?: boolean; perMachine?: boolean; allowToChangeInstallationDirectory?: boolean; deleteAppDataOnUninstall?: boolean };
  extraMetadata?: { homepage?: string };
}
/** The fields of package.json these tests read. */
interface PackageJson {
  main?: string;
  homepage?: string;
  author?: { name?: string; email?: string };
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}
const config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderYml;
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as PackageJson;

// electron-builder's internals, loaded the way electron-builder loads them. Important: these are
// deep imports (app-builder-lib/out/…); an electron-builder upgrade that moves them fails here loudly.
const requireFromBuilder = createRequire(createRequire(path.join(root, 'package.json')).resolve('electron-builder'));
const builderConfig = requireFromBuilder('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const fileMatcher = requireFromBuilder('app-builder-lib/out/fileMatcher') as {
  FileMatcher: new (from: string, to: string, macroExpander: (s: string) => string, patterns?: string[]) => {
    patterns: string[];
    createFilter(): (file: string, stat: FakeStat) => boolean;
  };
  getMainFileMatchers(
    appDir: string,
    destination: string,
    macroExpander: (s: string) => string,
    platformSpecificBuildOptions: unknown,
    platformPackager: unknown,
    outDir: string,
    isElectronCompile: boolean,
  ): { from: string; createFilter(): (file: string, stat: FakeStat) => boolean }[];
  getNodeModuleFileMatcher(
    appDir: string,
    destination: string,
    macroExpander: (s: string) => string,
    platformSpecificBuildOptions: unknown,
    packager: unknown,
  ): { patterns: string[] };
};

interface FakeStat {
  isDirectory(): boolean;
  moduleFullFilePath?: string;
}
const fileStat: FakeStat = { isDirectory: () => false };
const debugLogger = { isEnabled: false, add() {} };
const identity = (s: string) => s;

/** Every file of the working tree outside node_modules and .git, as posix paths relative to the root. */
function treeFiles(dir = root): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === '.git' || entry.name === 'release') return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return treeFiles(full);
    return [path.relative(root, full).split(path.sep).join('/')];
  });
}

/** Whether electron-builder would put `rel` (an app file, not a dependency) into the package for `platform`. */
function appFileFilter(platform: 'win' | 'linux') {
  const outDir = path.join(root, config.directories.output);
  const packager = {
    info: { projectDir: root, buildResourcesDir: config.directories.buildResources ?? 'build', isPrepackedAppAsar: false, config, debugLogger },
  };
  const matchers = fileMatcher.getMainFileMatchers(root, '/app', identity, config[platform] ?? {}, packager, outDir, false);
  const filter = matchers[0]!.createFilter();
  return (rel: string) => filter(path.join(root, rel), fileStat);
}

/** Whether electron-builder would copy `file` of the dependency `name` into the package. */
function dependencyFileFilter(platform: 'win' | 'linux') {
  const matcher = fileMatcher.getNodeModuleFileMatcher(root, '/app', identity, config[platform] ?? {}, { config, debugLogger });
  const filter = new fileMatcher.FileMatcher(root, '/app', identity, matcher.patterns).createFilter();
  return (name: string, file: string) =>
    filter(path.join(root, 'node_modules', name, file), { ...fileStat, moduleFullFilePath: `node_modules/${name}/${file}` });
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own configuration schema", async () => {
    await expect(builderConfig.validateConfiguration(structuredClone(config), debugLogger)).resolves.toBeUndefined();
    // The check is real: a misspelt option is refused.
    await expect(builderConfig.validateConfiguration({ ...structuredClone(config), nsis: { onClick: false } }, debugLogger)).rejects.toThrow(
      /configuration/,
    );
  });

  it('names the app and puts installers in release/', () => {
    expect(config.appId).toMatch(/^th\.go\.tambonplan\./);
    expect(config.productName).toBe('TambonPlan');
    expect(config.directories.output).toBe('release');
  });

  it('ships the bundles and package.json in an asar, with the shipped data as an extra resource', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', 'dist/worker.cjs', 'package.json']));
    expect(config.asar).toBe(true);
    expect(config.extraResources).toEqual([{ from: 'resources', to: 'resources', filter: ['**/*'] }]);
    for (const needed of ['migrations', 'data', 'licenses']) expect(fs.existsSync(path.join(root, 'resources', needed))).toBe(true);
  });

  it("unpacks native modules and never rebuilds them (better-sqlite3's N-API prebuilds)", () => {
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource ?? false).toBe(false);
    const prebuilds = fs.readdirSync(path.join(root, 'node_modules', 'better-sqlite3', 'prebuilds'));
    expect(prebuilds).toEqual(expect.arrayContaining(['win32-x64.node', 'linux-x64.node']));
  });

  it('builds a strictly per-user NSIS installer for Windows x64, in Thai and English', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      installerLanguages: ['th_TH', 'en_US'],
      multiLanguageInstaller: true,
    });
    // One-click and not per-machine: no "for me / for all users" page, so never an admin install.
    // (An assisted installer, oneClick: false, shows that page even with perMachine: false.)
    expect(config.nsis.oneClick).toBe(true);
    expect(config.nsis.perMachine).toBe(false);
    // Only meaningful in an assisted installer.
    expect(config.nsis.allowToChangeInstallationDirectory).toBeUndefined();
    // The app data folder (preferences, backups, the signing key) survives an uninstall.
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
  });

  it('builds an AppImage and a deb for Linux, with what a deb requires', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    // A deb needs a maintainer with an e-mail address (linux.maintainer, or package.json's author)…
    const maintainer = config.linux.maintainer ?? (packageJson.author?.email ? `${packageJson.author.name} <${packageJson.author.email}>` : undefined);
    expect(maintainer).toMatch(/^.+ <[^@\s]+@[^@\s]+>$/);
    // …and a homepage (package.json's, or one given through extraMetadata).
    expect(packageJson.homepage ?? config.extraMetadata?.homepage).toMatch(/^https:\/\//);
  });

  it('leaves the maintainer and the homepage to the publisher: placeholders here, replaced by the release workflow', () => {
    // Under .invalid, so an installer built outside the workflow cannot pass for a published one…
    expect(config.linux.maintainer).toMatch(/@[\w.-]+\.invalid>$/);
    expect(config.extraMetadata?.homepage).toMatch(/^https:\/\/[\w.-]+\.invalid\//);
    // …and the workflow's build of the installers sets both (test/unit/workflows.test.ts checks where from).
    const workflow = fs.readFileSync(path.join(root, '.github', 'workflows', 'ci.yml'), 'utf8');
    expect(workflow).toContain('"-c.extraMetadata.homepage=$HOMEPAGE"');
    expect(workflow).toContain('"-c.linux.maintainer=$MAINTAINER"');
  });

  it('has an app icon electron-builder can turn into .ico and Linux icons (PNG, at least 512×512)', () => {
    for (const platform of ['win', 'linux'] as const) {
      const icon = fs.readFileSync(path.join(root, config[platform].icon));
      expect(icon.subarray(0, 8).toString('latin1'), platform).toBe('\x89PNG\r\n\x1a\n');
      expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
      expect(icon.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
    }
  });

  it('has no platform-level `files`, which would replace the top-level list instead of adding to it', () => {
    for (const platform of ['win', 'linux', 'mac', 'nsis', 'appImage', 'deb']) {
      expect((config[platform] as { files?: unknown } | undefined)?.files, platform).toBeUndefined();
    }
  });

  it('leaves the browser harness, the CLI bundle, sources and source maps out of the package', () => {
    const files = treeFiles();
    // The paths that must decide the question, whether or not this tree has been built.
    const required = ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/worker.cjs', 'dist/renderer/index.html', 'package.json'];
    const forbidden = ['dist/harness.cjs', 'dist/harness.cjs.map', 'dist/cli.cjs', 'src/main/harness/server.ts', 'src/main/harness/serve.ts'];
    const candidates = [...new Set([...files, ...required, ...forbidden, 'dist/electron/main.cjs.map', 'dist/renderer/assets/index.js.map'])];
    for (const platform of ['win', 'linux'] as const) {
      const included = appFileFilter(platform);
      const packaged = candidates.filter(included);
      expect(packaged, platform).toEqual(expect.arrayContaining(required));
      for (const file of forbidden) expect(packaged, `${platform}: ${file}`).not.toContain(file);
      const unexpected = packaged.filter((f) => !(f === 'package.json' || f === 'dist/worker.cjs' || /^dist\/(electron|renderer|vendor)\//.test(f)));
      expect(unexpected, platform).toEqual([]);
      expect(packaged.filter((f) => f.endsWith('.map')), platform).toEqual([]);
      expect(packaged.filter((f) => f.includes('harness')), platform).toEqual([]);
    }
  });

  it('ships every package the bundles load at run time, and none they already contain', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const runtimeRequires = new Set<string>();
    for (const bundle of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/worker.cjs']) {
      const file = path.join(root, bundle);
      if (!fs.existsSync(file)) throw new Error(`${bundle} is missing: run npm run build:node`);
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)) {
        const id = m[1]!;
        // A bundle of the app's own (dist/vendor/exceljs.cjs): it must exist and be packaged.
        if (id.startsWith('.')) {
          const target = path.relative(root, path.resolve(path.dirname(file), id)).split(path.sep).join('/');
          expect(fs.existsSync(path.join(root, target)), `${bundle} loads ${target}`).toBe(true);
          for (const platform of ['win', 'linux'] as const) expect(appFileFilter(platform)(target), `${platform}: ${target}`).toBe(true);
          continue;
        }
        // playwright-core prints outside Electron (the CLI, the harness); the app prints with printToPDF and never loads it.
        if (id === 'playwright-core') continue;
        if (!builtins.has(id) && id !== 'electron') runtimeRequires.add(id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0]!);
      }
    }
    expect([...runtimeRequires]).toEqual(['better-sqlite3']);
    for (const platform of ['win', 'linux'] as const) {
      const copied = dependencyFileFilter(platform);
      for (const name of runtimeRequires) {
        expect(Object.keys(packageJson.dependencies)).toContain(name);
        expect(copied(name, 'package.json'), `${platform}: ${name}`).toBe(true);
      }
      expect(copied('better-sqlite3', 'lib/index.js')).toBe(true);
      expect(copied('better-sqlite3', `prebuilds/${platform === 'win' ? 'win32' : 'linux'}-x64.node`)).toBe(true);
      expect(copied('better-sqlite3', 'deps/sqlite3/sqlite3.c')).toBe(false);
      for (const bundled of Object.keys(packageJson.dependencies).filter((d) => !runtimeRequires.has(d))) {
        expect(copied(bundled, 'package.json'), `${platform}: ${bundled} is bundled, so not shipped`).toBe(false);
      }
      // Nor the packages those bring (exceljs's unzipper and scoped @fast-csv/parse, in the worker bundle).
      for (const transitive of ['unzipper', '@fast-csv/parse', 'node-addon-api']) expect(copied(transitive, 'package.json'), `${platform}: ${transitive}`).toBe(false);
    }
  });
});

describe('package.json, for packaging', () => {
  it('never rebuilds native modules for Electron in a script', () => {
    for (const [name, script] of Object.entries(packageJson.scripts)) {
      expect(script, name).not.toMatch(/install-app-deps|electron-rebuild|@electron\/rebuild/);
    }
  });

  it('keeps electron and electron-builder in devDependencies', () => {
    for (const name of ['electron', 'electron-builder']) {
      expect(packageJson.devDependencies).toHaveProperty(name);
      expect(packageJson.dependencies ?? {}).not.toHaveProperty(name);
    }
  });

  it('starts the Electron main bundle', () => {
    expect(packageJson.main).toBe('dist/electron/main.cjs');
    expect(packageJson.scripts.dist).toMatch(/electron-builder/);
  });
});
