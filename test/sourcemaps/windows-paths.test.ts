// Windows and macOS runners: Windows paths (drive letters, `\`) in discovery, globs, ignore patterns, `dir:project`
// and working_directory, with node:path's win32 rules so they run here; CRLF scripts and maps in inject and checks.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, win32 } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveInputs } from '../../src/release/inputs.ts';
import { discoverFiles, injectDebugIds, parseUploadTargets, validateSourcemaps } from '../../src/sourcemaps/index.ts';
import { forwardSlashes } from '../../src/sourcemaps/discover.ts';
import { findMatchingPaths, normalizeSourcemapUrl } from '../../src/sourcemaps/url-paths.ts';
import { copyTree, removeCopies, sentryCli } from './helpers.ts';

let tree: string;
beforeAll(async () => {
  tree = await mkdtemp(join(tmpdir(), 'faultline-win-'));
  await mkdir(join(tree, 'dist/js'), { recursive: true });
  await mkdir(join(tree, 'dist/vendor'), { recursive: true });
  const script = (name: string) => `console.log("${name}");\n//# sourceMappingURL=${name}.js.map\n`;
  const map = JSON.stringify({ version: 3, sources: ['a.ts'], sourcesContent: ['x'], mappings: 'AAAA' });
  for (const name of ['dist/js/app', 'dist/vendor/lib']) {
    await writeFile(join(tree, `${name}.js`), script(name.split('/').pop()!));
    await writeFile(join(tree, `${name}.js.map`), map);
  }
});
afterAll(async () => {
  await Promise.all([removeCopies(), rm(tree, { recursive: true, force: true })]);
});

describe('Windows paths', () => {
  it('turns `\\` into `/` only under Windows rules', () => {
    expect(forwardSlashes('D:\\a\\web\\web/dist/**/*.js', true)).toBe('D:/a/web/web/dist/**/*.js');
    expect(forwardSlashes('dist\\[id]\\app.js', false)).toBe('dist\\[id]\\app.js');
  });

  it('a glob written with backslashes finds the files, with `/`-separated paths and URLs', async () => {
    const files = await discoverFiles('dist\\**\\*.js', { cwd: tree, windowsPaths: true });
    expect(files.map((f) => f.path)).toEqual(['dist/js/app.js', 'dist/vendor/lib.js']);
    expect(files.map((f) => f.relative)).toEqual(['js/app.js', 'vendor/lib.js']);
  });

  it('ignore patterns written with backslashes leave those files out', async () => {
    const files = await discoverFiles('dist', {
      cwd: tree,
      windowsPaths: true,
      ignore: ['vendor\\lib.*', 'js\\*.map'],
    });
    expect(files.map((f) => f.relative)).toEqual(['js/app.js']);
  });

  it('`dir:project` keeps drive letters and backslashes in the directory', () => {
    expect(parseUploadTargets(['D:\\a\\web\\dist:web', 'C:\\build', 'C:/build/admin:admin', 'C:'], ['site'])).toEqual([
      { paths: ['C:\\build', 'C:'], projects: ['site'] },
      { paths: ['D:\\a\\web\\dist'], projects: ['web'] },
      { paths: ['C:/build/admin'], projects: ['admin'] },
    ]);
  });

  it('working_directory: relative to GITHUB_WORKSPACE with its drive letter; absolute and UNC paths kept', () => {
    const env = { SENTRY_AUTH_TOKEN: 't', SENTRY_ORG: 'acme', GITHUB_SHA: 'a'.repeat(40) };
    const cwd = (dir: string) =>
      resolveInputs((n) => (n === 'working_directory' ? dir : n === 'projects' ? 'web' : undefined), env, {
        baseDir: 'D:\\a\\web\\web',
        path: win32,
      }).release.cwd;
    expect(cwd('apps\\site')).toBe('D:\\a\\web\\web\\apps\\site');
    expect(cwd('apps/site')).toBe('D:\\a\\web\\web\\apps\\site');
    expect(cwd('E:\\build')).toBe('E:\\build');
    expect(cwd('\\\\server\\share\\repo')).toBe('\\\\server\\share\\repo');
  });

  it('the map a script names is found next to an absolute Windows path', () => {
    const maps = ['D:/a/dist/js/app.js.map', 'D:/a/dist/maps/app.js.map'];
    const reference = (script: string, url: string) => findMatchingPaths(maps, normalizeSourcemapUrl(script, url));
    expect(reference('D:/a/dist/js/app.js', 'app.js.map')).toEqual(['D:/a/dist/js/app.js.map']);
    expect(reference('D:/a/dist/js/app.js', '../maps/app.js.map')).toEqual(['D:/a/dist/maps/app.js.map']);
    expect(reference('D:\\a\\dist/js/app.js', '..\\maps\\app.js.map')).toEqual(['D:/a/dist/maps/app.js.map']);
  });
});

describe('CRLF line endings', () => {
  const crlfScript = 'function a() {\r\n  return 1;\r\n}\r\nconsole.log(a());\r\n//# sourceMappingURL=app.js.map\r\n';
  // Each line's first and last column, in a map written with CRLF between its JSON fields.
  const crlfMap =
    '{\r\n  "version": 3,\r\n  "sources": ["a.ts"],\r\n  "sourcesContent": ["function a() {\\r\\n  return 1;\\r\\n}\\r\\nconsole.log(a());\\r\\n"],\r\n' +
    '  "names": [],\r\n  "mappings": "AAAA,cAAc;AACd,WAAW;AACX,CAAC;AACD,iBAAiB"\r\n}\r\n';

  it('inject gives the same bytes as sentry-cli 3.8', async () => {
    const dir = join(tree, 'crlf');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'app.js'), crlfScript);
    await writeFile(join(dir, 'app.js.map'), crlfMap);
    const viaCli = await copyTree(dir, 'crlf-cli');
    const viaFaultline = await copyTree(dir, 'crlf-fl');
    await sentryCli(['sourcemaps', 'inject', viaCli]);
    const result = await injectDebugIds([viaFaultline]);
    expect(result.injected).toHaveLength(1);
    for (const name of ['app.js', 'app.js.map']) {
      expect(await readFile(join(viaFaultline, name), 'utf8'), name).toBe(await readFile(join(viaCli, name), 'utf8'));
    }
  });

  it('the check finds nothing wrong with a CRLF script and map', async () => {
    const dir = join(tree, 'crlf-check');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'app.js'), crlfScript);
    await writeFile(join(dir, 'app.js.map'), crlfMap);
    const report = await validateSourcemaps([dir]);
    expect(report.findings).toEqual([]);
  });
});
