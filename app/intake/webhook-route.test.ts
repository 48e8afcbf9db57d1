import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createBackend, type TestBackend } from '../../test/app/backends.ts';
import { CLIENT_SECRET, fixtureBody, postWebhook, signedHeaders, testConfig, until } from '../../test/app/helpers.ts';
import { isSealed } from '../installations/token-crypto.ts';
import { memoryLog } from '../log.ts';
import { refusalReason } from '../metrics/index.ts';
import { type RunningApp, startApp } from '../server.ts';
import type { DeliveryToRecord, RecordDeliveryResult, Store } from '../store/index.ts';
import { DeliveryBatcher } from './delivery-batcher.ts';
import { createSentryWebhookRoute } from './webhook-route.ts';

const handled = [
  ['issue', 'issue.created'],
  ['issue', 'issue.resolved'],
  ['issue', 'issue.assigned'],
  ['issue', 'issue.archived'],
  ['issue', 'issue.unresolved.regressed'],
  ['event_alert', 'event_alert.triggered'],
  ['metric_alert', 'metric_alert.critical'],
  ['metric_alert', 'metric_alert.resolved'],
  ['error', 'error.created'],
  ['comment', 'comment.created'],
] as const;

/** A tiny Sentry authorizations endpoint: grants and refreshes tokens, and remembers what it was sent. */
async function startAuthServer(): Promise<{ url: string; requests: Record<string, string>[]; close(): Promise<void> }> {
  const requests: Record<string, string>[] = [];
  let n = 0;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      if (!/^\/api\/0\/sentry-app-installations\/[^/]+\/authorizations\/$/.test(req.url ?? '')) {
        res.writeHead(404).end();
        return;
      }
      const grant = JSON.parse(body) as Record<string, string>;
      requests.push({ ...grant, path: req.url ?? '' });
      n++;
      res.writeHead(201, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: String(n),
          token: `token-${n}`,
          refreshToken: `refresh-${n}`,
          expiresAt: new Date(Date.now() + 8 * 3600_000).toISOString(),
        }),
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

for (const backend of backends) {
  describe.skipIf(!backend.available)(`POST /sentry/webhook on ${backend.name}`, () => {
    let b: TestBackend;
    let app: RunningApp;
    let auth: Awaited<ReturnType<typeof startAuthServer>>;
    const seen: string[] = [];
    /** The body each delivery's job was handed, by delivery id. */
    const handedBodies = new Map<number, string>();
    const log = memoryLog();
    const lines = log.lines;

    beforeAll(async () => {
      b = await createBackend(backend.name);
      auth = await startAuthServer();
      app = await startApp(testConfig(b.config, { url: auth.url, clientId: 'client-id' }), {
        runner: { pollMs: 20 },
        log,
        configure: (deps) => {
          deps.sentry.on('issue', async (webhook) => {
            seen.push(`issue.${webhook.action}`);
          });
          const take = deps.store.takeDelivery.bind(deps.store);
          deps.store.takeDelivery = async (id, now) => {
            const taken = await take(id, now);
            if (taken) handedBodies.set(id, taken.body);
            return taken;
          };
        },
      });
    });
    afterAll(async () => {
      await app?.close();
      await auth?.close();
      await b?.dispose();
    });

    const store = () => app.deps.store;

    it.each(handled)('accepts a signed %s webhook (%s), records it and enqueues one job', async (resource, name) => {
      const before = await store().countDeliveries();
      const body = fixtureBody(name);
      const res = await postWebhook(app.url, body, signedHeaders(body, resource));
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ status: 'accepted' });
      expect(await store().countDeliveries()).toBe(before + 1);
      const id = res.body['deliveryId'] as number;
      await until(async () => handedBodies.has(id));
      expect(handedBodies.get(id)).toBe(body);
      expect(await store().getDelivery(id)).toMatchObject({ resource, status: 'accepted' });
    });

    it('runs the registered handler for issue webhooks once per delivery', async () => {
      await until(async () => (await store().countJobs()).queued === 0 && (await store().countJobs()).running === 0);
      expect(seen.sort()).toEqual([
        'issue.archived',
        'issue.assigned',
        'issue.created',
        'issue.resolved',
        'issue.unresolved',
      ]);
    });

    it('logs one line per request with Request-ID, HTTP status and outcome', async () => {
      const body = fixtureBody('metric_alert.critical');
      const headers = signedHeaders(body, 'metric_alert');
      lines.length = 0;
      await postWebhook(app.url, body, headers);
      await postWebhook(app.url, body, { ...headers, 'sentry-hook-signature': '00' });
      const logged = lines.filter((l) => l.message?.startsWith('sentry webhook'));
      expect(logged.map((l) => [l.level, l.message, l.fields])).toEqual([
        [
          'info',
          'sentry webhook',
          // Its first delivery was processed already: a repeat is a trigger of its own.
          expect.objectContaining({ requestId: headers['request-id'], status: 202, delivery: 'accepted' }),
        ],
        [
          'warn',
          'sentry webhook refused',
          expect.objectContaining({ requestId: headers['request-id'], status: 401, error: 'bad signature' }),
        ],
      ]);
      expect(JSON.stringify(logged)).not.toContain(CLIENT_SECRET);
    });

    it('answers a repeat of the same body (new Request-ID, fresh timestamp) once processed with a job of its own', async () => {
      const body = fixtureBody('issue.created');
      const jobsBefore = (await store().listJobs()).length;
      const res = await postWebhook(app.url, body, signedHeaders(body, 'issue'));
      expect(res).toMatchObject({ status: 202, body: { status: 'accepted' } });
      expect((await store().listJobs()).length).toBe(jobsBefore + 1);
    });

    it('verifies the raw bytes: non-ASCII escapes and Python floats that JSON.stringify would change', async () => {
      const body =
        '{"action":"created","installation":{"uuid":"u-1"},"data":{"issue":{"id":"77","title":"Fehler in \\u00dcbersicht","score":1.0}},"actor":{"type":"application","id":"sentry","name":"Sentry"}}';
      const res = await postWebhook(app.url, body, signedHeaders(body, 'issue'));
      expect(res.status).toBe(202);
      const id = res.body['deliveryId'] as number;
      await until(async () => handedBodies.has(id));
      expect(handedBodies.get(id)).toBe(body);
    });

    it('keeps no raw body once the delivery was processed; the digest stays', async () => {
      const body = fixtureBody('issue.assigned').replace('"count":"1"', '"count":"2"');
      const res = await postWebhook(app.url, body, signedHeaders(body, 'issue'));
      const id = res.body['deliveryId'] as number;
      await until(async () => (await store().getDelivery(id))?.body === '');
      expect((await store().getDelivery(id))?.digest).toMatch(/^[0-9a-f]{64}$/);
    });

    describe('refusals store nothing', () => {
      const body = fixtureBody('issue.resolved').replace('"resolved"', '"resolved" ');
      const expectRefused = async (
        headers: Record<string, string>,
        status: number,
        payload: string | Uint8Array = body,
      ) => {
        const before = await store().countDeliveries();
        const jobs = (await store().listJobs()).length;
        const res = await postWebhook(app.url, payload, headers);
        expect(res.status).toBe(status);
        expect(await store().countDeliveries()).toBe(before);
        expect((await store().listJobs()).length).toBe(jobs);
        return res;
      };

      it('401 on a wrong signature, a wrong secret, or none', async () => {
        const h = signedHeaders(body, 'issue');
        await expectRefused({ ...h, 'sentry-hook-signature': 'ab'.repeat(32) }, 401);
        await expectRefused(signedHeaders(body, 'issue', { secret: 'not-the-secret' }), 401);
        const { 'sentry-hook-signature': _, ...unsigned } = h;
        const res = await expectRefused(unsigned, 401);
        expect(res.body['error']).toBe('missing Sentry-Hook-Signature');
      });

      it('401 on a signature over a re-serialised body', async () => {
        const reserialised = JSON.stringify(JSON.parse(body), null, 1);
        await expectRefused({ ...signedHeaders(reserialised, 'issue') }, 401);
      });

      it('401 on a timestamp more than 5 minutes off, either way', async () => {
        const now = Math.floor(Date.now() / 1000);
        await expectRefused(signedHeaders(body, 'issue', { timestamp: now - 301 }), 401);
        await expectRefused(signedHeaders(body, 'issue', { timestamp: now + 301 }), 401);
        await expectRefused({ ...signedHeaders(body, 'issue'), 'sentry-hook-timestamp': 'yesterday' }, 401);
      });

      it('413 on a body over 1 MiB', async () => {
        const big = `{"action":"created","pad":"${'x'.repeat(1024 * 1024)}"}`;
        await expectRefused(signedHeaders(big, 'issue'), 413, big);
      });

      it('400 on a body that is not JSON, or not a valid webhook', async () => {
        const notJson = '{"action": "created",';
        await expectRefused(signedHeaders(notJson, 'issue'), 400, notJson);
        const noIssue = '{"action":"created","installation":{"uuid":"u"},"data":{"nothing":1}}';
        const res = await expectRefused(signedHeaders(noIssue, 'issue'), 400, noIssue);
        expect(res.body['error']).toBe(
          'invalid issue webhook: data.issue: Invalid input: expected object, received undefined',
        );
        const noInstallation = '{"action":"created","data":{"issue":{"id":"1"}}}';
        await expectRefused(signedHeaders(noInstallation, 'issue'), 400, noInstallation);
      });

      it('405 on GET', async () => {
        const response = await fetch(`${app.url}/sentry/webhook`);
        expect(response.status).toBe(405);
      });
    });

    it('202 for a resource it does not handle, recorded as ignored with no job', async () => {
      const body =
        '{"action":"root_cause_completed","installation":{"uuid":"u-1"},"data":{"group_id":5},"actor":{"type":"application","id":"sentry","name":"Sentry"}}';
      const jobs = (await store().listJobs()).length;
      const res = await postWebhook(app.url, body, signedHeaders(body, 'seer'));
      expect(res).toMatchObject({ status: 202, body: { status: 'ignored' } });
      expect(await store().getDelivery(res.body['deliveryId'] as number)).toMatchObject({
        resource: 'seer',
        status: 'ignored',
      });
      expect((await store().listJobs()).length).toBe(jobs);
    });

    it('installation.created records the installation and exchanges its grant code; deleted removes it', async () => {
      const created = fixtureBody('installation.created');
      expect((await postWebhook(app.url, created, signedHeaders(created, 'installation'))).status).toBe(202);
      const uuid = 'a8e5d37a-696c-4c54-adb5-b3f28d64c7de';
      await until(async () => Boolean((await store().getInstallation(uuid))?.token));
      const stored = (await store().getInstallation(uuid))!;
      expect(stored).toMatchObject({ orgSlug: 'example-org', appSlug: 'faultline' });
      // Encrypted at rest: the store holds neither token in the clear; the app reads them back.
      expect(isSealed(stored.token!) && isSealed(stored.refreshToken!)).toBe(true);
      expect(JSON.stringify(stored)).not.toMatch(/token-1|refresh-1/);
      expect(await app.deps.tokens.tokenFor(uuid)).toBe('token-1');
      expect(auth.requests[0]).toEqual({
        grant_type: 'authorization_code',
        code: 'f3b0d1c2e4a5b6c7d8e9f0a1b2c3d4e5',
        client_id: 'client-id',
        client_secret: CLIENT_SECRET,
        path: `/api/0/sentry-app-installations/${uuid}/authorizations/`,
      });

      // Near expiry, tokenFor refreshes with the rotating refresh token.
      const inst = (await store().getInstallation(uuid))!;
      await store().upsertInstallation({ ...inst, tokenExpiresAt: Date.now() + 60_000 }, Date.now());
      expect(await app.deps.tokens.tokenFor(uuid)).toBe('token-2');
      expect(auth.requests[1]).toMatchObject({ grant_type: 'refresh_token', refresh_token: 'refresh-1' });
      expect(await app.deps.tokens.tokenFor(uuid)).toBe('token-2');
      expect(auth.requests).toHaveLength(2);

      const deleted = fixtureBody('installation.deleted');
      expect((await postWebhook(app.url, deleted, signedHeaders(deleted, 'installation'))).status).toBe(202);
      await until(async () => (await store().getInstallation(uuid)) === undefined);
    });

    it('serves /healthz and /readyz as JSON, and hands GitHub webhooks to Probot', async () => {
      expect(await (await fetch(`${app.url}/healthz`)).json()).toEqual({ ok: true });
      const ready = await fetch(`${app.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({
        ready: true,
        database: 'ok',
        migrations: 'applied',
        workers: 'running',
      });

      const payload = JSON.stringify({ zen: 'Keep it logically awesome.', hook_id: 1 });
      const gh = await fetch(`${app.url}/api/github/webhooks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-github-event': 'ping',
          'x-github-delivery': 'd-1',
          'x-hub-signature-256': `sha256=${createHmac('sha256', 'gh-webhook-secret').update(payload).digest('hex')}`,
        },
        body: payload,
      });
      expect(gh.status).toBe(200);
    });
  });
}

describe('when the database cannot record', () => {
  it('answers 503 so Sentry retries, and /readyz reports the database unreachable', async () => {
    const b = await createBackend('sqlite');
    const app = await startApp(testConfig(b.config));
    await app.deps.runner.stop();
    await app.deps.store.close();
    const body = fixtureBody('issue.created');
    const res = await postWebhook(app.url, body, signedHeaders(body, 'issue'));
    expect(res.status).toBe(503);
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false, database: 'unreachable' });
    await new Promise((r) => app.server.close(r));
    await b.dispose();
  });
});

describe('when overloaded', () => {
  /** The route alone on a server, over a store whose transactions wait until released. */
  async function startRoute(opts: { maxWaiting?: number; behind?: () => boolean } = {}) {
    const transactions: DeliveryToRecord[][] = [];
    const release: Array<() => void> = [];
    const store = {
      recordDeliveries: (batch: DeliveryToRecord[]) => {
        transactions.push(batch);
        return new Promise<RecordDeliveryResult[]>((resolve) =>
          release.push(() => resolve(batch.map((_, i) => ({ deliveryId: i + 1, duplicate: false, jobId: i + 1 })))),
        );
      },
    } as unknown as Store;
    const reasons: string[] = [];
    const batcher = new DeliveryBatcher({
      record: (batch) => store.recordDeliveries(batch),
      maxWaiting: opts.maxWaiting,
    });
    const route = createSentryWebhookRoute({
      store,
      clientSecret: CLIENT_SECRET,
      log: memoryLog(),
      recordDeadlineMs: 60_000,
      batcher,
      lag: { overloaded: opts.behind ?? (() => false) },
      onAnswered: (fields) => reasons.push(refusalReason(Number(fields.status), String(fields.error ?? ''))),
    });
    const server = createServer(async (req, res) => {
      if (!(await route(req, res))) res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return {
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      transactions,
      release,
      reasons,
      batcher,
      close: () => new Promise((r) => server.close(r)),
    };
  }
  const post = (url: string, n: number) => {
    const body = fixtureBody('issue.created').replace('"1170820242"', `"busy-${n}"`);
    return fetch(`${url}/sentry/webhook`, { method: 'POST', headers: signedHeaders(body, 'issue'), body });
  };

  it('answers 503 with Retry-After at once while earlier deliveries still wait to be recorded', async () => {
    const app = await startRoute({ maxWaiting: 1 });
    try {
      const recording = post(app.url, 1);
      await until(() => app.transactions.length === 1);
      const waiting = post(app.url, 2);
      await until(() => app.batcher.waiting === 1);
      let waitingAnswered = false;
      void waiting.then(() => (waitingAnswered = true));

      const refused = await post(app.url, 3);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('30');
      expect(await refused.json()).toMatchObject({ error: expect.stringMatching(/overloaded/) });
      // Answered while the two before it are still waiting: it did not queue behind them.
      expect(waitingAnswered).toBe(false);
      expect(app.reasons).toEqual(['overloaded']);

      app.release.shift()!();
      expect((await recording).status).toBe(202);
      await until(() => app.transactions.length === 2);
      app.release.shift()!();
      expect((await waiting).status).toBe(202);
      expect(app.transactions.map((t) => t.length)).toEqual([1, 1]);
    } finally {
      for (const r of app.release) r();
      await app.close();
    }
  });

  it('answers 503 at once, recording nothing, while the process is too far behind', async () => {
    let behind = true;
    const app = await startRoute({ behind: () => behind });
    try {
      const refused = await post(app.url, 1);
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('30');
      expect(app.transactions).toEqual([]);
      expect(app.reasons).toEqual(['overloaded']);
      behind = false;
      const accepted = post(app.url, 2);
      await until(() => app.transactions.length === 1);
      app.release.shift()!();
      expect((await accepted).status).toBe(202);
    } finally {
      await app.close();
    }
  });
});
