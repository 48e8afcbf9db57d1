/**
 * The source-map step on top of src/sourcemaps: check the build (before touching it), inject debug IDs, upload the
 * artifact bundle, and optionally delete the maps. A dry run injects into a temporary copy and sends nothing.
 */
import { cp, rm } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import {
  collectUploadFiles,
  discoverFiles,
  type Finding,
  formatBytes,
  injectDebugIds,
  type InjectResult,
  makeTempDir,
  parseUploadTargets,
  renderReportMarkdown,
  type SourcemapReport,
  type UploadGroup,
  type UploadOptions,
  uploadProgress,
  uploadSourcemaps,
  validateSourcemaps,
} from '../sourcemaps/index.ts';
import type { SentryClient } from '../sentry/index.ts';
import { ReleaseStepError } from './errors.ts';
import type { SourcemapsContext, SourcemapsOutcome, SourcemapsRequest, SourcemapsRunner } from './sourcemaps-port.ts';

/** Findings listed one by one as warnings; the rest are counted. */
const WARNINGS_LISTED = 5;

/** Sends (or in a dry run plans) the checked, injected build; `paths` follow the temporary copy in a dry run. */
export interface SourcemapsUploader {
  (
    req: SourcemapsRequest,
    paths: string[],
    cwd: string,
    ctx: Parameters<SourcemapsRunner>[1],
  ): Promise<Omit<SourcemapsOutcome, 'detail' | 'findings' | 'findingsMarkdown'> & { detail: string }>;
}

/** `dist:web` names the project of a folder (monorepos); a trailing `:slug` is not part of the path. */
export function targetPath(entry: string): string {
  return parseUploadTargets([entry], [])[0]?.paths[0] ?? entry;
}

/** The step as the action and the CLI run it; tests pass their own upload to see what would be sent. */
export function createSourcemapsRunner(upload: SourcemapsUploader): SourcemapsRunner {
  const run: SourcemapsRunner = async (request, ctx) => {
    const req = { ...request, paths: request.paths.map(targetPath) };
    const workspace = await dryRunWorkspace(req);
    try {
      const cwd = workspace?.cwd ?? req.cwd;
      const paths = workspace?.paths ?? req.paths;
      const report = (request.checked as SourcemapReport | undefined) ?? (await checkBuild(request, ctx));
      const injected = req.options.inject ? await inject(req, paths, cwd, !workspace, ctx) : undefined;
      // Upload groups keep `dir:project` pairs; their paths follow the copy in a dry run.
      const copiedPaths = new Map(req.paths.map((p, i) => [p, paths[i]!]));
      const targets = request.paths.map((entry) =>
        entry.replace(targetPath(entry), copiedPaths.get(targetPath(entry))!),
      );
      const sent = await upload(req, targets, cwd, ctx);
      const checked = `${report.scripts} script(s), ${report.scriptsWithMap} with a map, ${report.findings.length} finding(s)`;
      return {
        ...sent,
        injected: injected ? injected.injected.length + injected.previouslyInjected.length : 0,
        findings: report,
        findingsMarkdown: renderReportMarkdown(report),
        detail: `${checked}; ${sent.detail}`,
      };
    } finally {
      if (workspace) await rm(workspace.cwd, { recursive: true, force: true });
    }
  };
  run.check = checkBuild;
  return run;
}

/**
 * The check before anything is modified or sent: a build with no JavaScript or no map at all fails (unless
 * allow_missing_sourcemaps), and under strict any finding fails. It reads the build where it is (relative
 * `sources` may point outside the folders a dry run copies).
 */
export async function checkBuild(request: SourcemapsRequest, ctx: SourcemapsContext): Promise<SourcemapReport> {
  const req = { ...request, paths: request.paths.map(targetPath) };
  const report = await validateSourcemaps(req.paths, { cwd: req.cwd, ...discovery(req) });
  requireMaps(report, req, ctx.warn);
  reportFindings(report, req, ctx.warn);
  return report;
}

/** No JavaScript, or no map for any script: the upload would leave stack traces unreadable. */
function requireMaps(report: SourcemapReport, req: SourcemapsRequest, warn: (line: string) => void): void {
  const where = `${req.paths.map((p) => `"${p}"`).join(', ')} (in ${req.cwd})`;
  const extensions = (req.options.extensions ?? ['js', 'cjs', 'mjs']).map((e) => `.${e}`).join(' ');
  const problem =
    report.scripts === 0
      ? {
          message: `sourcemaps: no JavaScript (${extensions}) found under ${where}`,
          fix:
            'Build before this step and point the `sourcemaps` input at the build output (relative to ' +
            'working_directory; `ext` names other extensions)',
        }
      : report.scriptsWithMap === 0
        ? {
            message: `sourcemaps: none of the ${report.scripts} script(s) under ${where} has a source map`,
            fix:
              "Turn source maps on in the bundler (Vite build.sourcemap: true, webpack devtool: 'source-map', " +
              'esbuild --sourcemap) and build before this step',
          }
        : undefined;
  if (!problem) return;
  if (req.options.allowMissing && !req.options.strict) {
    warn(`${problem.message} (allow_missing_sourcemaps is set)`);
    return;
  }
  throw new ReleaseStepError(
    'sourcemaps',
    problem.message,
    `${problem.fix}; set allow_missing_sourcemaps: true if a build may have none`,
  );
}

/**
 * A dry run injects into a temporary copy of the build. Globs cannot be copied as such: with one, there is no copy
 * and inject only computes (writes nothing).
 */
async function dryRunWorkspace(req: SourcemapsRequest): Promise<{ cwd: string; paths: string[] } | undefined> {
  const hasGlob = req.paths.some((p) => /[*?[\]{}]/.test(p));
  return req.dryRun && req.options.inject && !hasGlob ? temporaryCopy(req.paths, req.cwd) : undefined;
}

/** Injects debug IDs into `paths`: the build itself (`inBuild`, where a dry run writes nothing) or its copy. */
async function inject(
  req: SourcemapsRequest,
  paths: string[],
  cwd: string,
  inBuild: boolean,
  ctx: Parameters<SourcemapsRunner>[1],
): Promise<InjectResult> {
  const injected = await injectDebugIds(paths, { cwd, dryRun: req.dryRun && inBuild, ...discovery(req) });
  for (const warning of injected.warnings) ctx.warn(`sourcemaps: ${warning}`);
  ctx.log(
    `sourcemaps: debug IDs injected into ${injected.injected.length} file(s)` +
      (injected.previouslyInjected.length ? `, ${injected.previouslyInjected.length} already had one` : '') +
      (req.dryRun ? ' (dry run: the build is not modified)' : ''),
  );
  return injected;
}

/** The `ext` and `ignore` inputs, as the check and the injection take them. */
function discovery(req: SourcemapsRequest): { extensions?: string[]; ignore: string[] } {
  return { ignore: req.options.ignore, ...(req.options.extensions ? { extensions: req.options.extensions } : {}) };
}

/** Strict: any finding fails the step (nothing was modified or sent yet). Otherwise: warnings. */
function reportFindings(report: SourcemapReport, req: SourcemapsRequest, warn: (line: string) => void): void {
  if (report.findings.length === 0) return;
  if (req.options.strict) {
    const first = report.findings[0]!;
    throw new ReleaseStepError(
      'sourcemaps',
      `sourcemaps: ${report.findings.length} problem(s) in ${req.paths.join(', ')}, e.g. ${first.file}: ${first.message}`,
      `${first.fix} (strict: true stops before anything is modified or uploaded; the job summary lists every problem)`,
    );
  }
  for (const finding of report.findings.slice(0, WARNINGS_LISTED)) warn(describe(finding));
  if (report.findings.length > WARNINGS_LISTED) {
    warn(`sourcemaps: ${report.findings.length - WARNINGS_LISTED} more finding(s); see the job summary`);
  }
}

function describe(f: Finding): string {
  return `sourcemaps: ${f.file}: ${f.message} (${f.fix})`;
}

/**
 * Copies the named directories and files (not globs, which stay where they are) into a temporary directory with
 * the same layout relative to cwd, so a dry run can inject without touching the build.
 */
async function temporaryCopy(paths: string[], cwd: string): Promise<{ cwd: string; paths: string[] }> {
  const dir = await makeTempDir('faultline-dry-run-');
  const copied: string[] = [];
  for (const [i, path] of paths.entries()) {
    const source = resolve(cwd, path);
    const rel = relative(cwd, source);
    const inside = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : `outside-${i}`;
    await cp(source, join(dir, inside), { recursive: true, dereference: true });
    copied.push(inside);
  }
  return { cwd: dir, paths: copied };
}

/** Sends the checked, injected build as artifact bundles (one per project group), or plans it in a dry run. */
export const uploadToSentry: SourcemapsUploader = async (req, targets, cwd, ctx) => {
  const groups = await stripCommonPrefixes(parseUploadTargets(targets, req.projects), cwd, {
    enabled: req.options.stripCommonPrefix,
    ignore: req.options.ignore,
  });
  const opts: UploadOptions = {
    cwd,
    groups,
    release: req.version,
    ...(req.options.dist ? { dist: req.options.dist } : {}),
    ...(req.options.urlPrefix ? { urlPrefix: req.options.urlPrefix } : {}),
    ...(req.options.urlSuffix ? { urlSuffix: req.options.urlSuffix } : {}),
    ...(req.options.extensions ? { extensions: [...req.options.extensions, 'map'] } : {}),
    ignore: req.options.ignore,
    wait: req.options.wait,
    deleteAfterUpload: req.options.deleteAfterUpload && !req.dryRun,
    strict: req.options.strict,
    log: ctx.log,
    ...(ctx.progress ? { progress: uploadProgress(ctx.progress) } : {}),
  };
  return ctx.client ? upload(ctx.client, opts) : planUpload(opts);
};

/** The step as the action and the CLI run it: check, inject, upload to Sentry. */
export const sourcemapsStep: SourcemapsRunner = createSourcemapsRunner(uploadToSentry);

type UploadOutcome = Awaited<ReturnType<SourcemapsUploader>>;

async function upload(client: SentryClient, opts: UploadOptions): Promise<UploadOutcome> {
  const summary = await uploadSourcemaps(client, opts);
  return {
    ...(summary.bundleId ? { bundleId: summary.bundleId } : {}),
    filesUploaded: summary.filesUploaded,
    bytesUploaded: summary.bytesUploaded,
    chunksSent: summary.chunksSent,
    chunksSkipped: summary.chunksSkipped,
    detail:
      `uploaded ${summary.filesUploaded} file(s) as ${summary.mode === 'release-files' ? 'release files' : 'artifact bundle'}` +
      (summary.bundleId ? ` ${summary.bundleId}` : '') +
      `, ${formatBytes(summary.bytesUploaded)} sent, ${summary.chunksSkipped} chunk(s) already in Sentry, state ${summary.state}` +
      (summary.deletedMaps.length ? `, ${summary.deletedMaps.length} map(s) deleted` : ''),
  };
}

/** A dry run: what would be uploaded, nothing sent. */
async function planUpload(opts: UploadOptions): Promise<UploadOutcome> {
  let files = 0;
  let bytes = 0;
  for (const group of opts.groups) {
    const collected = await collectUploadFiles(group.paths, opts);
    files += collected.length;
    bytes += collected.reduce((n, f) => n + f.bytes, 0);
  }
  return {
    filesUploaded: 0,
    bytesUploaded: 0,
    chunksSent: 0,
    chunksSkipped: 0,
    detail: `dry run: would upload ${files} file(s) (${formatBytes(bytes)}) in ${opts.groups.length} artifact bundle(s)`,
  };
}

/**
 * strip_common_prefix: a directory whose files all sit below one common subfolder is uploaded from that subfolder,
 * so `build/static/js/app.js` becomes `~/app.js` rather than `~/static/js/app.js`.
 */
async function stripCommonPrefixes(
  groups: UploadGroup[],
  cwd: string,
  opts: { enabled: boolean; ignore: string[] },
): Promise<UploadGroup[]> {
  if (!opts.enabled) return groups;
  const out: UploadGroup[] = [];
  for (const group of groups) {
    const paths: string[] = [];
    for (const path of group.paths) {
      const files = /[*?[\]{}]/.test(path) ? [] : await discoverFiles([path], { cwd, ignore: opts.ignore });
      const dirs = files.map((f) => f.relative.split('/').slice(0, -1));
      let common = dirs[0] ?? [];
      for (const d of dirs) {
        let i = 0;
        while (i < common.length && common[i] === d[i]) i++;
        common = common.slice(0, i);
      }
      paths.push(common.length ? `${path.replace(/[\\/]+$/, '')}/${common.join('/')}` : path);
    }
    out.push({ ...group, paths });
  }
  return out;
}
