/**
 * Parity with `sentry-cli sourcemaps inject` 3.8.0 on copies of the same trees: the hand-made edge cases and the
 * dist/ folders of published npm packages. Every file must come out byte-identical, with the same debug IDs, and
 * every mapping of every rewritten map must still resolve to the position it resolved to before the snippet moved
 * the code (checked independently of sentry-cli, with @jridgewell/trace-mapping).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodedMappings, FlattenMap, originalPositionFor, TraceMap, traceSegment } from '@jridgewell/trace-mapping';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  debugIdFromScriptAndMap,
  injectDebugIds,
  type InjectResult,
  SNIPPET_TEMPLATE,
} from '../../src/sourcemaps/index.ts';
import {
  copyTree,
  debugIdOf,
  edgeFixtures,
  listFiles,
  REAL_CORPORA,
  removeCopies,
  sentryCli,
  snapshotTree,
} from './helpers.ts';

interface Pair {
  name: string;
  original: string;
  viaCli: string;
  viaFaultline: string;
  result: InjectResult;
}

const EDGE = 'edge-cases';
const CORPORA = [EDGE, ...REAL_CORPORA];
const pairs: Pair[] = [];
let EDGE_FIXTURES = '';

beforeAll(async () => {
  EDGE_FIXTURES = await edgeFixtures();
  for (const corpus of CORPORA) {
    const original = corpus === EDGE ? EDGE_FIXTURES : corpus;
    const viaCli = await copyTree(original, 'cli');
    const viaFaultline = await copyTree(original, 'fl');
    await sentryCli(['sourcemaps', 'inject', viaCli]);
    const result = await injectDebugIds([viaFaultline], { includeNodeModules: true });
    pairs.push({ name: corpus.split('/').slice(-2).join('/'), original, viaCli, viaFaultline, result });
  }
}, 120_000);

afterAll(removeCopies);

const SNIPPET_HEAD = SNIPPET_TEMPLATE.slice(0, 40);

describe.each(CORPORA.map((c) => c.split('/').slice(-2).join('/')))('inject parity on %s', (name) => {
  const pair = () => pairs.find((p) => p.name === name)!;

  it('writes byte-identical files', async () => {
    const { viaCli, viaFaultline } = pair();
    const files = await listFiles(viaCli);
    expect(await listFiles(viaFaultline)).toEqual(files);
    const differing: string[] = [];
    for (const f of files) {
      const [a, b] = await Promise.all([readFile(join(viaCli, f)), readFile(join(viaFaultline, f))]);
      if (!a.equals(b)) differing.push(f);
    }
    expect(differing).toEqual([]);
    expect(pair().result.injected.length).toBeGreaterThan(0);
  });

  it('gives every script the debug ID sentry-cli gives it, and its map the same one', async () => {
    const { viaCli, viaFaultline, result } = pair();
    for (const item of result.injected) {
      const rel = item.path.slice(viaFaultline.length + 1);
      const cliText = await readFile(join(viaCli, rel), 'utf8');
      expect(debugIdOf(cliText), rel).toBe(item.debugId);
    }
    for (const item of [...result.sourcemaps, ...result.skippedSourcemaps]) {
      const map = JSON.parse(await readFile(item.path, 'utf8'));
      expect(map.debugId).toBe(item.debugId);
    }
  });

  it('keeps every mapping pointing at the same original position', async () => {
    const { original, viaFaultline, result } = pair();
    let checked = 0;
    for (const item of result.sourcemaps.concat(result.skippedSourcemaps)) {
      const rel = item.path.slice(viaFaultline.length + 1);
      const before = JSON.parse((await readFile(join(original, rel), 'utf8')).replace(/^\)\]\}'\n/, ''));
      const after = JSON.parse(await readFile(item.path, 'utf8'));
      const script = result.injected.find((i) => i.debugId === item.debugId)!;
      const text = await readFile(script.path, 'utf8');
      const originalText = await readFile(join(original, script.path.slice(viaFaultline.length + 1)), 'utf8');
      // Lines holding at least one character (an empty last line after the final newline has none).
      const originalLines = originalText.split('\n').length - (originalText.endsWith('\n') ? 1 : 0);
      checked += before.sections ? checkIndexed(before, after) : checkRegular(before, after, text, originalLines);
    }
    if (result.sourcemaps.length > 0) expect(checked).toBeGreaterThan(0);
  });

  it('is idempotent: a second run changes nothing and reports every script as already injected', async () => {
    const { viaFaultline, result } = pair();
    const before = await snapshotTree(viaFaultline);
    const again = await injectDebugIds([viaFaultline], { includeNodeModules: true });
    expect(again.injected).toEqual([]);
    expect(again.previouslyInjected.length).toBe(result.injected.length + result.previouslyInjected.length);
    expect(await snapshotTree(viaFaultline)).toEqual(before);
  });
});

/** Regular map: positions left of the insertion stay, the rest move down two lines (and left on the insertion line). */
function checkRegular(before: object, after: object, injectedText: string, originalLines: number): number {
  const lines = injectedText.split('\n');
  const snippetLine = lines.findIndex((l) => l.startsWith(SNIPPET_HEAD));
  const insLine = snippetLine - 1;
  const insCol = lines[insLine]!.length;
  if (/[^\x00-\x7f]/.test(lines[insLine]!)) return 0; // sentry-cli counts bytes there; parity covers it instead
  const oldMap = new TraceMap(before as never);
  const newMap = new TraceMap(after as never);
  let n = 0;
  decodedMappings(oldMap).forEach((segs, line) => {
    if (line >= originalLines) return; // mappings past the end of the script cannot survive (stale map)
    for (const seg of segs) {
      const col = seg[0];
      const moved =
        line < insLine || (line === insLine && col < insCol)
          ? [line, col]
          : [line + 2, line === insLine ? col - insCol : col];
      const want = traceSegment(oldMap, line, col);
      const got = traceSegment(newMap, moved[0]!, moved[1]!);
      expect(got?.slice(1), `segment ${line}:${col}`).toEqual(want?.slice(1));
      n++;
    }
  });
  return n;
}

/** Indexed map: everything moves down one line. */
function checkIndexed(before: object, after: object): number {
  const oldMap = new FlattenMap(before as never);
  const newMap = new FlattenMap(after as never);
  let n = 0;
  decodedMappings(oldMap).forEach((segs, line) => {
    for (const seg of segs) {
      const want = originalPositionFor(oldMap, { line: line + 1, column: seg[0] });
      expect(originalPositionFor(newMap, { line: line + 2, column: seg[0] })).toEqual(want);
      n++;
    }
  });
  return n;
}

describe('inject edge cases (against the committed fixtures)', () => {
  const edge = () => pairs.find((p) => p.original === EDGE_FIXTURES)!;
  const rel = (p: string) => p.slice(edge().viaFaultline.length + 1);

  it('leaves already injected scripts alone and reuses debug IDs already in maps', () => {
    const r = edge().result;
    expect(r.previouslyInjected.map((i) => rel(i.path))).toEqual(['injected.js']);
    expect(r.skippedSourcemaps.map((i) => rel(i.path)).sort()).toEqual(['has-debug_id.js.map', 'has-debugid.js.map']);
    const byName = new Map(r.injected.map((i) => [rel(i.path), i.debugId]));
    expect(byName.get('has-debugid.js')).toBe('7d3f0c1a-2b4e-4f6a-9c8d-1e2f3a4b5c6d');
    expect(byName.get('has-debug_id.js')).toBe('8e4a1b2c-3d4e-5f60-7182-93a4b5c6d7e8');
  });

  it('gives scripts sharing byte-identical maps distinct IDs (sentry-cli 3.7+ hashes script and map)', () => {
    const ids = new Map(edge().result.injected.map((i) => [rel(i.path), i.debugId]));
    expect(ids.get('empty-a.js')).not.toBe(ids.get('empty-b.js'));
  });

  it('finds maps by sibling name and across code/maps folders, and skips broken embedded maps with a warning', () => {
    const r = edge().result;
    const maps = r.sourcemaps.map((i) => rel(i.path));
    expect(maps).toEqual(
      expect.arrayContaining(['guess/foo.map', 'guess/bar.js.map', 'split/maps/page.js.map', 'remote.js.map']),
    );
    expect(r.warnings.some((w) => w.includes('embedded-bad.js') && w.includes('base64'))).toBe(true);
    expect(r.injected.some((i) => rel(i.path) === 'embedded-bad.js')).toBe(false);
  });

  it('writes nothing on a dry run', async () => {
    const dir = await copyTree(EDGE_FIXTURES, 'dry');
    const before = await snapshotTree(dir);
    const r = await injectDebugIds(dir, { dryRun: true });
    expect(r.injected.length).toBe(edge().result.injected.length);
    expect(await snapshotTree(dir)).toEqual(before);
  });
});

describe('inject parity on scripts made only of comments or whitespace', () => {
  const scripts: Record<string, string> = {
    'comments.js': '/* just a comment */\n// another\n',
    'whitespace.js': '  \n',
    'one-line-comment.js': '/* c */',
    'empty.js': '',
    'hashbang-comment.js': '#!/usr/bin/env node\n// hi\n',
    'whitespace-before-reference.js': '   \n\n',
  };

  it('puts the snippet at the top and shifts the map by two lines, as sentry-cli does, byte for byte', async () => {
    const root = await copyTree(EDGE_FIXTURES, 'comments-src');
    await rm(root, { recursive: true, force: true });
    await mkdir(root, { recursive: true });
    for (const [name, js] of Object.entries(scripts)) {
      // The last one ends in a reference without a newline, so the prologue stops before it.
      const ref = name.startsWith('whitespace-before') ? '' : '\n';
      await writeFile(join(root, name), `${js}//# sourceMappingURL=${name}.map${ref}`);
      await writeFile(
        join(root, `${name}.map`),
        JSON.stringify({ version: 3, sources: ['x.ts'], names: [], mappings: 'AAAA;AACA;;AAEA' }),
      );
    }
    const viaCli = await copyTree(root, 'comments-cli');
    const viaFaultline = await copyTree(root, 'comments-fl');
    await sentryCli(['sourcemaps', 'inject', viaCli]);
    await injectDebugIds([viaFaultline]);
    const files = await listFiles(viaCli);
    expect(files.length).toBe(Object.keys(scripts).length * 2);
    for (const f of files) {
      const [a, b] = await Promise.all([readFile(join(viaCli, f), 'utf8'), readFile(join(viaFaultline, f), 'utf8')]);
      expect(b, f).toBe(a);
    }
    expect(await readFile(join(viaFaultline, 'comments.js'), 'utf8')).toMatch(/^\n!function/);
  });
});

describe('inject when scripts share one map file (read ahead, written behind, still in order)', () => {
  it('gives every script the ID the first one wrote into the shared map; otherwise the bytes sentry-cli writes', async () => {
    const root = await copyTree(EDGE_FIXTURES, 'shared-src');
    await rm(root, { recursive: true, force: true });
    await mkdir(join(root, 'maps'), { recursive: true });
    const map = JSON.stringify({
      version: 3,
      sources: ['a.ts'],
      sourcesContent: ['export const a = "\\u00e9";\n'],
      names: [],
      mappings: 'AAAA',
    });
    await writeFile(join(root, 'maps/shared.js.map'), map);
    const names = ['a.js', 'b.js', 'c.js', 'd.js', 'e.js', 'f.js'];
    for (const name of names)
      await writeFile(join(root, name), `var ${name[0]}=1;\n//# sourceMappingURL=maps/shared.js.map\n`);
    const viaCli = await copyTree(root, 'shared-cli');
    const viaFaultline = await copyTree(root, 'shared-fl');
    await sentryCli(['sourcemaps', 'inject', viaCli]);
    const result = await injectDebugIds([viaFaultline]);
    const ids = new Set([...result.injected, ...result.sourcemaps, ...result.skippedSourcemaps].map((i) => i.debugId));
    expect(ids.size).toBe(1);
    const [id] = ids;
    // The first script in faultline's order names the map. sentry-cli picks the first at random (it works in
    // parallel), so its files are compared with its own choice of ID put back to faultline's.
    const first = result.injected[0]!;
    expect(id).toBe(
      debugIdFromScriptAndMap(await readFile(join(root, first.path.split('/').pop()!)), Buffer.from(map)),
    );
    const cliId = debugIdOf(await readFile(join(viaCli, 'a.js'), 'utf8'));
    expect(cliId).toMatch(/^[0-9a-f]{8}-/);
    for (const f of await listFiles(viaCli)) {
      const [a, b] = await Promise.all([readFile(join(viaCli, f), 'utf8'), readFile(join(viaFaultline, f), 'utf8')]);
      expect(b, f).toBe(a.replaceAll(cliId!, id!));
    }
  });
});
