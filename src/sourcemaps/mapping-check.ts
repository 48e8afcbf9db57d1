/**
 * Do a map's mappings fit the script and its original sources? A sample of each map's tokens is held against the
 * line lengths of both: a map from another build of the file points past the ends of lines.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { type DecodedMap, NONE, type RegularMap } from './raw-map.ts';

/** Line lengths in UTF-16 units (the unit of source-map columns). */
export function lineLengths(text: string): number[] {
  return text.split('\n').map((l) => l.length);
}

/** Evenly spaced token indexes, at most `n`. */
function sampleIndexes(count: number, n: number): number[] {
  if (count <= n) return Array.from({ length: count }, (_, i) => i);
  return Array.from({ length: n }, (_, i) => Math.floor((i * count) / n));
}

export interface MappingCheck {
  checked: number;
  outsideScript: number;
  outsideSource: number;
  firstBad?: string;
}

/**
 * Pure: checks a sample of a regular map's tokens against the script's and sources' line lengths
 * (`sourceLines[i]` undefined when that source's text is unknown, which skips the source-side check).
 */
export function checkMappings(
  map: RegularMap,
  scriptLines: readonly number[],
  sourceLines: ReadonlyArray<readonly number[] | undefined>,
  sampleSize: number,
): MappingCheck {
  const t = map.tokens;
  const result: MappingCheck = { checked: 0, outsideScript: 0, outsideSource: 0 };
  for (const i of sampleIndexes(t.length, sampleSize)) {
    result.checked++;
    const line = t.dstLine[i]!;
    const col = t.dstCol[i]!;
    if (line >= scriptLines.length || col > scriptLines[line]!) {
      result.outsideScript++;
      result.firstBad ??= `generated ${line + 1}:${col} is past the end of the script`;
      continue;
    }
    if (t.srcId[i] === NONE) continue;
    const lines = sourceLines[t.srcId[i]!];
    if (!lines) continue;
    const sl = t.srcLine[i]!;
    const sc = t.srcCol[i]!;
    if (sl >= lines.length || sc > lines[sl]!) {
      result.outsideSource++;
      result.firstBad ??= `${map.sources[t.srcId[i]!]} ${sl + 1}:${sc} is past the end of that source`;
    }
  }
  return result;
}

/** The regular maps inside a map, each with the line its section starts at in the script. */
export function regularMaps(map: DecodedMap, lineOffset = 0): Array<{ map: RegularMap; lineOffset: number }> {
  if (map.kind === 'regular') return [{ map, lineOffset }];
  return map.sections.flatMap((s) => (s.map ? regularMaps(s.map, lineOffset + s.line) : []));
}

export async function loadSources(
  map: RegularMap,
  mapDir: string | undefined,
): Promise<{ resolved: number; lines: Array<number[] | undefined> }> {
  let resolved = 0;
  const lines: Array<number[] | undefined> = [];
  for (let i = 0; i < map.sources.length; i++) {
    const content = map.sourcesContent?.[i];
    if (typeof content === 'string') {
      resolved++;
      lines.push(lineLengths(content));
      continue;
    }
    const source = map.sources[i]!;
    const root = map.sourceRoot ?? '';
    const rel = `${root}${root && !root.endsWith('/') ? '/' : ''}${source}`.replace(/^file:\/\//, '');
    const candidate = mapDir === undefined ? undefined : isAbsolute(rel) ? rel : join(mapDir, rel);
    if (candidate && existsSync(candidate)) {
      resolved++;
      lines.push(lineLengths(await readFile(candidate, 'utf8')));
    } else lines.push(undefined);
  }
  return { resolved, lines };
}
