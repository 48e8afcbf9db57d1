import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureBody, postWebhook, signedHeaders, CLIENT_SECRET, testPrivateKey } from './helpers.ts';

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--experimental-strip-types', '--no-warnings', 'app/main.ts'], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => {
    stdout += c;
  });
  child.stderr.on('data', (c) => {
    stderr += c;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }) };
}

describe('app/main.ts (npm start)', () => {
  it('refuses to start on a bad config, naming each problem', async () => {
    const run = start({ APP_ID: 'twelve', PORT: 'eighty', SENTRY_URL: 'sentry.io' });
    expect(await run.exited).toBe(78);
    const { stderr } = run.output();
    expect(stderr).toContain('faultline cannot start: 6 configuration problem(s):');
    for (const line of [
      'APP_ID is "twelve": expected the GitHub App\'s numeric ID, e.g. 123456',
      "PRIVATE_KEY and PRIVATE_KEY_PATH are both unset: set one to the GitHub App's private key (PEM) or its file path",
      "WEBHOOK_SECRET is not set: set it to the GitHub App's webhook secret",
      'SENTRY_URL is "sentry.io": expected an http(s) URL such as https://sentry.io',
      "SENTRY_CLIENT_SECRET is not set: set it to the Sentry integration's Client Secret (it signs the webhooks)",
      'PORT is "eighty": expected a whole number from 0 to 65535',
    ]) {
      expect(stderr).toContain(`  - ${line}`);
    }
  });

  it('refuses to start when the database cannot be opened, without echoing DATABASE_URL', async () => {
    const run = start({
      APP_ID: '1',
      PRIVATE_KEY: testPrivateKey(),
      WEBHOOK_SECRET: 'gh',
      SENTRY_CLIENT_SECRET: CLIENT_SECRET,
      PORT: '0',
      DATABASE_URL: 'postgres://faultline:hunter2@127.0.0.1:1/faultline',
    });
    expect(await run.exited).toBe(1);
    const { stderr } = run.output();
    expect(stderr).toContain(
      'faultline cannot start: cannot open the PostgreSQL database named by DATABASE_URL (ECONNREFUSED): check that the server is running and reachable, and the credentials',
    );
    expect(stderr).not.toContain('hunter2');
  });

  it('starts on SQLite in FAULTLINE_DATA_DIR, answers webhooks and /readyz, and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'faultline-main-'));
    const run = start({
      APP_ID: '1',
      PRIVATE_KEY: testPrivateKey(),
      WEBHOOK_SECRET: 'gh',
      SENTRY_CLIENT_SECRET: CLIENT_SECRET,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      FAULTLINE_DATA_DIR: dataDir,
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        run.child.stdout.on('data', () => {
          const match = /faultline listening on (http:\/\/[^\s"]+)/.exec(run.output().stdout);
          if (match) resolve(match[1]!);
        });
        run.exited.then(() => reject(new Error(`exited early: ${run.output().stderr}`)));
      });
      const ready = await fetch(`${url}/readyz`);
      expect(await ready.json()).toMatchObject({ ready: true, database: 'ok', workers: 'running' });
      const body = fixtureBody('issue.created');
      expect((await postWebhook(url, body, signedHeaders(body, 'issue'))).status).toBe(202);
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(run.output().stdout).toContain('faultline stopped');
    } finally {
      if (run.child.exitCode === null) run.child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
