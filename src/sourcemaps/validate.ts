/**
 * `faultline sourcemaps check`: before anything is uploaded, does every built script have a source map (comment,
 * data URL, or sentry-cli's sibling-name rules), does the map parse, can its sources be resolved, and do a sample
 * of its mappings land inside the script and inside the original sources? The result is a plain report object;
 * `report.ts` renders it for a terminal and for a job summary.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { type DiscoverOptions, discoverFiles } from './discover.ts';
import { DEFAULT_JS_EXTENSIONS, resolveReferences, type ScannedFile, scanFile } from './inject.ts';
import { type DecodedMap, decodeMapBytes, NONE, type RegularMap } from './raw-map.ts';
import { findMatchingPaths, normalizeSourcemapUrl } from './url-paths.ts';

export type FindingKind =
  | 'no-files'
  | 'missing-map'
  | 'remote-map'
  | 'map-not-found'
  | 'invalid-map'
  | 'unresolved-sources'
  | 'mapping-outside-script'
  | 'mapping-outside-source'
  | 'no-debug-id';

export interface Finding {
  kind: FindingKind;
  /** The script (or map) the finding is about, as discovered. */
  file: string;
  message: string;
  /** What to do about it. */
  fix: string;
}

export type MapKind = 'external' | 'embedded' | 'guessed' | 'none';

export interface ScriptCheck {
  path: string;
  bytes: number;
  mapKind: MapKind;
  map?: string;
  debugId?: string;
  sources: number;
  sourcesResolved: number;
  mappingsChecked: number;
  mappingsBad: number;
}

export interface SourcemapReport {
  paths: string[];
  scripts: number;
  maps: number;
  scriptsWithMap: number;
  scriptsWithDebugId: number;
  bytes: number;
  files: ScriptCheck[];
  findings: Finding[];
  /** True when there is nothing to report. */
  ok: boolean;
}

export interface ValidateOptions extends Omit<DiscoverOptions, 'extensions'> {
  /** JavaScript extensions; default js cjs mjs. */
  extensions?: readonly string[];
  /** Mappings sampled per map. Default 200. */
  sampleSize?: number;
  /** Report scripts without a `//# debugId=` (after inject they should all have one). */
  requireDebugIds?: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** Line lengths in UTF-16 units (the unit of source-map columns). */
function lineLengths(text: string): number[] {
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
function regularMaps(map: DecodedMap, lineOffset = 0): Array<{ map: RegularMap; lineOffset: number }> {
  if (map.kind === 'regular') return [{ map, lineOffset }];
  return map.sections.flatMap((s) => (s.map ? regularMaps(s.map, lineOffset + s.line) : []));
}

async function loadSources(
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

/** Validates the scripts and maps under `paths`. */
export async function validateSourcemaps(
  paths: string | readonly string[],
  opts: ValidateOptions = {},
): Promise<SourcemapReport> {
  const jsExtensions = (opts.extensions ?? DEFAULT_JS_EXTENSIONS).map((e) => e.replace(/^\./, ''));
  const sampleSize = opts.sampleSize ?? 200;
  const discovered = await discoverFiles(paths, { ...opts, extensions: [...jsExtensions, 'map'] });
  const scanned: ScannedFile[] = [];
  for (const f of discovered) scanned.push(await scanFile(f));
  const byPath = new Map(scanned.map((f) => [f.path, f]));
  const mapUrls = scanned
    .filter((f) => f.isMap)
    .map((f) => f.path)
    .sort();
  const warnings: string[] = [];
  const refs = resolveReferences(scanned, (w) => warnings.push(w));
  const report: SourcemapReport = {
    paths: typeof paths === 'string' ? [paths] : [...paths],
    scripts: 0,
    maps: mapUrls.length,
    scriptsWithMap: 0,
    scriptsWithDebugId: 0,
    bytes: 0,
    files: [],
    findings: [],
    ok: true,
  };
  const find = (kind: FindingKind, file: string, message: string, fix: string) =>
    report.findings.push({ kind, file, message, fix });

  for (const file of scanned) {
    if (file.isMap) continue;
    const name = file.path.slice(file.path.lastIndexOf('/') + 1);
    if (!jsExtensions.some((e) => name.endsWith(`.${e}`))) continue;
    const bytes = await readFile(file.absolutePath);
    report.scripts++;
    report.bytes += bytes.length;
    const text = utf8.decode(bytes);
    const check: ScriptCheck = {
      path: file.path,
      bytes: bytes.length,
      mapKind: 'none',
      sources: 0,
      sourcesResolved: 0,
      mappingsChecked: 0,
      mappingsBad: 0,
    };
    if (file.debugId) {
      check.debugId = file.debugId;
      report.scriptsWithDebugId++;
    } else if (opts.requireDebugIds) {
      find(
        'no-debug-id',
        file.path,
        'has no //# debugId comment',
        'run `faultline sourcemaps inject` on the build first',
      );
    }
    report.files.push(check);
    const reference = refs.get(file.path);
    if (reference === undefined) {
      if (file.remoteLocation !== undefined)
        find(
          'remote-map',
          file.path,
          `names a map that is not in the build (${file.remoteLocation.slice(0, 120)})`,
          'emit the map next to the script (a relative sourceMappingURL) so it can be uploaded',
        );
      else if (file.location !== undefined) {
        // A local reference the walk did not find (handled below as map-not-found).
      } else
        find(
          'missing-map',
          file.path,
          'has no source map (no sourceMappingURL comment and no sibling .map file)',
          'turn on source maps in the bundler (e.g. `build.sourcemap: true` / `devtool: "source-map"`)',
        );
      continue;
    }
    let mapBytes: Uint8Array;
    let mapDir: string | undefined;
    const dataUrl = /^data:application\/json(?:;charset=[\w-]+)?;base64,/i.exec(reference);
    if (dataUrl) {
      check.mapKind = 'embedded';
      mapBytes = Buffer.from(reference.slice(dataUrl[0].length), 'base64');
      mapDir = dirname(file.absolutePath);
      check.map = 'data: URL';
    } else {
      const normalized = normalizeSourcemapUrl(file.path, reference);
      const matches = findMatchingPaths(mapUrls, normalized);
      const mapPath = matches.length === 1 ? matches[0]! : normalized;
      const mapFile = byPath.get(mapPath);
      check.mapKind = file.location !== undefined ? 'external' : 'guessed';
      check.map = mapPath;
      if (!mapFile) {
        find(
          'map-not-found',
          file.path,
          `names ${reference.length > 120 ? `${reference.slice(0, 117)}...` : reference}, which is not in the build`,
          'upload the directory that holds the maps too, or fix the sourceMappingURL',
        );
        continue;
      }
      mapBytes = await readFile(mapFile.absolutePath);
      mapDir = dirname(mapFile.absolutePath);
    }
    let map: DecodedMap;
    try {
      map = decodeMapBytes(mapBytes);
    } catch (e) {
      find('invalid-map', file.path, `map ${check.map} does not parse: ${(e as Error).message}`, 'regenerate the map');
      continue;
    }
    report.scriptsWithMap++;
    const scriptLines = lineLengths(text);
    for (const { map: part, lineOffset } of regularMaps(map)) {
      const sources = await loadSources(part, mapDir);
      check.sources += part.sources.length;
      check.sourcesResolved += sources.resolved;
      // A section's lines count from its offset (its first line's column offset is ignored: a loose check).
      const m = checkMappings(part, scriptLines.slice(lineOffset), sources.lines, sampleSize);
      check.mappingsChecked += m.checked;
      check.mappingsBad += m.outsideScript + m.outsideSource;
      if (m.outsideScript > 0)
        find(
          'mapping-outside-script',
          file.path,
          `${m.outsideScript} of ${m.checked} sampled mappings point outside the script (${m.firstBad})`,
          'the map belongs to another build of this file: rebuild both together',
        );
      else if (m.outsideSource > 0)
        find(
          'mapping-outside-source',
          file.path,
          `${m.outsideSource} of ${m.checked} sampled mappings point outside their original source (${m.firstBad})`,
          'the sources changed after the build, or sourcesContent is stale: rebuild',
        );
    }
    if (check.sourcesResolved < check.sources)
      find(
        'unresolved-sources',
        file.path,
        `${check.sources - check.sourcesResolved} of ${check.sources} sources have no sourcesContent and are not on disk`,
        'enable sourcesContent in the bundler so Sentry can show the original code',
      );
  }
  if (report.scripts === 0)
    find(
      'no-files',
      report.paths.join(', '),
      `no ${jsExtensions.join('/')} files found`,
      'check the paths (they are relative to the working directory) and that the build ran first',
    );
  report.ok = report.findings.length === 0;
  return report;
}
