// PostgreSQL going away under a running app: the intake answers 503 (Sentry retries), /readyz says so, and both
// recover when the database comes back. The outage is a real TCP proxy in front of PostgreSQL being cut.
import { createServer, type Server, type Socket, connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startApp } from '../../app/server.ts';
import { createBackend } from './backends.ts';
import { fixtureBody, postWebhook, signedHeaders, testConfig, until } from './helpers.ts';

async function startProxy(target: { host: string; port: number }, port = 0) {
  const sockets = new Set<Socket>();
  let frozen = false;
  const held: Socket[] = [];
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    if (frozen) {
      client.pause();
      held.push(client);
    }
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const address = server.address() as { port: number };
  return {
    port: address.port,
    /** Stops forwarding client traffic without closing anything: the database "hangs". */
    freeze() {
      frozen = true;
      for (const s of sockets) {
        s.pause();
        held.push(s);
      }
    },
    thaw() {
      frozen = false;
      for (const s of held.splice(0)) s.resume();
    },
    /** Cuts every connection and stops accepting: the database is "down". */
    cut: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

describe.skipIf(!process.env.DATABASE_URL)('PostgreSQL outage under a running app', () => {
  it('answers 503 while the database hangs or is unreachable, and 202 again once it is back', async () => {
    const backend = await createBackend('postgres');
    const direct = new URL(backend.env.DATABASE_URL!);
    let proxy = await startProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const viaProxy = new URL(direct);
    viaProxy.port = String(proxy.port);
    const app = await startApp(testConfig({ kind: 'postgres', databaseUrl: viaProxy.toString(), poolSize: 4 }), {
      runner: { pollMs: 50 },
    });
    try {
      const body = (n: number) => fixtureBody('issue.created').replace('"1170820242"', `"outage-${n}"`);
      expect((await postWebhook(app.url, body(1), signedHeaders(body(1), 'issue'))).status).toBe(202);

      // A hanging database: 503 before Sentry's 1 s timeout; the insert that lands late makes the retry a duplicate.
      proxy.freeze();
      const slowStarted = Date.now();
      const slow = await postWebhook(app.url, body(3), signedHeaders(body(3), 'issue'));
      expect(slow.status).toBe(503);
      expect(Date.now() - slowStarted).toBeLessThan(1_000);
      proxy.thaw();
      let retry: Awaited<ReturnType<typeof postWebhook>> | undefined;
      await until(
        async () => (retry = await postWebhook(app.url, body(3), signedHeaders(body(3), 'issue'))).status === 202,
      );
      // The late insert, Sentry's retry and one more repeat are one delivery: a duplicate while its job waits, the same
      // row re-armed once the job has started (app/intake/README.md).
      const again = await postWebhook(app.url, body(3), signedHeaders(body(3), 'issue'));
      expect(again.status).toBe(202);
      expect(again.body.deliveryId).toBe(retry!.body.deliveryId);

      await proxy.cut();
      const started = Date.now();
      const down = await postWebhook(app.url, body(2), signedHeaders(body(2), 'issue'));
      expect(down.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(1_000); // inside Sentry's 1 s, so it is a 503, not a timeout
      const ready = await fetch(`${app.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ ready: false, database: 'unreachable' });

      proxy = await startProxy({ host: direct.hostname, port: Number(direct.port || 5432) }, proxy.port);
      const retried = await postWebhook(app.url, body(2), signedHeaders(body(2), 'issue'));
      expect(retried).toMatchObject({ status: 202, body: { status: 'accepted' } });
      expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
    } finally {
      await app.close(1_000);
      await proxy.cut();
      await backend.dispose();
    }
  });
});
