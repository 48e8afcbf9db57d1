/** Pure pieces of src/sourcemaps: debug IDs, comments, path rules, map codec, chunk plan, bundle determinism. */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import {
  buildArtifactBundle,
  bundlePath,
  type BundleEntry,
  debugIdFromBytes,
  debugIdFromScriptAndMap,
  decodeMapBytes,
  encodeMap,
  findDebugIdComment,
  findSourceMappingUrl,
  isSourceMapBytes,
  normalizeDebugId,
  parseUploadTargets,
  planArtifactBundle,
  planChunkUpload,
  SourceMapParseError,
  splitPathList,
  SYSB_HEADER,
} from '../../src/sourcemaps/index.ts';
import {
  adjustTokensForInsertion,
  injectAtEnd,
  injectAtStart,
  insertSnippetAfterPrologue,
} from '../../src/sourcemaps/inject-text.ts';
import { findMatchingPaths, guessSourcemapReference, normalizeSourcemapUrl } from '../../src/sourcemaps/url-paths.ts';
import { makeTempDir } from '../../src/sourcemaps/temp-dir.ts';
import { decodeMappings, emptyTokens, encodeMappings, NONE, pushToken } from '../../src/sourcemaps/mappings-codec.ts';
import { isCanonicalMappings, shiftCanonicalMappings } from '../../src/sourcemaps/mappings-shift.ts';

describe('debug IDs', () => {
  it('is SHA-1 with the v5/RFC-4122 bits, as sentry-cli computes it', () => {
    // sha1("") = da39a3ee5e6b4b0d3255bfef95601890afd80709
    expect(debugIdFromBytes('')).toBe('da39a3ee-5e6b-5b0d-b255-bfef95601890');
  });
  it('hashes script and map together for a script with a map (sentry-cli 3.7+)', () => {
    const script = Buffer.from('bar();\n//# sourceMappingURL=m.js.map\n');
    const map = Buffer.from('{"version":3,"sources":["a.ts"],"names":[],"mappings":"AAAA"}');
    // Checked against sentry-cli 3.8.0 on these exact bytes.
    expect(debugIdFromScriptAndMap(script, map)).toBe('cc6d6b15-1349-5611-9d2a-e753241ff76f');
  });
  it('normalises the forms the debugid crate accepts', () => {
    expect(normalizeDebugId('8E4A1B2C3D4E5F60718293A4B5C6D7E8')).toBe('8e4a1b2c-3d4e-5f60-7182-93a4b5c6d7e8');
    expect(normalizeDebugId('not-an-id')).toBeUndefined();
  });
});

describe('magic comments', () => {
  it('takes the last sourceMappingURL preceded by //# or //@, without query or fragment', () => {
    expect(findSourceMappingUrl('x\n//# sourceMappingURL=a.map\n//# sourceMappingURL=b.map?v=1#f\n')).toBe('b.map');
    expect(findSourceMappingUrl('//@ sourceMappingURL= old.map \n')).toBe('old.map');
    expect(findSourceMappingUrl('"sourceMappingURL=nope"')).toBeUndefined();
  });
  it('reads //# debugId= only when it is a debug ID', () => {
    expect(findDebugIdComment('x\n//# debugId=0C6F5A9E-1D2B-4C3A-8E7F-9A0B1C2D3E4F\n')).toBe(
      '0c6f5a9e-1d2b-4c3a-8e7f-9a0b1c2d3e4f',
    );
    expect(findDebugIdComment('//# debugId=zzz')).toBeUndefined();
  });
});

describe('injected text', () => {
  const id = '00000000-0000-0000-0000-000000000000';
  it('puts the snippet after a hashbang, comments and a directive, and the comment at the end', () => {
    const ins = insertSnippetAfterPrologue('#!/usr/bin/env node\n/* c */"use strict";x()', id);
    expect(ins.text.split('\n').slice(0, 2)).toEqual(['#!/usr/bin/env node', '/* c */"use strict";']);
    expect(ins.text.endsWith(`x()\n//# debugId=${id}\n`)).toBe(true);
    expect({ line: ins.line, byteColumn: ins.byteColumn }).toEqual({ line: 1, byteColumn: 20 });
  });
  it('appends at the end and moves the sourceMappingURL line after the snippet when there is no map', () => {
    const out = injectAtEnd('a();\r\n//# sourceMappingURL=x.map\r\nb();', id).split('\n');
    expect(out[0]).toBe('a();');
    expect(out[1]).toBe('b();');
    expect(out[3]).toBe('//# sourceMappingURL=x.map');
    expect(out[4]).toBe(`//# debugId=${id}`);
  });
  it('repeats a use directive in front of the snippet for indexed maps', () => {
    expect(injectAtStart('"use client";\nx()', id).startsWith('"use client";!function(){')).toBe(true);
  });
});

describe('path rules', () => {
  it('normalises map URLs relative to the script (sentry-cli test cases)', () => {
    expect(normalizeSourcemapUrl('foo/bar/baz.js', '.././baz.js.map')).toBe('foo/baz.js.map');
    expect(normalizeSourcemapUrl('foo/bar/baz.js', 'baz.js.map')).toBe('foo/bar/baz.js.map');
    expect(normalizeSourcemapUrl('./foo/baz.js', 'baz.js.map')).toBe('./foo/baz.js.map');
  });
  it('matches a map one folder away, never by file name, exact match first', () => {
    const candidates = ['./project/maps/index.js.map', './project/maps/page/index.js.map'];
    expect(findMatchingPaths(candidates, 'project/code/index.js.map')).toEqual(['./project/maps/index.js.map']);
    expect(findMatchingPaths(['./foo/bar/baz/nop', 'foo/baar/baz/quux'], './foo/bar/baz/quux')).toEqual([
      'foo/baar/baz/quux',
    ]);
  });
  it('guesses sibling maps in sentry-cli order', () => {
    expect(guessSourcemapReference(new Set(['d/foo.map', 'd/foo.min.js.map']), 'd/foo.min.js')?.reference).toBe(
      'foo.map',
    );
    expect(guessSourcemapReference(new Set(['d/foo.js.map']), 'd/foo.min.js')?.url).toBe('d/foo.js.map');
    expect(guessSourcemapReference(new Set(['d/bar.map']), 'd/foo.js')).toBeUndefined();
  });
  it('splits path lists and DIR:PROJECT pairs', () => {
    expect(splitPathList(['a, b\nc', ''])).toEqual(['a', 'b', 'c']);
    expect(parseUploadTargets(['dist', 'apps/web/dist:web', 'C:\\x'], ['p'])).toEqual([
      { paths: ['dist', 'C:\\x'], projects: ['p'] },
      { paths: ['apps/web/dist'], projects: ['web'] },
    ]);
  });
});

describe('source map codec (rust-sourcemap rules)', () => {
  it('re-serialises compactly in its key order, dropping unknown keys and folding duplicate tokens', () => {
    const map = decodeMapBytes(
      Buffer.from(
        ')]}\'\n{"mappings":"AAAA,AAAA;;CAAC","names":[1],"sources":[null],"x_google_ignoreList":[0],"ignoreList":[0,0],"version":3,"file":"o.js"}',
      ),
    );
    expect(encodeMap(map)).toBe(
      '{"version":3,"file":"o.js","sources":[""],"names":["1"],"mappings":"AAAA;;CAAC","ignoreList":[0]}',
    );
  });
  it('serialises index maps with "sources":null and their sections', () => {
    const map = decodeMapBytes(
      Buffer.from(
        '{"version":3,"sections":[{"offset":{"line":2,"column":0},"map":{"version":3,"sources":[],"names":[],"mappings":""}}]}',
      ),
    );
    expect(encodeMap(map)).toBe(
      '{"version":3,"sources":null,"sections":[{"offset":{"line":2,"column":0},"url":null,"map":{"version":3,"sources":[],"names":[],"mappings":""}}]}',
    );
  });
  it('refuses what sentry-cli refuses', () => {
    expect(() => decodeMapBytes(Buffer.from('{"version":3,"sources":[],"mappings":"AA"}'))).toThrow(
      SourceMapParseError,
    );
    expect(() => decodeMapBytes(Buffer.from('{"version":3,"sources":["a"],"mappings":"AAAAC"}'))).toThrow(/name/);
    expect(() => decodeMapBytes(Buffer.from('{"debugId":"nope","mappings":""}'))).toThrow(/debug ID/);
  });
  it('recognises maps as sentry-cli does', () => {
    expect(isSourceMapBytes(Buffer.from('{"version":3,"sources":[],"mappings":""}'))).toBe(true);
    expect(isSourceMapBytes(Buffer.from('{"sections":[]}'))).toBe(true);
    expect(isSourceMapBytes(Buffer.from('{"version":3}'))).toBe(false);
    expect(isSourceMapBytes(Buffer.from('var x = {};'))).toBe(false);
  });
});

describe('planChunkUpload', () => {
  const chunks = Array.from({ length: 10 }, (_, i) => ({ checksum: `c${i}`, offset: i * 100, size: 100 }));
  it('sends only missing chunks, in batches within the count and size limits, spread over the connections', () => {
    const plan = planChunkUpload(chunks, ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'], {
      chunksPerRequest: 64,
      maxRequestSize: 250,
      concurrency: 8,
    });
    expect(plan.chunksToSend).toBe(7);
    expect(plan.chunksSkipped).toBe(3);
    expect(plan.bytesToSend).toBe(700);
    expect(plan.batches.every((b) => b.length >= 1 && b.reduce((n, c) => n + c.size, 0) <= 250)).toBe(true);
    expect(plan.batches.flat().map((c) => c.checksum)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7']);
    expect(plan.concurrency).toBe(plan.batches.length);
  });
  it('sends nothing when nothing is missing, and bounds the requests in flight by memory', () => {
    expect(planChunkUpload(chunks, [], { chunksPerRequest: 64, maxRequestSize: 1e9, concurrency: 8 }).batches).toEqual(
      [],
    );
    const big = planChunkUpload(
      chunks,
      chunks.map((c) => c.checksum),
      { chunksPerRequest: 1, maxRequestSize: 1e9, concurrency: 8 },
      300,
    );
    expect(big.concurrency).toBe(3);
  });
});

function zipEntries(bytes: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const names: string[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        names.push(e.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.readEntry();
    });
  });
}

describe('artifact bundle', () => {
  it('maps URLs to bundle paths', () => {
    expect(bundlePath('~/a/b c.js')).toBe('_/_/a/b%20c.js');
    expect(bundlePath('https://cdn.example.com/x.js')).toBe('https/cdn.example.com/x.js');
    expect(bundlePath('~/#/bar')).toBe('_/_/#/bar');
  });

  it('is deterministic: same input, same bytes; SYSB header, files in URL order, manifest last', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'faultline-bundle-test-'));
    await writeFile(join(dir, 'b.js'), 'b();\n//# sourceMappingURL=b.js.map\n');
    await writeFile(join(dir, 'b.js.map'), '{"version":3,"sources":[],"names":[],"mappings":""}');
    const entries: BundleEntry[] = [
      {
        url: '~/b.js.map',
        type: 'source_map',
        headers: { 'debug-id': '11111111-1111-5111-9111-111111111111' },
        absolutePath: join(dir, 'b.js.map'),
        sha1: 'aa',
      },
      {
        url: '~/b.js',
        type: 'minified_source',
        headers: { sourcemap: 'b.js.map', 'debug-id': '11111111-1111-5111-9111-111111111111' },
        absolutePath: join(dir, 'b.js'),
        sha1: 'bb',
      },
    ];
    const attrs = { org: 'acme', projects: ['web'], release: '1.0' };
    const one = await buildArtifactBundle(entries, attrs, { chunkSize: 64 });
    const two = await buildArtifactBundle([...entries].reverse(), attrs, { chunkSize: 64 });
    const planned = await planArtifactBundle(entries, attrs, { chunkSize: 64 });
    try {
      // The layout computed without writing is the layout of the bytes written.
      expect(planned).toEqual({ bundleId: one.bundleId, checksum: one.checksum, size: one.size, chunks: one.chunks });
      const [a, b] = await Promise.all([readFile(one.path), readFile(two.path)]);
      expect(a.equals(b)).toBe(true);
      expect(one.bundleId).toBe(two.bundleId);
      expect(a.subarray(0, 8).equals(SYSB_HEADER)).toBe(true);
      expect(one.chunks.length).toBe(Math.ceil(one.size / 64));
      expect(await zipEntries(a.subarray(8))).toEqual(['files/_/_/b.js', 'files/_/_/b.js.map', 'manifest.json']);
      expect(JSON.stringify(one.manifest)).toBe(
        `{"files":{"files/_/_/b.js":{"type":"minified_source","url":"~/b.js","headers":{"debug-id":"11111111-1111-5111-9111-111111111111","sourcemap":"b.js.map"}},` +
          `"files/_/_/b.js.map":{"type":"source_map","url":"~/b.js.map","headers":{"debug-id":"11111111-1111-5111-9111-111111111111"}}},` +
          `"debug_id":"${one.bundleId}","org":"acme","project":"web","release":"1.0"}`,
      );
    } finally {
      await one.dispose();
      await two.dispose();
    }
  });
});

describe('temporary folders', () => {
  it('writes the bundle when $TMPDIR names a folder that does not exist', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'faultline-tmpdir-test-'));
    await writeFile(join(dir, 'a.js'), 'a();\n');
    const entry: BundleEntry = {
      url: '~/a.js',
      type: 'minified_source',
      headers: {},
      absolutePath: join(dir, 'a.js'),
      sha1: 'aa',
    };
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = join(dir, 'gone', 'deeper');
    try {
      const bundle = await buildArtifactBundle([entry], { org: 'acme', projects: ['web'] }, { chunkSize: 64 });
      try {
        expect((await readFile(bundle.path)).subarray(0, 8).equals(SYSB_HEADER)).toBe(true);
      } finally {
        await bundle.dispose();
      }
      const made = await makeTempDir('faultline-x-');
      expect(made.startsWith(join(dir, 'gone', 'deeper'))).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });
});

describe('mappings moved as text', () => {
  /** Deterministic pseudo-random numbers. */
  const prng = (seed: number) => () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 4294967296;
  };

  it('gives exactly what decoding, the token fix-up and encoding give, whenever it answers', () => {
    const rnd = prng(7);
    const int = (n: number) => Math.floor(rnd() * n);
    let answered = 0;
    for (let round = 0; round < 3000; round++) {
      const lineCount = 1 + int(4);
      const width = 1 + int(30);
      const text = `${Array.from({ length: lineCount }, () => 'x'.repeat(width)).join('\n')}${rnd() < 0.5 ? '\n' : ''}`;
      const tokens = emptyTokens(8);
      for (let l = 0; l < lineCount + int(2); l++)
        for (let c = int(3); c < width; c += 1 + int(12)) {
          const kind = int(3);
          pushToken(
            tokens,
            l,
            c,
            kind === 0 ? NONE : 0,
            kind === 0 ? NONE : int(9),
            kind === 0 ? NONE : int(9),
            kind === 2 ? int(2) : NONE,
          );
        }
      const mappings = encodeMappings(tokens);
      if (!isCanonicalMappings(mappings, 1, 2)) continue;
      const line = int(lineCount);
      const byteColumn = rnd() < 0.4 ? 0 : int(width);
      const offset = line * (width + 1) + byteColumn;
      const ins = { text: '', line, byteColumn, offset };
      const lastLine = text.split('\n').length - 1 - (text.endsWith('\n') ? 1 : 0);
      const viaText = shiftCanonicalMappings(mappings, line, byteColumn, lastLine);
      if (viaText === undefined) continue;
      answered++;
      const viaTokens = encodeMappings(adjustTokensForInsertion(decodeMappings(mappings, 1, 2), text, ins));
      expect(viaText, `${mappings} at ${line}:${byteColumn} of ${JSON.stringify(text)}`).toBe(viaTokens);
    }
    expect(answered).toBeGreaterThan(1000);
  });

  it('refuses strings the encoder would write differently', () => {
    for (const m of ['AAAA;', ';', 'AAAA,,CAAC', ',AAAA', 'CAAA,AAAA', 'AAAA,AAAA', 'gAAAA', 'BAAA', 'AAAA,A'])
      expect(isCanonicalMappings(m, 1, 1), m).toBe(false);
    for (const m of ['', 'AAAA', ';;AAAA,CAAC;AACA', 'A,CAAA,CAAAA'])
      expect(isCanonicalMappings(m, 1, 1), m).toBe(true);
  });
});
