// `npm run bench -- sourcemaps [--rounds 5] [--sizes 1,4,16] [--large] [--mb N] [--keep]`
// Generates (once, under bench/.corpus/) a build of minified scripts with source maps of at least 25 MB (200 MB with
// --large; --sizes multiplies it, one table per size, fewer rounds for the larger ones), starts the Sentry emulator,
// and in one run alternates, on fresh copies of the build:
//   sentry-cli 3.8.0: `sourcemaps inject DIR` then `sourcemaps upload DIR --release R --wait`
//   faultline:        `sourcemaps upload DIR --inject --release R --wait` (one process, as the action and
//                     `faultline release` run it), and also as two commands like sentry-cli's
// each as its own process (a CLI against a CLI), then a re-upload of the unchanged build as a fresh CI runner does
// it (an empty $TMPDIR, so nothing remembered from the upload). Prints medians, the ratio faultline/sentry-cli of
// wall time, CPU time and peak RSS (GNU time), bytes sent (chunks the server received, as received), inject alone
// and the fresh re-upload, and the floor: the time to read, SHA-1 and deflate the corpus once in this process.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { deflateRaw } from 'node:zlib';
import type { SourceMapSegment } from '@jridgewell/sourcemap-codec';

const run = promisify(execFile);
const deflate = promisify(deflateRaw);
const HERE = fileURLToPath(new URL('.', import.meta.url));
const REPO = join(HERE, '..');
const SENTRY_CLI = join(REPO, 'node_modules', '.bin', 'sentry-cli');
const SELF = fileURLToPath(import.meta.url);
const GNU_TIME = '/usr/bin/time';

/** Deterministic pseudo-random numbers, so the corpus is the same on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'user',
  'order',
  'cart',
  'price',
  'total',
  'item',
  'state',
  'props',
  'render',
  'fetch',
  'value',
  'index',
];

/** One module: original TypeScript-ish source, its minified form and a map with a segment per token. */
function makeModule(
  encode: (m: SourceMapSegment[][]) => string,
  k: number,
  targetJsBytes: number,
): { js: string; map: string } {
  const rnd = prng(k + 1);
  const srcLines: string[] = [];
  const jsLines: string[] = [];
  const mappings: SourceMapSegment[][] = [];
  const names: string[] = [];
  const nameIndex = new Map<string, number>();
  let jsBytes = 0;
  let line: string[] = [];
  let col = 0;
  let segs: SourceMapSegment[] = [];
  let fn = 0;
  while (jsBytes < targetJsBytes) {
    const name = `${WORDS[Math.floor(rnd() * WORDS.length)]}${WORDS[Math.floor(rnd() * WORDS.length)]!.toUpperCase()}${fn}`;
    const srcLine = srcLines.length;
    srcLines.push(
      `export function ${name}(first: number, second: number): number {`,
      `  const scaled = first * ${Math.floor(rnd() * 1000)} + second; // module ${k}`,
      `  return scaled > ${Math.floor(rnd() * 1e6)} ? scaled - second : scaled + first;`,
      '}',
    );
    if (!nameIndex.has(name)) {
      nameIndex.set(name, names.length);
      names.push(name);
    }
    const short = `f${fn.toString(36)}`;
    const pieces: Array<[string, number, number, number?]> = [
      [`function ${short}(a,b){`, srcLine, 0, nameIndex.get(name)],
      [`var c=a*${Math.floor(rnd() * 1000)}+b;`, srcLine + 1, 2],
      [`return c>${Math.floor(rnd() * 1e6)}?c-b:c+a}`, srcLine + 2, 2],
    ];
    for (const [text, sl, sc, ni] of pieces) {
      segs.push(ni === undefined ? [col, 0, sl, sc] : [col, 0, sl, sc, ni]);
      line.push(text);
      col += text.length;
      jsBytes += text.length;
    }
    fn++;
    if (col > 8000) {
      jsLines.push(line.join(''));
      mappings.push(segs);
      line = [];
      segs = [];
      col = 0;
      jsBytes++;
    }
  }
  if (line.length) {
    jsLines.push(line.join(''));
    mappings.push(segs);
  }
  const file = `chunk-${k}.js`;
  const map = {
    version: 3,
    file,
    sources: [`../src/module-${k}.ts`],
    sourcesContent: [srcLines.join('\n')],
    names,
    mappings: encode(mappings),
  };
  return { js: `${jsLines.join('\n')}\n//# sourceMappingURL=${file}.map\n`, map: JSON.stringify(map) };
}

async function dirBytes(dir: string): Promise<{ bytes: number; files: number; largest: number }> {
  let bytes = 0;
  let files = 0;
  let largest = 0;
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const s = await stat(join(e.parentPath, e.name));
    bytes += s.size;
    files++;
    largest = Math.max(largest, s.size);
  }
  return { bytes, files, largest };
}

/** The corpus for `mb` megabytes, generated once and reused (bench/.corpus is ignored by git). */
async function ensureCorpus(mb: number): Promise<string> {
  const dir = join(HERE, '.corpus', `sourcemaps-${mb}mb`);
  if (existsSync(join(dir, '.complete'))) return dir;
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'assets'), { recursive: true });
  const { encode } = await import('@jridgewell/sourcemap-codec');
  let total = 0;
  for (let k = 0; total < mb * 1024 * 1024; k++) {
    const { js, map } = makeModule(encode, k, 240 * 1024);
    const sub = k % 4 === 0 ? '' : `assets/${k % 3}`;
    await mkdir(join(dir, sub), { recursive: true });
    await writeFile(join(dir, sub, `chunk-${k}.js`), js);
    await writeFile(join(dir, sub, `chunk-${k}.js.map`), map);
    total += js.length + map.length;
  }
  await writeFile(join(dir, '.complete'), '');
  return dir;
}

interface Timed {
  ms: number;
  /** User + system CPU time (GNU time), NaN without it. */
  cpuMs: number;
  maxRssKb: number;
  output: string;
}

/** Runs a command under GNU time (for peak RSS) when it is installed. */
async function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<Timed> {
  const rssFile = join(tmpdir(), `faultline-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const useTime = existsSync(GNU_TIME);
  const start = performance.now();
  const { stdout, stderr } = await run(
    useTime ? GNU_TIME : cmd,
    useTime ? ['-f', '%M %U %S', '-o', rssFile, cmd, ...args] : args,
    {
      env,
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  const ms = performance.now() - start;
  const [rss, user, sys] = useTime
    ? (await readFile(rssFile, 'utf8')).trim().split('\n').pop()!.split(' ').map(Number)
    : [NaN, NaN, NaN];
  if (useTime) await rm(rssFile, { force: true });
  return { ms, cpuMs: (user! + sys!) * 1000, maxRssKb: rss!, output: stdout + stderr };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MiB`;

interface ToolRound {
  inject: Timed;
  upload: Timed;
  reupload: Timed;
  sentBytes: number;
  sentChunks: number;
  resentChunks: number;
}

/**
 * The faultline CLI as users run it: bundled JavaScript (no TypeScript stripping at start-up), each command's code in
 * its own chunk loaded when the command runs, as dist/cli.js is. Built from the current sources with rolldown (present
 * through vitest) into bench/.corpus; else the committed dist/cli.js; else this file run as `--child` on the
 * TypeScript sources.
 */
async function faultlineCommand(): Promise<{ argv: string[]; label: string }> {
  const dir = join(HERE, '.corpus', 'faultline-cli');
  try {
    const { build } = (await import('rolldown')) as unknown as {
      build(o: Record<string, unknown>): Promise<unknown>;
    };
    await rm(dir, { recursive: true, force: true });
    await build({
      input: { cli: join(REPO, 'src', 'cli', 'main.ts') },
      platform: 'node',
      output: { dir, format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      logLevel: 'silent',
    });
    return { argv: [join(dir, 'cli.mjs')], label: 'bundled from src/ with rolldown, split by command as dist/ is' };
  } catch {
    const dist = join(REPO, 'dist', 'cli.js');
    const works = await run(process.execPath, [dist, 'sourcemaps', '--help']).then(
      () => true,
      () => false,
    );
    if (works) return { argv: [dist], label: 'dist/cli.js' };
    return { argv: [SELF, '--child'], label: 'TypeScript sources (type stripping at start-up)' };
  }
}

/** `node bench/sourcemaps.ts --child <faultline sourcemaps args>`: the faultline CLI on the TypeScript sources. */
async function child(args: string[]): Promise<void> {
  // Compiled (and type-stripped) code is cached across the rounds, as an installed CLI's would be.
  const { enableCompileCache } = await import('node:module');
  enableCompileCache?.(join(HERE, '.corpus', 'compile-cache'));
  const { runSourcemapsCommand } = await import('../src/cli/sourcemaps-command.ts');
  if (args[0] === 'sourcemaps') args = args.slice(1);
  const { processIo } = await import('../src/cli/io.ts');
  process.exitCode = await runSourcemapsCommand(args, processIo());
}

/**
 * Forwards every request to the emulator and counts the body bytes of chunk uploads as they cross the wire (gzip
 * parts as sent, not as stored). The chunk-upload options name the emulator's own URL, so that answer is rewritten
 * to send the chunks through here too.
 */
async function startCountingProxy(
  target: string,
): Promise<{ url: string; chunkBytes(): number; close(): Promise<void> }> {
  const upstream = new URL(target);
  let counted = 0;
  let self = '';
  const server: Server = createServer((req, res) => {
    const isChunkPath = (req.url ?? '').split('?')[0]!.endsWith('/chunk-upload/');
    if (isChunkPath && req.method === 'POST') req.on('data', (b: Buffer) => (counted += b.length));
    const out = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        if (!(isChunkPath && req.method === 'GET')) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        const parts: Buffer[] = [];
        answer.on('data', (b: Buffer) => parts.push(b));
        answer.on('end', () => {
          const body = Buffer.from(Buffer.concat(parts).toString('utf8').replaceAll(target.replace(/\/+$/, ''), self));
          const headers = { ...answer.headers, 'content-length': String(body.length) };
          delete headers['transfer-encoding'];
          res.writeHead(answer.statusCode ?? 502, headers);
          res.end(body);
        });
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  self = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: self,
    chunkBytes: () => counted,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Tool = 'sentry-cli' | 'faultline' | 'faultline (2 commands)';
type Run = (sub: 'inject' | 'upload', dir: string, release: string, env: NodeJS.ProcessEnv) => Promise<Timed>;
const SKIPPED: Timed = { ms: 0, cpuMs: 0, maxRssKb: 0, output: '' };

export async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      rounds: { type: 'string', default: '5' },
      sizes: { type: 'string', default: '1' },
      large: { type: 'boolean', default: false },
      mb: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const baseMb = values.mb ? Number(values.mb) : values.large ? 200 : 25;
  const rounds = Math.max(1, Number(values.rounds));
  const sizes = values.sizes.split(',').map(Number);
  if (sizes.some((n) => !(n > 0))) throw new Error(`--sizes takes multiples of the corpus such as 1,4,16`);
  // Loaded here, not at the top: the faultline child (this file with --child) must not pay for the emulator.
  const { startSentryEmulator } = await import('../emulators/sentry/server.ts');
  const emu = await startSentryEmulator();
  const proxy = await startCountingProxy(emu.url);
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: tmpdir(),
    SENTRY_URL: proxy.url,
    SENTRY_AUTH_TOKEN: emu.token,
    SENTRY_ORG: emu.org,
    SENTRY_PROJECT: 'web',
    SENTRY_NO_PROGRESS_BAR: '1',
    SENTRY_DISABLE_UPDATE_CHECK: '1',
  };
  const { stdout: cliVersion } = await run(SENTRY_CLI, ['--version'], { env });
  const faultline = await faultlineCommand();
  const runFaultline = (e: NodeJS.ProcessEnv, ...args: string[]) =>
    timed(process.execPath, [...faultline.argv, 'sourcemaps', ...args], e);
  const tools: Record<Tool, Run> = {
    'sentry-cli': (sub, dir, release, e) =>
      sub === 'inject'
        ? timed(SENTRY_CLI, ['sourcemaps', 'inject', dir], e)
        : timed(SENTRY_CLI, ['sourcemaps', 'upload', dir, '--release', release, '--wait'], e),
    'faultline (2 commands)': (sub, dir, release, e) =>
      sub === 'inject'
        ? runFaultline(e, 'inject', dir)
        : runFaultline(e, 'upload', dir, '--release', release, '--wait'),
    faultline: async (sub, dir, release, e) =>
      sub === 'inject' ? SKIPPED : runFaultline(e, 'upload', dir, '--inject', '--release', release, '--wait'),
  };
  try {
    for (const size of sizes) {
      const corpus = await ensureCorpus(Math.round(baseMb * size));
      const corpusSize = await dirBytes(corpus);
      const sizeRounds = Math.max(1, Math.ceil(rounds / size));
      console.log(
        `\nsourcemaps bench at ${size}x: corpus ${mib(corpusSize.bytes)} in ${corpusSize.files} files (largest ` +
          `${mib(corpusSize.largest)}), ${sizeRounds} round(s) alternating, Sentry emulator on ${emu.url}, ` +
          `${cliVersion.trim()} vs faultline (${faultline.label}, node ${process.version})`,
      );
      const results = await measure(tools, corpus, sizeRounds, emu, proxy.chunkBytes, env);
      printTable(size, results);
      const floorMs = await floor(corpus);
      console.log(
        `floor (read + SHA-1 + deflate the corpus once, in-process): ${secs(floorMs)}; ` +
          `goal: peak RSS <= sentry-cli's at 1x and <= 256 MiB at any size`,
      );
      if (values.keep) console.log(`corpus kept at ${corpus}`);
    }
  } finally {
    await proxy.close();
    await emu.close();
  }
}

type Emulator = Awaited<ReturnType<typeof import('../emulators/sentry/server.ts').startSentryEmulator>>;

/** Runs every tool `rounds` times on fresh copies of the corpus, alternating their order. */
async function measure(
  tools: Record<Tool, Run>,
  corpus: string,
  rounds: number,
  emu: Emulator,
  wireBytes: () => number,
  env: NodeJS.ProcessEnv,
): Promise<Record<Tool, ToolRound[]>> {
  const results: Record<Tool, ToolRound[]> = { 'sentry-cli': [], faultline: [], 'faultline (2 commands)': [] };
  const work = await mkdtemp(join(tmpdir(), 'faultline-bench-sm-'));
  try {
    for (let r = 0; r < rounds; r++) {
      const names = Object.keys(tools) as Tool[];
      for (const tool of r % 2 === 0 ? names : [...names].reverse()) {
        const dir = join(work, `${tool.replace(/\W+/g, '-')}-${r}`);
        await cp(corpus, dir, { recursive: true });
        emu.reset();
        const release = `bench@${r}`;
        const inject = await tools[tool]('inject', dir, release, env);
        const wireBefore = wireBytes();
        const upload = await tools[tool]('upload', dir, release, env);
        const sentBytes = wireBytes() - wireBefore;
        const chunks = emu.state().chunks;
        const posts = () =>
          emu.state().requests.filter((q) => q.method === 'POST' && q.path.endsWith('/chunk-upload/')).length;
        const before = posts();
        // A fresh runner: nothing in $TMPDIR from the upload before.
        const freshTmp = await mkdtemp(join(work, 'fresh-tmp-'));
        const reupload = await tools[tool]('upload', dir, release, { ...env, TMPDIR: freshTmp });
        const resent = posts() - before;
        if (emu.state().bundles.length === 0)
          throw new Error(`${tool}: the emulator holds no bundle after upload:\n${upload.output}`);
        results[tool].push({
          inject,
          upload,
          reupload,
          sentBytes,
          sentChunks: chunks.length,
          resentChunks: resent,
        });
        await rm(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return results;
}

/** Read, SHA-1 and deflate every byte once, in this process. */
async function floor(corpus: string): Promise<number> {
  const start = performance.now();
  for (const e of await readdir(corpus, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || e.name.startsWith('.')) continue;
    const bytes = await readFile(join(e.parentPath, e.name));
    createHash('sha1').update(bytes).digest();
    await deflate(bytes);
  }
  return performance.now() - start;
}

function summary(rs: ToolRound[]) {
  return {
    wall: median(rs.map((x) => x.inject.ms + x.upload.ms)),
    cpu: median(rs.map((x) => x.inject.cpuMs + x.upload.cpuMs)),
    inject: median(rs.map((x) => x.inject.ms)),
    reupload: median(rs.map((x) => x.reupload.ms)),
    rss: Math.max(...rs.flatMap((x) => [x.inject.maxRssKb, x.upload.maxRssKb, x.reupload.maxRssKb])) * 1024,
    sent: median(rs.map((x) => x.sentBytes)),
    chunks: median(rs.map((x) => x.sentChunks)),
    resent: Math.max(...rs.map((x) => x.resentChunks)),
  };
}

/** One table per size: each measure for sentry-cli and faultline, and their ratio (the goal beside it). */
function printTable(size: number, results: Record<Tool, ToolRound[]>): void {
  const cli = summary(results['sentry-cli']);
  const fl = summary(results.faultline);
  const fl2 = summary(results['faultline (2 commands)']);
  const rows: Array<[string, string, string, number, string]> = [
    ['inject + upload --wait, wall', secs(cli.wall), secs(fl.wall), fl.wall / cli.wall, '<= 0.5'],
    ['inject + upload --wait, CPU', secs(cli.cpu), secs(fl.cpu), fl.cpu / cli.cpu, '<= 0.6'],
    ['  as two commands, wall', secs(cli.wall), secs(fl2.wall), fl2.wall / cli.wall, ''],
    ['inject alone, wall', secs(cli.inject), secs(fl2.inject), fl2.inject / cli.inject, '<= 0.7'],
    ['peak RSS', mib(cli.rss), mib(Math.max(fl.rss, fl2.rss)), Math.max(fl.rss, fl2.rss) / cli.rss, '<= 1 (1x)'],
    ['bytes sent (chunk uploads on the wire)', mib(cli.sent), mib(fl.sent), fl.sent / cli.sent, '<= 1'],
    ['re-upload unchanged, fresh runner', secs(cli.reupload), secs(fl.reupload), fl.reupload / cli.reupload, '<= 0.4'],
  ];
  const head = ['measure', 'sentry-cli', 'faultline', 'ratio', 'goal'];
  const body = rows.map(([name, a, b, ratio, goal]) => [name, a, b, ratio.toFixed(2), goal]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\n${size}x:`);
  console.log(line(head));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of body) console.log(line(r));
  console.log(
    `chunks sent: sentry-cli ${cli.chunks}, faultline ${fl.chunks}; chunk requests on the re-upload: ` +
      `sentry-cli ${cli.resent}, faultline ${fl.resent}; faultline peak RSS: one process ${mib(fl.rss)}, ` +
      `two commands ${mib(fl2.rss)}`,
  );
}

if (process.argv[1] === SELF && process.argv[2] === '--child') await child(process.argv.slice(3));
