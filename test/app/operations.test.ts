// Running the app as an operator does: `.env` and the webhook proxy, JSON logs, /metrics, `faultline jobs` on the
// app's own database while it runs, and its own errors in Sentry.
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type SentryEmulator, startSentryEmulator } from '../../emulators/sentry/server.ts';
import { runCli } from '../../src/cli/cli.ts';
import { backends, createBackend } from './backends.ts';
import { CLIENT_SECRET, fixtureBody, postWebhook, signedHeaders, testPrivateKey, until } from './helpers.ts';
import { duplicateKeys, parsePrometheusText, sampleValue } from './text-formats.ts';

const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function spawnNode(script: string, env: Record<string, string>, cwd = process.cwd()) {
  const child = spawn(process.execPath, ['--experimental-strip-types', '--no-warnings', resolve(script)], {
    cwd,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c) => (stdout += c));
  child.stderr!.on('data', (c) => (stderr += c));
  const waitFor = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((res, rej) => {
      const check = () => {
        const m = pattern.exec(stdout);
        if (m) res(m);
      };
      child.stdout!.on('data', check);
      check();
      child.once('exit', (code) => rej(new Error(`exited with ${code}: ${stderr}`)));
    });
  return { child, waitFor, output: () => ({ stdout, stderr }) };
}

function cliIo(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { env, cwd: process.cwd(), stdout: (l: string) => out.push(l), stderr: (l: string) => err.push(l) },
    out: () => out.join('\n'),
    err: () => err.join('\n'),
    clear: () => out.splice(0) && err.splice(0),
  };
}

const appEnv = {
  APP_ID: '1',
  WEBHOOK_SECRET: 'gh-secret',
  SENTRY_CLIENT_SECRET: CLIENT_SECRET,
  HOST: '127.0.0.1',
  PORT: '0',
};

describe.each(backends)('jobs commands, metrics and own errors on $name', ({ name, available }) => {
  it.skipIf(!available)(
    'a dead letter: counted, reported once to SENTRY_DSN, listed, shown, retried, discarded',
    async () => {
      const backend = await createBackend(name);
      cleanups.push(() => backend.dispose());
      const sentry: SentryEmulator = await startSentryEmulator();
      cleanups.push(() => sentry.close());
      const dsn = `${sentry.url.replace('://', '://publickey@')}/42`;
      const app = spawnNode('test/app/app-process.ts', {
        ...appEnv,
        PRIVATE_KEY: testPrivateKey(),
        LOG_LEVEL: 'error',
        FAULTLINE_JOB_MAX_ATTEMPTS: '1',
        TEST_HANDLER_FAIL: 'the test',
        SENTRY_DSN: dsn,
        METRICS_TOKEN: 'scrape-token',
        ...backend.env,
      });
      const url = (await app.waitFor(/listening (\S+)/))[1]!;

      const body = fixtureBody('issue.created');
      const issueId = String(JSON.parse(body).data.issue.id);
      expect((await postWebhook(url, body, signedHeaders(body, 'issue'))).status).toBe(202);
      expect((await postWebhook(url, body, signedHeaders(body, 'issue', { secret: 'wrong' }))).status).toBe(401);

      const cli = cliIo(backend.env);
      const deadIds = async () => {
        cli.clear();
        expect(await runCli(['jobs', 'list', '--state', 'dead', '--json'], cli.io)).toBe(0);
        return (JSON.parse(cli.out()) as Array<{ id: number }>).map((j) => j.id);
      };
      await until(async () => (await deadIds()).length === 1, 15_000);
      const [id] = await deadIds();

      // /metrics: protected, and the counters moved.
      expect((await fetch(`${url}/metrics`)).status).toBe(401);
      const scrape = await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer scrape-token' } });
      expect(scrape.status).toBe(200);
      const { types, samples } = parsePrometheusText(await scrape.text());
      expect(types.get('faultline_webhooks_received_total')).toBe('counter');
      expect(
        sampleValue(samples, 'faultline_webhooks_received_total', { resource: 'issue', outcome: 'accepted' }),
      ).toBe(1);
      expect(
        sampleValue(samples, 'faultline_webhooks_received_total', { outcome: 'refused', reason: 'bad_signature' }),
      ).toBe(1);
      expect(sampleValue(samples, 'faultline_dead_letters_total', { type: 'sentry.webhook' })).toBe(1);
      expect(sampleValue(samples, 'faultline_job_attempts_total', { type: 'sentry.webhook', result: 'dead' })).toBe(1);
      expect(sampleValue(samples, 'faultline_jobs', { state: 'dead', type: 'sentry.webhook' })).toBe(1);
      expect(sampleValue(samples, 'faultline_intake_duration_seconds_count')).toBe(2);
      expect(sampleValue(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);

      // Its own error: one event at the DSN, about the dead letter, without the webhook's payload.
      await until(async () => {
        const items = (await (await fetch(`${sentry.url}/__emulator/envelopes`)).json()) as unknown[];
        return items.length > 0;
      }, 10_000);
      const items = (await (await fetch(`${sentry.url}/__emulator/envelopes`)).json()) as Array<{
        projectId: string;
        type: string;
        payload: { tags?: Record<string, string>; exception?: { values?: Array<{ value?: string }> } };
      }>;
      const events = items.filter((item) => item.type === 'event');
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        projectId: '42',
        payload: { tags: { kind: 'dead_letter', job_type: 'sentry.webhook' } },
      });
      expect(events[0]!.payload.exception?.values?.[0]?.value).toBe('handler failed on purpose for the test');
      expect(JSON.stringify(events[0])).not.toContain(JSON.parse(body).data.issue.title);

      cli.clear();
      expect(await runCli(['jobs', 'show', String(id)], cli.io)).toBe(0);
      expect(cli.out()).toContain(`sentry issue  ${issueId}`);
      expect(cli.out()).toContain('attempts      1 of 1');
      expect(cli.out()).toContain('last error    Error: handler failed on purpose for the test');
      cli.clear();
      expect(await runCli(['jobs', 'show', String(id), '--json'], cli.io)).toBe(0);
      const shown = JSON.parse(cli.out()) as Record<string, unknown>;
      expect(shown).toMatchObject({ id, state: 'dead', sentryIssueId: issueId });
      expect(shown).not.toHaveProperty('payload');

      // Retry while the app runs: its worker claims it again (and it dies again, with fresh attempts).
      cli.clear();
      expect(await runCli(['jobs', 'retry', String(id)], cli.io)).toBe(0);
      expect(cli.out()).toBe(`job ${id} queued again`);
      await until(async () => (await deadIds()).length === 1, 15_000);
      cli.clear();
      expect(await runCli(['jobs', 'retry', '--all-dead'], cli.io)).toBe(0);
      expect(cli.out()).toBe(`queued again: ${id}`);
      await until(async () => (await deadIds()).length === 1, 15_000);

      cli.clear();
      expect(await runCli(['jobs', 'discard', String(id)], cli.io)).toBe(0);
      expect(await deadIds()).toEqual([]);
      cli.clear();
      expect(await runCli(['jobs', 'retry', String(id)], cli.io)).toBe(1);
      expect(cli.err()).toBe(`job ${id} is not dead (or does not exist): only dead jobs are retried`);
    },
    60_000,
  );
});

describe('npm start as a new user runs it', () => {
  it('reads .env from its directory, follows WEBHOOK_PROXY_URL, and writes JSON logs with one value per key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-dotenv-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    // A stand-in for smee.io: one event stream that carries one GitHub webhook, as smee relays it.
    const payload = { zen: 'Keep it logically awesome.', hook_id: 1, hook: { type: 'App' } };
    const signature = `sha256=${createHmac('sha256', 'gh-secret').update(JSON.stringify(payload)).digest('hex')}`;
    const streams: ServerResponse[] = [];
    const proxy = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('event: ready\ndata: {}\n\n');
      const message = {
        'x-github-event': 'ping',
        'x-github-delivery': 'delivery-1',
        'x-hub-signature-256': signature,
        'content-type': 'application/json',
        body: payload,
        query: {},
        timestamp: Date.now(),
      };
      res.write(`data: ${JSON.stringify(message)}\n\n`);
      streams.push(res);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    cleanups.push(() => {
      for (const s of streams) s.destroy();
      return new Promise<void>((r) => proxy.close(() => r()));
    });
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/channel`;
    const escapedKey = testPrivateKey().trim().replace(/\n/g, '\\n');
    writeFileSync(
      join(dir, '.env'),
      [
        'APP_ID=1',
        `PRIVATE_KEY="${escapedKey}"`,
        'WEBHOOK_SECRET=gh-secret',
        `SENTRY_CLIENT_SECRET=${CLIENT_SECRET}`,
        `WEBHOOK_PROXY_URL=${proxyUrl}`,
        'LOG_FORMAT=json',
        'PORT=1',
        '',
      ].join('\n'),
    );
    // The real environment wins over .env (PORT), as dotenv and Probot's users expect.
    const app = spawnNode('app/main.ts', { HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'debug' }, dir);
    const url = (await app.waitFor(/faultline listening on (http:\/\/[^\s"]+)/))[1]!;
    await app.waitFor(/webhook proxy forwarded/);

    const body = fixtureBody('issue.created');
    const headers = signedHeaders(body, 'issue');
    expect((await postWebhook(url, body, headers)).status).toBe(202);
    await until(() => app.output().stdout.includes('"msg":"sentry webhook"'));
    app.child.kill('SIGTERM');
    await new Promise((r) => app.child.once('exit', r));

    const lines = app
      .output()
      .stdout.split('\n')
      .filter((l) => l.startsWith('{'));
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(duplicateKeys(line), line).toEqual([]);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parsed.find((l) => l.msg === 'webhook proxy forwarded')).toMatchObject({ event: 'ping', status: 200 });
    expect(parsed.find((l) => l.msg === 'sentry webhook')).toMatchObject({ requestId: headers['request-id'] });
    const issueId = String(JSON.parse(body).data.issue.id);
    for (const line of parsed.filter((l) => l.sentryIssueId === issueId)) {
      expect(line.requestId).toBe(headers['request-id']);
    }
    expect(existsSync(join(dir, '.faultline', 'faultline.sqlite'))).toBe(true);
  }, 30_000);
});
