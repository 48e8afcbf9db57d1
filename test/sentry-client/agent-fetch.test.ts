/**
 * The fetch the GitHub history and the doctor's probe send through: node:http over the Sentry client's agents,
 * answering with Node's own Response (Octokit reads status, headers and body from it).
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { request as octokitRequest } from '@octokit/request';
import { agentFetch } from '../../src/sentry/index.ts';
import { createSentryProbe } from '../../src/doctor/sentry-probe.ts';
import { type LocalServer, sendJson, startLocalServer, testAgents } from './local-server.ts';

const agents = testAgents();
const fetch = agentFetch(() => agents);
let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
afterAll(() => agents.close());

describe('agentFetch', () => {
  it('sends the method, headers and body, and answers with status, every header and the body', async () => {
    server = await startLocalServer((_req, res) => {
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      sendJson(res, 201, { ok: true }, { 'x-ratelimit-remaining': '4999' });
    });
    const res = await fetch(`${server.url}/repos/acme/shop`, {
      method: 'post',
      headers: { 'Content-Type': 'application/json', authorization: 'token t' },
      body: '{"title":"x"}',
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-ratelimit-remaining')).toBe('4999');
    expect(res.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await res.json()).toEqual({ ok: true });
    const seen = server.requests[0]!;
    expect(seen.method).toBe('POST');
    expect(seen.headers.authorization).toBe('token t');
    expect(seen.headers['content-length']).toBe('13');
    expect(seen.body.toString()).toBe('{"title":"x"}');
  });

  it('follows a redirect as fetch does (a 303 becomes a GET without a body), and not when asked not to', async () => {
    server = await startLocalServer((req, res) => {
      if (req.pathname === '/old') {
        res.writeHead(303, { location: '/new' });
        res.end();
      } else sendJson(res, 200, { method: req.method, body: req.body.toString() });
    });
    const followed = await fetch(`${server.url}/old`, { method: 'POST', body: 'x' });
    expect(await followed.json()).toEqual({ method: 'GET', body: '' });
    const manual = await fetch(`${server.url}/old`, { redirect: 'manual' });
    expect(manual.status).toBe(303);
    expect(manual.headers.get('location')).toBe('/new');
  });

  it('answers 204 and 304 with no body', async () => {
    server = await startLocalServer((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const res = await fetch(`${server.url}/x`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
  });

  it('is what Octokit sends a GitHub API call through: data, status and headers as Octokit reads them', async () => {
    server = await startLocalServer((req, res) =>
      sendJson(res, 200, { files: [{ filename: 'a.ts', status: 'modified' }], path: req.url }, { etag: '"e1"' }),
    );
    const request = octokitRequest.defaults({ baseUrl: server.url, request: { fetch } });
    const answer = await request('GET /repos/{owner}/{repo}/commits/{ref}', {
      owner: 'acme',
      repo: 'shop',
      ref: 'abc',
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.etag).toBe('"e1"');
    expect(answer.data).toMatchObject({ path: '/repos/acme/shop/commits/abc' });
  });

  it("gives the doctor's probe TIMEOUT when no answer comes in time, and the status of a redirect unfollowed", async () => {
    server = await startLocalServer((req, res) => {
      if (req.pathname === '/api/0/slow/') return; // never answers
      res.writeHead(302, { location: 'https://elsewhere.example/' });
      res.end();
    });
    const probe = createSentryProbe({ url: server.url, token: 't', timeoutMs: 200, fetch });
    await expect(probe.get('/api/0/slow/')).rejects.toMatchObject({ name: 'ProbeConnectionError', code: 'TIMEOUT' });
    await expect(probe.get('/api/0/')).resolves.toEqual({ status: 302, json: undefined });
  });

  it('names the connection failure by its code', async () => {
    server = await startLocalServer((_req, res) => sendJson(res, 200, {}));
    const url = server.url;
    await server.close();
    server = undefined;
    const probe = createSentryProbe({ url, token: undefined, timeoutMs: 2_000, fetch });
    await expect(probe.get('/api/0/')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
