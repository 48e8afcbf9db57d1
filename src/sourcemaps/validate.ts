/**
 * `faultline sourcemaps check`: before anything is uploaded, does every built script have a source map (comment,
 * data URL, or sentry-cli's sibling-name rules), does the map parse, can its sources be resolved, and do a sample
 * of its mappings land inside the script and inside the original sources? The result is a plain report object;
 * `report.ts` renders it for a terminal and for a job summary.
 */
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { checkMappings, lineLengths, loadSources, regularMaps } from './mapping-check.ts';
import { type DecodedMap, decodeMapBytes } from './raw-map.ts';
import { resolveReferences, type ScannedBuild, scanBuild, type ScannedFile, type ScanOptions } from './scan.ts';
import { findMatchingPaths, normalizeSourcemapUrl } from './url-paths.ts';

export { checkMappings, type MappingCheck } from './mapping-check.ts';

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

export interface ValidateOptions extends Omit<ScanOptions, 'trustMapNames'> {
  /** Mappings sampled per map. Default 200. */
  sampleSize?: number;
  /** Report scripts without a `//# debugId=` (after inject they should all have one). */
  requireDebugIds?: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });
const DATA_URL = /^data:application\/json(?:;charset=[\w-]+)?;base64,/i;

/** What the checks of one run share. */
interface ValidateRun {
  build: ScannedBuild;
  /** Each script's map reference (see resolveReferences). */
  refs: Map<string, string | undefined>;
  report: SourcemapReport;
  sampleSize: number;
  requireDebugIds: boolean;
  find(kind: FindingKind, file: string, message: string, fix: string): void;
}

/** Validates the scripts and maps under `paths`. */
export async function validateSourcemaps(
  paths: string | readonly string[],
  opts: ValidateOptions = {},
): Promise<SourcemapReport> {
  const build = await scanBuild(paths, opts);
  const report: SourcemapReport = {
    paths: typeof paths === 'string' ? [paths] : [...paths],
    scripts: 0,
    maps: build.mapPaths.length,
    scriptsWithMap: 0,
    scriptsWithDebugId: 0,
    bytes: 0,
    files: [],
    findings: [],
    ok: true,
  };
  const run: ValidateRun = {
    build,
    // A script whose sibling map is ambiguous gets no reference and is reported below as missing-map; inject and
    // upload warn about the ambiguity itself.
    refs: resolveReferences(build.files, () => {}),
    report,
    sampleSize: opts.sampleSize ?? 200,
    requireDebugIds: opts.requireDebugIds === true,
    find: (kind, file, message, fix) => report.findings.push({ kind, file, message, fix }),
  };
  for (const file of build.files) if (isScript(file, build.jsExtensions)) await checkScript(run, file);
  if (report.scripts === 0)
    run.find(
      'no-files',
      report.paths.join(', '),
      `no ${build.jsExtensions.join('/')} files found`,
      'check the paths (they are relative to the working directory) and that the build ran first',
    );
  report.ok = report.findings.length === 0;
  return report;
}

function isScript(file: ScannedFile, jsExtensions: readonly string[]): boolean {
  if (file.isMap) return false;
  const name = file.path.slice(file.path.lastIndexOf('/') + 1);
  return jsExtensions.some((e) => name.endsWith(`.${e}`));
}

/** One script: its debug ID, its map, and whether the map fits it. */
async function checkScript(run: ValidateRun, file: ScannedFile): Promise<void> {
  const bytes = await readFile(file.absolutePath);
  run.report.scripts++;
  run.report.bytes += bytes.length;
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
    run.report.scriptsWithDebugId++;
  } else if (run.requireDebugIds) {
    run.find(
      'no-debug-id',
      file.path,
      'has no //# debugId comment',
      'run `faultline sourcemaps inject` on the build first',
    );
  }
  run.report.files.push(check);
  const found = await readScriptMap(run, file, check);
  if (!found) return;
  let map: DecodedMap;
  try {
    map = decodeMapBytes(found.bytes);
  } catch (e) {
    run.find(
      'invalid-map',
      file.path,
      `map ${check.map} does not parse: ${(e as Error).message}`,
      'regenerate the map',
    );
    return;
  }
  run.report.scriptsWithMap++;
  await checkMapFits(run, file, check, map, found.dir, utf8.decode(bytes));
}

/** The script's map bytes and the folder its relative sources start from; a finding when there is none to read. */
async function readScriptMap(
  run: ValidateRun,
  file: ScannedFile,
  check: ScriptCheck,
): Promise<{ bytes: Uint8Array; dir: string } | undefined> {
  const reference = run.refs.get(file.path);
  if (reference === undefined) {
    reportNoMap(run, file);
    return undefined;
  }
  const dataUrl = DATA_URL.exec(reference);
  if (dataUrl) {
    check.mapKind = 'embedded';
    check.map = 'data: URL';
    return { bytes: Buffer.from(reference.slice(dataUrl[0].length), 'base64'), dir: dirname(file.absolutePath) };
  }
  const normalized = normalizeSourcemapUrl(file.path, reference);
  const matches = findMatchingPaths(run.build.mapPaths, normalized);
  const mapPath = matches.length === 1 ? matches[0]! : normalized;
  const mapFile = run.build.byPath.get(mapPath);
  check.mapKind = file.location !== undefined ? 'external' : 'guessed';
  check.map = mapPath;
  if (!mapFile) {
    run.find(
      'map-not-found',
      file.path,
      `names ${reference.length > 120 ? `${reference.slice(0, 117)}...` : reference}, which is not in the build`,
      'upload the directory that holds the maps too, or fix the sourceMappingURL',
    );
    return undefined;
  }
  return { bytes: await readFile(mapFile.absolutePath), dir: dirname(mapFile.absolutePath) };
}

/** A script without a map reference: a remote map, or none at all. */
function reportNoMap(run: ValidateRun, file: ScannedFile): void {
  if (file.remoteLocation !== undefined)
    run.find(
      'remote-map',
      file.path,
      `names a map that is not in the build (${file.remoteLocation.slice(0, 120)})`,
      'emit the map next to the script (a relative sourceMappingURL) so it can be uploaded',
    );
  else if (file.location === undefined)
    run.find(
      'missing-map',
      file.path,
      'has no source map (no sourceMappingURL comment and no sibling .map file)',
      'turn on source maps in the bundler (e.g. `build.sourcemap: true` / `devtool: "source-map"`)',
    );
}

/** Samples each regular map inside `map` against the script's lines and its sources' lines. */
async function checkMapFits(
  run: ValidateRun,
  file: ScannedFile,
  check: ScriptCheck,
  map: DecodedMap,
  mapDir: string,
  scriptText: string,
): Promise<void> {
  const scriptLines = lineLengths(scriptText);
  for (const { map: part, lineOffset } of regularMaps(map)) {
    const sources = await loadSources(part, mapDir);
    check.sources += part.sources.length;
    check.sourcesResolved += sources.resolved;
    // A section's lines count from its offset (its first line's column offset is ignored: a loose check).
    const m = checkMappings(part, scriptLines.slice(lineOffset), sources.lines, run.sampleSize);
    check.mappingsChecked += m.checked;
    check.mappingsBad += m.outsideScript + m.outsideSource;
    if (m.outsideScript > 0)
      run.find(
        'mapping-outside-script',
        file.path,
        `${m.outsideScript} of ${m.checked} sampled mappings point outside the script (${m.firstBad})`,
        'the map belongs to another build of this file: rebuild both together',
      );
    else if (m.outsideSource > 0)
      run.find(
        'mapping-outside-source',
        file.path,
        `${m.outsideSource} of ${m.checked} sampled mappings point outside their original source (${m.firstBad})`,
        'the sources changed after the build, or sourcesContent is stale: rebuild',
      );
  }
  if (check.sourcesResolved < check.sources)
    run.find(
      'unresolved-sources',
      file.path,
      `${check.sources - check.sourcesResolved} of ${check.sources} sources have no sourcesContent and are not on disk`,
      'enable sourcesContent in the bundler so Sentry can show the original code',
    );
}
