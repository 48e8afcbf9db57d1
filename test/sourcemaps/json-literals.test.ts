// The sourcesContent literals inject copies from a map's own text: exactly JSON.stringify's bytes, or not used.
import { describe, expect, it } from 'vitest';
import { sourcesContentLiterals } from '../../src/sourcemaps/json-literals.ts';
import { decodeMapBytes, encodeMap, encodeMapBytes } from '../../src/sourcemaps/index.ts';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const texts = (found: Array<Uint8Array | undefined> | undefined) =>
  found?.map((l) => (l ? Buffer.from(l).toString('utf8') : undefined));

/** Deterministic pseudo-random numbers. */
function prng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) >>> 0;
    return seed / 4294967296;
  };
}

describe('sourcesContentLiterals', () => {
  it("finds each entry's literal when it is JSON.stringify's, for any string, compact or indented", () => {
    const rnd = prng(11);
    const alphabet = [
      'a',
      'Z',
      ' ',
      '"',
      '\\',
      '/',
      '\n',
      '\r',
      '\t',
      '\b',
      '\f',
      '\x01',
      '\x1f',
      '\x7f',
      'é',
      '€',
      '😀',
      '\u2028',
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
    ];
    for (let round = 0; round < 300; round++) {
      const contents = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () =>
        rnd() < 0.15
          ? null
          : Array.from({ length: Math.floor(rnd() * 40) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join(
              '',
            ),
      );
      const map = {
        version: 3,
        sources: contents.map((_, i) => `s${i}.ts`),
        sourcesContent: contents,
        names: ['"x"'],
        mappings: 'AAAA',
      };
      const json = JSON.stringify(map, null, round % 2 === 0 ? undefined : 2);
      expect(texts(sourcesContentLiterals(bytes(json)))).toEqual(
        contents.map((c) => (c === null ? undefined : JSON.stringify(c))),
      );
    }
  });

  it('leaves out a literal written with escapes JSON.stringify does not use', () => {
    const json = String.raw`{"sourcesContent":["a\/b","\u00e9","\u001F","\u000a","\ud83d\ude00","ok\u001f\n"],"sources":[]}`;
    expect(texts(sourcesContentLiterals(bytes(json)))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      String.raw`"ok\u001f\n"`,
    ]);
  });

  it('takes the last sourcesContent key, as JSON.parse does, and is not fooled by the key inside strings or nested objects', () => {
    const json = JSON.stringify({
      note: '"sourcesContent":["fake"]',
      x_facebook_sources: [[{ names: ['sourcesContent'], mappings: '' }]],
      nested: { sourcesContent: ['inner'] },
      sourcesContent: ['first'],
    }).replace(/}$/, ',"sourcesContent":["second",null]}');
    expect(texts(sourcesContentLiterals(bytes(json)))).toEqual(['"second"', undefined]);
  });

  it('gives up on an escaped key, a non-array value or text it does not follow', () => {
    expect(sourcesContentLiterals(bytes(String.raw`{"sources\u0043ontent":["a"]}`))).toBeUndefined();
    expect(sourcesContentLiterals(bytes('{"sourcesContent":"a"}'))).toBeUndefined();
    expect(sourcesContentLiterals(bytes('{"sources":["a"]}'))).toBeUndefined();
    expect(sourcesContentLiterals(bytes('["a"]'))).toBeUndefined();
    expect(sourcesContentLiterals(bytes('{"sourcesContent":["a"'))).toBeUndefined();
  });
});

describe('encodeMapBytes with the literals kept', () => {
  it('writes the same bytes as serialising every entry, whatever the map text looked like', () => {
    const rnd = prng(5);
    for (let round = 0; round < 100; round++) {
      const contents = Array.from({ length: 3 }, (_, i) =>
        i === 1 && rnd() < 0.3 ? null : `line ${round}\n\t"quoted" \\ é ${'x'.repeat(Math.floor(rnd() * 20))}`,
      );
      const map = {
        sourcesContent: contents,
        mappings: 'AAAA;AACA',
        version: 3,
        sources: ['a.ts', 'b.ts', 'c.ts'],
        names: [],
      };
      let json = JSON.stringify(map, null, round % 3 === 0 ? 1 : undefined);
      if (round % 4 === 0) json = json.replace('"line', String.raw`"\u006cine`); // one entry not in stringify's form
      const kept = decodeMapBytes(bytes(json), { keepSourcesContentText: true });
      const plain = decodeMapBytes(bytes(json));
      expect(encodeMapBytes(kept).equals(Buffer.from(encodeMap(plain)))).toBe(true);
      expect(encodeMap(kept)).toBe(encodeMap(plain));
    }
  });
});
