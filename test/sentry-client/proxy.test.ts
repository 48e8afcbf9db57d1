/**
 * The default dispatcher honours HTTP(S)_PROXY and NO_PROXY. Own file: the shared agent is created once per
 * process (vitest runs each file in its own fork), after the environment below is set.
 */
import { createServer, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFetch, SentryClient } from '../../src/sentry/index.ts';
import { type LocalServer, sendJson, startLocalServer } from './local-server.ts';

const seenByProxy: string[] = [];
const proxy = createServer((req, res) => {
  // Absolute-form request (plain HTTP proxying).
  seenByProxy.push(`${req.method} ${req.url}`);
  const target = new URL(req.url ?? '');
  const upstream = httpRequest(target, { method: req.method, headers: req.headers }, (up) => {
    res.writeHead(up.statusCode ?? 502, up.headers);
    up.pipe(res);
  });
  req.pipe(upstream);
});
proxy.on('connect', (req, socket, head) => {
  // Tunnel (CONNECT host:port).
  seenByProxy.push(`CONNECT ${req.url}`);
  const [host, port] = (req.url ?? '').split(':');
  const upstream = connect(Number(port), host, () => {
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    upstream.write(head);
    upstream.pipe(socket);
    socket.pipe(upstream);
  });
  upstream.on('error', () => socket.destroy());
  socket.on('error', () => upstream.destroy());
});

let sentry: LocalServer;
const saved = { ...process.env };

beforeAll(async () => {
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  sentry = await startLocalServer((_req, res) => sendJson(res, 200, []));
  for (const k of ['http_proxy', 'https_proxy', 'no_proxy']) delete process.env[k];
  process.env.HTTP_PROXY = `http://127.0.0.1:${port}`;
  process.env.HTTPS_PROXY = `http://127.0.0.1:${port}`;
  process.env.NO_PROXY = '';
});

afterAll(async () => {
  process.env = saved;
  proxy.closeAllConnections();
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
  await sentry.close();
});

describe('default dispatcher', () => {
  it('sends requests through HTTP_PROXY, and straight to hosts listed in NO_PROXY', async () => {
    const client = new SentryClient({ url: sentry.url, token: 'tok-proxy-test', org: 'acme' });
    await client.listRepos();
    expect(sentry.requests).toHaveLength(1);
    expect(seenByProxy).toHaveLength(1);
    expect(seenByProxy[0]).toContain(new URL(sentry.url).host);

    process.env.NO_PROXY = '127.0.0.1';
    await new SentryClient({ url: sentry.url, token: 'tok-proxy-test', org: 'acme' }).listRepos();
    expect(sentry.requests).toHaveLength(2);
    expect(seenByProxy).toHaveLength(1);
  });

  it('sends the GitHub history and the doctor through the same proxy (agentFetch over the shared agents)', async () => {
    process.env.NO_PROXY = '';
    const before = seenByProxy.length;
    const res = await agentFetch()(`${sentry.url}/api/0/`);
    expect(res.status).toBe(200);
    expect(seenByProxy.slice(before)).toEqual([expect.stringContaining(new URL(sentry.url).host)]);
  });
});
