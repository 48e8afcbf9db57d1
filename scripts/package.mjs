// Builds the two committed bundles: dist/index.js (the action) and dist/cli.js (the CLI, with the chunks its commands
// load when they run).
// TypeScript is compiled with tsc first (imports use .ts extensions, rewritten to .js), then ncc bundles
// plain JavaScript, so the bundle does not depend on ncc's TypeScript support. The bundle names its modules by
// their path, so the build folder is always .build (inside the repo, so ncc resolves node_modules); a lock
// folder makes concurrent runs take turns, and dist/ is replaced only at the end. `--out DIR` writes the bundles to
// DIR instead of dist/ (to measure a build without touching the committed one).
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

const outIndex = process.argv.indexOf('--out');
const outDir = outIndex > 0 ? process.argv[outIndex + 1] : 'dist';
if (!outDir) throw new Error('package: --out takes a folder');
const bin = (name) => join('node_modules', '.bin', name);
const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

const lock = '.build.lock';
const waitUntil = Date.now() + 180_000;
for (;;) {
  try {
    mkdirSync(lock);
    break;
  } catch {
    // A lock older than 5 minutes belongs to a run that died.
    if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000)
      rmSync(lock, { recursive: true, force: true });
    if (Date.now() > waitUntil)
      throw new Error(`package: ${lock} is held by another run; remove it if none is running`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  }
}
/** `<id>.index.js` chunks → `<id>.<out>`, and the entry's chunk loader with them. */
function renameChunks(dir, out) {
  const loader = 'return "" + chunkId + ".index.js";';
  const entry = join(dir, 'index.js');
  const source = readFileSync(entry, 'utf8');
  const chunks = readdirSync(dir).filter((name) => /^\d+\.index\.js$/.test(name));
  if (chunks.length === 0) return;
  if (source.split(loader).length !== 2) throw new Error(`package: ${out}: ncc's chunk loader is not "${loader}"`);
  writeFileSync(entry, source.replace(loader, `return "" + chunkId + ".${out}";`));
  for (const name of chunks) renameSync(join(dir, name), join(dir, name.replace(/\.index\.js$/, `.${out}`)));
}

const work = '.build';
rmSync(work, { recursive: true, force: true });
try {
  run(bin('tsc'), ['-p', 'tsconfig.build.json', '--outDir', work]);
  const entries = [
    { entry: join(work, 'src/action/main.js'), out: 'index.js' },
    { entry: join(work, 'src/cli/main.js'), out: 'cli.js' },
  ];
  const dist = join(work, 'dist');
  mkdirSync(dist);
  for (const { entry, out } of entries) {
    if (!existsSync(entry)) throw new Error(`package: ${entry} is missing; is its source in src/?`);
    const tmp = join(work, 'ncc', out);
    run(bin('ncc'), ['build', entry, '-o', tmp, '--quiet', '--license', 'licenses.txt', '--target', 'es2024']);
    // Besides its entry, licenses and package.json, ncc writes one file per lazily imported chunk (`<id>.index.js`),
    // which the entry loads from its own folder: the chunks go beside it, so two bundles must not write one name.
    // Chunk ids come from the modules in them, so two bundles that both load a library lazily (yaml, zod) get the
    // same id with different contents: each bundle's chunks carry its own name (`<id>.cli.js`).
    if (out !== 'index.js') renameChunks(tmp, out);
    for (const name of readdirSync(tmp)) {
      const target = name === 'index.js' ? out : name === 'licenses.txt' ? `${out}.licenses.txt` : name;
      const targetPath = join(dist, target);
      if (existsSync(targetPath) && !readFileSync(targetPath).equals(readFileSync(join(tmp, name)))) {
        throw new Error(`package: ${out} and an earlier bundle both write ${target}, with different contents`);
      }
      cpSync(join(tmp, name), targetPath, { recursive: true });
    }
  }
  rmSync(outDir, { recursive: true, force: true });
  // A rename cannot cross file systems (a temp folder elsewhere): copy then.
  cpSync(dist, outDir, { recursive: true });
} finally {
  rmSync(work, { recursive: true, force: true });
  rmSync(lock, { recursive: true, force: true });
}
