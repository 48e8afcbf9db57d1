/**
 * Source maps written exactly as sentry-cli 3.8 writes them (rust-sourcemap 9.3 `DecodedMap::to_writer`): compact
 * serde JSON, RawSourceMap key order, unknown keys dropped. Byte parity matters because inject rewrites every map
 * and re-encodes embedded ones into the JavaScript file.
 */
import { encodeMappings } from './mappings-codec.ts';
import type { DecodedMap } from './raw-map.ts';

const str = (s: string) => JSON.stringify(s);

function facebookSourcesJson(v: unknown): string {
  // serde re-serialises Vec<Option<Vec<{names, mappings}>>>, dropping unknown keys.
  if (!Array.isArray(v)) return 'null';
  return `[${v
    .map((entry) =>
      Array.isArray(entry)
        ? `[${entry
            .map(
              (m: Record<string, unknown>) =>
                `{"names":${JSON.stringify(m.names ?? [])},"mappings":${str(String(m.mappings ?? ''))}}`,
            )
            .join(',')}]`
        : 'null',
    )
    .join(',')}]`;
}

/** Serialises like `sourcemap::DecodedMap::to_writer` (compact serde JSON, RawSourceMap key order). */
export function encodeMap(map: DecodedMap): string {
  const pieces = encodePieces(map);
  if (pieces.length === 1) return pieces[0] as string;
  const utf8 = new TextDecoder();
  return pieces.map((p) => (typeof p === 'string' ? p : utf8.decode(p))).join('');
}

/** `encodeMap` as UTF-8 bytes; the `sourcesContent` literals kept from the map's own text are copied, not re-encoded. */
export function encodeMapBytes(map: DecodedMap): Buffer {
  return Buffer.concat(encodePieces(map).map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
}

/** The serialised map as text, with kept `sourcesContent` literals as bytes between the pieces of text. */
function encodePieces(map: DecodedMap): Array<string | Uint8Array> {
  const pieces: Array<string | Uint8Array> = [];
  let text = '{"version":3';
  if (map.file !== undefined) text += `,"file":${str(map.file)}`;
  if (map.kind === 'index') {
    const sections = map.sections.map(
      (s) =>
        `{"offset":{"line":${s.line},"column":${s.column}},"url":${s.url === null ? 'null' : str(s.url)},"map":${
          s.map ? encodeMap(s.map) : 'null'
        }}`,
    );
    // `sources` has no skip-if-none in RawSourceMap, so an index map says `"sources":null`.
    text += `,"sources":null,"sections":[${sections.join(',')}]`;
  } else {
    text += `,"sources":[${map.sources.map(str).join(',')}]`;
    if (map.sourceRoot !== undefined) text += `,"sourceRoot":${str(map.sourceRoot)}`;
    const contents = map.sourcesContent ?? [];
    if (contents.some((c) => c !== null && c !== undefined)) {
      text += ',"sourcesContent":[';
      for (let i = 0; i < map.sources.length; i++) {
        if (i > 0) text += ',';
        const c = contents[i];
        const literal = c === null || c === undefined ? undefined : map.sourcesContentText?.[i];
        if (literal) {
          pieces.push(text, literal);
          text = '';
        } else text += c === null || c === undefined ? 'null' : str(c);
      }
      text += ']';
    }
    text += `,"names":[${map.names.map(str).join(',')}]`;
    text += `,"mappings":${str(map.mappings ?? encodeMappings(map.tokens))}`;
    if (map.ignoreList.length > 0) text += `,"ignoreList":[${map.ignoreList.join(',')}]`;
    if (map.facebookSources !== undefined) text += `,"x_facebook_sources":${facebookSourcesJson(map.facebookSources)}`;
  }
  if (map.debugId) text += `,"debugId":${str(map.debugId)}`;
  pieces.push(`${text}}`);
  return pieces;
}
