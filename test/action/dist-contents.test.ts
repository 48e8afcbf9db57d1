// The action's bundle carries only what the action runs: none of the app's database (the PostgreSQL driver, the
// app's migrations, node:sqlite), which the doctor once pulled in and which warned on Node 22 and crashed on Node 20.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const entry = join(root, 'dist/index.js');
let bundle: string;
beforeAll(() => {
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run package\` first`);
  bundle = readFileSync(entry, 'utf8');
});

/** Prints a line whenever the process resolves node:sqlite, through `import` or `require`. */
const SQLITE_TRACE = `data:text/javascript,${encodeURIComponent(
  "import { registerHooks } from 'node:module';" +
    'registerHooks({ resolve(specifier, context, next) {' +
    "  if (specifier === 'node:sqlite') process.stderr.write('loaded node:sqlite\\n');" +
    '  return next(specifier, context);' +
    '} });',
)}`;

function traced(args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', SQLITE_TRACE, ...args],
      { cwd: tmpdir(), env: { PATH: process.env.PATH ?? '' }, timeout: 30_000 },
      (_error, stdout, stderr) => resolve({ stdout, stderr }),
    );
  });
}

describe('dist/index.js', () => {
  it('holds no PostgreSQL driver', () => {
    // includes(), not toContain(): a failing toContain prints the whole bundle.
    for (const marker of ['pg-pool', 'pg-connection-string', 'PGPASSWORD', 'PostgresDriver']) {
      expect(bundle.includes(marker), marker).toBe(false);
    }
  });

  it('holds no SQL and never names node:sqlite, in the entry or any chunk it may load', () => {
    const chunks = readdirSync(join(root, 'dist')).filter((f) => f.endsWith('.index.js'));
    for (const file of ['index.js', ...chunks]) {
      const text = readFileSync(join(root, 'dist', file), 'utf8');
      expect(text.includes('faultline_migrations'), file).toBe(false);
      expect(/CREATE TABLE/i.test(text), `${file}: CREATE TABLE`).toBe(false);
      expect(text.includes('node:sqlite'), `${file}: node:sqlite`).toBe(false);
    }
  });

  it('never loads node:sqlite when it runs', async () => {
    const control = await traced(['-e', "require('node:sqlite')"]);
    expect(control.stderr).toContain('loaded node:sqlite');
    const run = await traced([entry]);
    expect(run.stdout).toContain('::error::Invalid input');
    expect(run.stderr).not.toContain('loaded node:sqlite');
  });
});
