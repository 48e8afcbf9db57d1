/**
 * The hand-made edge cases for the source-map suites, written into a fresh directory at test time (kept as code,
 * not committed .js files, so linters never touch them and every case says what it is for).
 */
import { encode } from '@jridgewell/sourcemap-codec';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A map whose segments cover every few columns of every line of `generated`, pointing into `source`. */
function mapFor(generated: string, extra: Record<string, unknown> = {}, step = 4): Record<string, unknown> {
  const lines = generated.split('\n');
  const mappings = lines.map((line, l) => {
    const segs: number[][] = [];
    for (let c = 0; c < line.length; c += step) segs.push(c % 3 === 0 ? [c, 0, l + 1, c / 2, l % 2] : [c, 0, l + 1, c]);
    return segs as [number, number, number, number, number][];
  });
  return {
    version: 3,
    file: 'out.js',
    sources: ['src/in.ts'],
    names: ['alpha', 'beta'],
    mappings: encode(mappings),
    sourcesContent: [`${'x'.repeat(120)}\n`.repeat(lines.length + 2)],
    ...extra,
  };
}

/** Writes the edge-case tree into `root` (which must exist and be empty). */
export function writeEdgeFixtures(root: string): void {
  const put = (rel: string, text: string | Buffer) => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  const withMap = (
    name: string,
    js: string,
    extra: Record<string, unknown> = {},
    ref = `${name.split('/').pop()}.map`,
  ) => {
    const text = `${js}\n//# sourceMappingURL=${ref}\n`;
    put(name, text);
    put(`${name}.map`, JSON.stringify(mapFor(text, extra)));
  };

  withMap('plain.js', 'var a=1;function b(){return a+1}b();');
  withMap('strict.js', '"use strict";var x=function(){throw new Error("x")};x();');
  withMap('single-quote.js', "'use strict';\nvar y=2;\nconsole.log(y);");
  withMap('shebang.cjs', '#!/usr/bin/env node\n"use strict";\nrequire("fs");');
  withMap('comments.mjs', '/*! © 2026 Ünïcode licence */\n// banner\n"use client";export const z=3;');
  withMap('client-only.js', '/** doc */"use client";export default 1;');
  withMap('crlf.js', '"use strict";\r\nvar c=1;\r\nconsole.log(c);\r');
  withMap('bom.js', '\ufeffvar bom=1;console.log(bom);');
  withMap('query.js', 'var q=1;', {}, 'query.js.map?v=3#frag');
  withMap('source-root.js', 'var s=1;s++;', {
    sourceRoot: '/app/',
    sourcesContent: [null],
    ignoreList: [0, 0],
    x_google_ignoreList: [0],
    names: [7, 'n'],
  });
  withMap('has-debugid.js', 'var d=1;', { debugId: '7d3f0c1a-2b4e-4f6a-9c8d-1e2f3a4b5c6d' });
  withMap('has-debug_id.js', 'var e=1;', { debug_id: '8E4A1B2C3D4E5F60718293A4B5C6D7E8' });
  withMap('empty-a.js', 'console.log(1)', { sources: [], names: [], mappings: '', sourcesContent: undefined });
  withMap('empty-b.js', 'console.log(22)', { sources: [], names: [], mappings: '', sourcesContent: undefined });
  withMap('no-trailing-newline.js', 'var t=1;');
  // Junk-prefixed map (XSSI guard) still counts as a map.
  put('junk.js', 'var j=1;\n//# sourceMappingURL=junk.js.map\n');
  put('junk.js.map', `)]}'\n${JSON.stringify(mapFor('var j=1;\n//# sourceMappingURL=junk.js.map\n'))}`);

  // Embedded data URL map, and one whose base64 is broken (skipped with a warning).
  {
    const code = '"use strict";var emb=1;console.log(emb);';
    const map = JSON.stringify(mapFor(code));
    put(
      'embedded.js',
      `${code}\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(map).toString('base64')}\n`,
    );
    put('embedded-bad.js', `var bad=1;\n//# sourceMappingURL=data:application/json;base64,@@not-base64@@\n`);
    put(
      'embedded-charset.js',
      `var cs=1;\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,${Buffer.from(map).toString('base64')}\n`,
    );
  }

  // No map at all; a comment naming a missing map; a remote map with a local sibling (guessed).
  put('nomap.js', 'function noMap(){return 42}\nnoMap();\n');
  put('missing.js', 'var m=1;\n//# sourceMappingURL=missing.js.map\n');
  put('remote.js', 'var r=1;\n//# sourceMappingURL=https://cdn.example.com/remote.js.map\n');
  put(
    'remote.js.map',
    JSON.stringify(mapFor('var r=1;\n//# sourceMappingURL=https://cdn.example.com/remote.js.map\n')),
  );

  // Sibling-name guesses: foo.min.js -> foo.map, and bar.min.js -> bar.js.map.
  put('guess/foo.min.js', 'var foo=1;');
  put('guess/foo.map', JSON.stringify(mapFor('var foo=1;')));
  put('guess/bar.min.js', 'var bar=2;');
  put('guess/bar.js.map', JSON.stringify(mapFor('var bar=2;')));

  // Already injected by an earlier run or a bundler.
  put('injected.js', 'var i=1;\n//# debugId=0c6f5a9e-1d2b-4c3a-8e7f-9a0b1c2d3e4f\n');

  // Indexed (sectioned) maps, with and without a use directive and a hashbang.
  for (const [name, code] of [
    ['indexed.js', 'var s1=1;\nvar s2=2;'],
    ['indexed-strict.js', '#!/usr/bin/env node\n"use strict";var s3=3;\nvar s4=4;'],
  ] as const) {
    const text = `${code}\n//# sourceMappingURL=${name}.map\n`;
    put(name, text);
    const lines = text.split('\n');
    put(
      `${name}.map`,
      JSON.stringify({
        version: 3,
        file: name,
        sections: [
          { offset: { line: 1, column: 0 }, map: mapFor(lines[1]!) },
          { offset: { line: 0, column: 0 }, map: mapFor(lines[0]!) },
        ],
      }),
    );
  }

  // Code and maps in sibling folders: code/page.js says `page.js.map`, the map sits in maps/.
  put('split/code/page.js', 'var page=1;\n//# sourceMappingURL=page.js.map\n');
  put('split/maps/page.js.map', JSON.stringify(mapFor('var page=1;\n//# sourceMappingURL=page.js.map\n')));

  // A map made for a longer build of the same file: its mappings run past the end of the script.
  put('stale.js', 'var st=1;\n//# sourceMappingURL=stale.js.map\n');
  put('stale.js.map', JSON.stringify(mapFor('var st=1;\n'.repeat(3) + 'x'.repeat(200))));

  // Not JavaScript by extension: left alone; hidden files are skipped.
  put('styles.css', 'body{}\n/*# sourceMappingURL=styles.css.map */\n');
  put('.hidden.js', 'var hidden=1;\n');
}
