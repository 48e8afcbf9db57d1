// Builds the two committed bundles: dist/index.js (the action) and dist/cli.js (the CLI).
// TypeScript is compiled with tsc first (imports use .ts extensions, rewritten to .js), then ncc bundles
// plain JavaScript, so the bundle does not depend on ncc's TypeScript support.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const bin = (name) => join('node_modules', '.bin', name);
const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

rmSync('.build', { recursive: true, force: true });
run(bin('tsc'), ['-p', 'tsconfig.build.json']);

const entries = [
  { entry: '.build/src/action/main.js', out: 'index.js' },
  { entry: '.build/src/cli/main.js', out: 'cli.js' },
];
rmSync('dist', { recursive: true, force: true });
mkdirSync('dist');
for (const { entry, out } of entries) {
  if (!existsSync(entry)) throw new Error(`package: ${entry} is missing; is its source in src/?`);
  const tmp = join('.build', 'ncc', out);
  run(bin('ncc'), ['build', entry, '-o', tmp, '--quiet', '--license', 'licenses.txt', '--target', 'es2024']);
  for (const name of readdirSync(tmp)) {
    const target = name === 'index.js' ? out : name === 'licenses.txt' ? `${out}.licenses.txt` : name;
    cpSync(join(tmp, name), join('dist', target), { recursive: true });
  }
}
rmSync('.build', { recursive: true, force: true });
