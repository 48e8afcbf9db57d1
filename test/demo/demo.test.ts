// Runs `npm run demo` the way the README tells a newcomer to, and checks its exit code and what it reports.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run demo', () => {
  it('ends green with a summary naming every step', async () => {
    const started = Date.now();
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'demo'], {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0' },
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(Date.now() - started).toBeLessThan(120_000);
    expect(stdout).toMatch(/^✓ build the sample web app\s+ok/m);
    for (const step of ['start the Sentry emulator', 'start the GitHub emulator', 'alert → GitHub issue']) {
      expect(stdout).toMatch(new RegExp(`^[✓–] ${step}\\s+(ok|skipped)`, 'm'));
    }
    expect(stdout).not.toMatch(/failed at step/);
    expect(stdout).toMatch(/^total .*: \d+ ok/m);
  }, 130_000);
});
