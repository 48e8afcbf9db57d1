// Probot's /api/github/webhooks used to read any body whole and log mismatching ones: three 100 MB POSTs took the
// process to 1.87 GB. Now a delivery is bounded by GitHub's 25 MB cap and verified before a byte is kept or logged.
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_GITHUB_WEBHOOK_BYTES } from '../../app/github-webhook-guard.ts';
import { memoryLog } from '../../app/log.ts';
import { type RunningApp, startApp } from '../../app/server.ts';
import { sqliteFileIn } from '../../app/store/index.ts';
import { testConfig } from './helpers.ts';

const SECRET = 'gh-webhook-secret';
const MARKER = 'HOSTILE-BODY-BYTES-';

/** Streams `totalBytes` of a repeated marker; resolves with the status once the app answers (or the socket ends). */
function post(
  url: string,
  headers: Record<string, string>,
  totalBytes: number,
): Promise<{ status: number | undefined; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const req = request(`${url}/api/github/webhooks`, { method: 'POST', headers });
    const chunk = Buffer.alloc(64 * 1024, MARKER);
    let sent = 0;
    let answered = false;
    const pump = () => {
      while (!answered && sent < totalBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    req.on('response', (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode, ms: Date.now() - started });
      req.destroy();
    });
    req.on('error', () => {
      if (!answered) resolve({ status: undefined, ms: Date.now() - started });
    });
    pump();
  });
}

const deliveryHeaders = (extra: Record<string, string> = {}) => ({
  'content-type': 'application/json',
  'x-github-event': 'issues',
  'x-github-delivery': randomUUID(),
  ...extra,
});

describe('GitHub webhook body limits', () => {
  let app: RunningApp;
  let dir: string;
  const log = memoryLog();
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'faultline-gh-limits-'));
    app = await startApp(testConfig({ kind: 'sqlite', file: sqliteFileIn(dir) }), { log, runner: { pollMs: 50 } });
  });
  afterAll(async () => {
    await app?.close(1_000);
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a 100 MB unsigned POST at once with 401, without reading it', async () => {
    const rssBefore = process.memoryUsage().rss;
    const answer = await post(app.url, deliveryHeaders(), 100 * 1024 * 1024);
    expect(answer.status).toBe(401);
    expect(answer.ms).toBeLessThan(2_000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses a signed-looking POST over 25 MB with 413: by its Content-Length, and while streaming a chunked one', async () => {
    const signature = `sha256=${'ab'.repeat(32)}`;
    const declared = await post(
      app.url,
      deliveryHeaders({
        'x-hub-signature-256': signature,
        'content-length': String(MAX_GITHUB_WEBHOOK_BYTES + 1),
      }),
      MAX_GITHUB_WEBHOOK_BYTES + 1,
    );
    expect(declared.status).toBe(413);
    const rssBefore = process.memoryUsage().rss;
    const chunked = await post(app.url, deliveryHeaders({ 'x-hub-signature-256': signature }), 40 * 1024 * 1024);
    expect(chunked.status).toBe(413);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses a body whose signature does not match, and still takes a correctly signed delivery', async () => {
    const bad = await post(app.url, deliveryHeaders({ 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` }), 1024);
    expect(bad.status).toBe(401);
    const body = JSON.stringify({ action: 'labeled', installation: { id: 1 } });
    const signature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
    const response = await fetch(`${app.url}/api/github/webhooks`, {
      method: 'POST',
      headers: deliveryHeaders({ 'x-hub-signature-256': signature }),
      body,
    });
    expect(response.status).toBe(200);
  });

  it('logs one line per refusal and never a byte of the body', () => {
    const refusals = log.lines.filter((l) => l.message === 'github webhook refused');
    expect(refusals.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(log.lines)).not.toContain(MARKER);
  });
});
