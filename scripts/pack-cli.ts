// Packs the npm package users install (`npx faultline`, `npm install -g faultline`): dist/ (the self-contained CLI
// and action bundles), action.yml, README.md and LICENSE, with a manifest that has no dependencies. The repository's
// own package.json lists the app's runtime dependencies (probot, pg, ...) because `npm ci --omit=dev` + `npm start`
// run the app from source; the bundles need none of them, so the published package does not carry them.
// Usage: node scripts/pack-cli.ts [DEST]   prints the path of the .tgz it wrote into DEST (default: the repo root)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The fields of package.json that the published package keeps. */
const KEPT = ['name', 'version', 'description', 'license', 'type', 'bin', 'files', 'engines'];

type Manifest = Record<string, unknown> & { files: string[] };

export function publishedManifest(pkg: Manifest): Record<string, unknown> {
  return Object.fromEntries(KEPT.filter((key) => key in pkg).map((key) => [key, pkg[key]]));
}

/** Writes the package into `dest` and returns the tarball's path. */
export function packCli(root: string, dest: string): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
  const stage = mkdtempSync(join(tmpdir(), 'faultline-pack-'));
  try {
    for (const entry of pkg.files) {
      const path = join(root, entry);
      if (!existsSync(path))
        throw new Error(`pack: ${entry} is missing${entry.startsWith('dist') ? ': run `npm run package` first' : ''}`);
      cpSync(path, join(stage, entry), { recursive: true });
    }
    writeFileSync(join(stage, 'package.json'), `${JSON.stringify(publishedManifest(pkg), null, 2)}\n`);
    const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', resolve(dest)], {
      cwd: stage,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return join(resolve(dest), (JSON.parse(out) as Array<{ filename: string }>)[0]!.filename);
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  console.log(packCli(root, process.argv[2] ?? root));
}
