// The npm package as a user gets it: packed, installed offline into an empty folder (it has no dependencies: the
// CLI bundle is self-contained), and run as `faultline`, on the Node.js running this test (24).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packCli } from '../../scripts/pack-cli.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  private?: boolean;
  files: string[];
  bin: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

let dir: string;
let tarball: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  if (!existsSync(join(root, 'dist/cli.js'))) throw new Error('dist/cli.js is missing: run `npm run package` first');
  dir = await mkdtemp(join(tmpdir(), 'faultline-package-'));
  await mkdir(join(dir, 'out'));
  await mkdir(join(dir, 'project'));
  tarball = packCli(root, join(dir, 'out'));
  // The node running the tests first on PATH, so `faultline` (#!/usr/bin/env node) runs on it; no ~/.sentryclirc.
  env = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}`, HOME: dir };
  await writeFile(join(dir, 'project/package.json'), '{ "name": "empty", "private": true }\n');
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], {
    cwd: join(dir, 'project'),
    env,
  });
}, 180_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the npm package', () => {
  it('can be published and names what it ships', () => {
    expect(pkg.private).toBeUndefined();
    expect(pkg.bin).toEqual({ faultline: 'dist/cli.js' });
    expect(pkg.files).toEqual(['dist/', 'action.yml', 'README.md', 'LICENSE']);
    for (const name of ['yauzl', '@octokit/rest', '@jridgewell/sourcemap-codec', '@jridgewell/trace-mapping']) {
      expect(pkg.dependencies, name).not.toHaveProperty(name);
    }
    expect({ ...pkg.dependencies, ...pkg.devDependencies }).not.toHaveProperty('@actions/github');
  });

  it('holds the bundles, action.yml, README and LICENSE, no source or test code, and no dependencies', async () => {
    const { stdout } = await run('tar', ['-tzf', tarball]);
    const files = stdout.trim().split('\n').sort();
    expect(files).toContain('package/dist/cli.js');
    expect(files).toContain('package/dist/index.js');
    expect(files).toEqual(
      expect.arrayContaining(['package/action.yml', 'package/README.md', 'package/LICENSE', 'package/package.json']),
    );
    expect(files.filter((f) => !/^package\/(dist\/|action\.yml$|README\.md$|LICENSE$|package\.json$)/.test(f))).toEqual(
      [],
    );
    expect(files.filter((f) => /\.test\.|\.ts$/.test(f))).toEqual([]);
    const manifest = JSON.parse(
      await readFile(join(dir, 'project/node_modules/faultline/package.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(manifest).not.toHaveProperty('dependencies');
    expect(manifest.bin).toEqual({ faultline: 'dist/cli.js' });
  });

  it('installs offline into an empty folder and `faultline --help` answers', async () => {
    const bin = join(dir, 'project/node_modules/.bin/faultline');
    const { stdout } = await run(bin, ['--help'], { cwd: join(dir, 'project'), env });
    expect(stdout).toContain('Usage: faultline <command> [flags]');
    const version = await run(bin, ['--version'], { cwd: join(dir, 'project'), env });
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });

  it('`faultline sourcemaps inject` injects a build', async () => {
    const build = join(dir, 'project/build');
    await mkdir(build, { recursive: true });
    await writeFile(join(build, 'app.js'), 'console.log(1);\n//# sourceMappingURL=app.js.map\n');
    await writeFile(join(build, 'app.js.map'), JSON.stringify({ version: 3, sources: ['a.ts'], mappings: 'AAAA' }));
    const bin = join(dir, 'project/node_modules/.bin/faultline');
    const { stdout } = await run(bin, ['sourcemaps', 'inject', 'build'], { cwd: join(dir, 'project'), env });
    expect(stdout).toMatch(/Injected 1 script\(s\)/);
    expect(await readFile(join(build, 'app.js'), 'utf8')).toMatch(/\/\/# debugId=[0-9a-f-]{36}/);
    expect(await readFile(join(build, 'app.js.map'), 'utf8')).toMatch(/"debug_?[iI]d":"[0-9a-f-]{36}"/);
  });
});
