import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  SentryApiError,
  SentryAssembleError,
  SentryClient,
  type SentryClientOptions,
  SentryConfigError,
  SentryConnectionError,
} from '../../src/sentry/index.ts';
import { VERSION } from '../../src/version.ts';
import { type Handler, type LocalServer, sendJson, startLocalServer, testAgents } from './local-server.ts';

const TOKEN = `sntryu_${'7e'.repeat(32)}`;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function serve(handler: Handler): Promise<LocalServer> {
  const server = await startLocalServer(handler);
  cleanups.push(() => server.close());
  return server;
}

function client(url: string, extra: Partial<SentryClientOptions> = {}): SentryClient {
  const agents = testAgents();
  cleanups.push(async () => agents.close());
  return new SentryClient({ url, token: TOKEN, org: 'acme', retryBaseMs: 5, agents, ...extra });
}

const release = (version: string) => ({ version, dateCreated: '2026-01-01T00:00:00Z', projects: [{ slug: 'web' }] });

async function rejection(p: Promise<unknown>): Promise<SentryApiError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SentryApiError);
  return err as SentryApiError;
}

describe('SentryClient requests', () => {
  it('sends bearer auth, the faultline user agent and JSON, and reads 201 vs 208', async () => {
    const server = await serve((_req, res, n) => sendJson(res, n === 1 ? 201 : 208, release('1.0')));
    const c = client(`${server.url}/api/0/`);
    const first = await c.createRelease({ version: '1.0', projects: ['web', '42'], url: 'https://x.test' });
    const second = await c.createRelease({ version: '1.0', projects: ['web'] });
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(first.release.version).toBe('1.0');
    const req = server.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/api/0/organizations/acme/releases/');
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.headers['user-agent']).toBe(`faultline/${VERSION}`);
    expect(req.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req.body.toString())).toEqual({ version: '1.0', projects: ['web', 42], url: 'https://x.test' });
  });

  it('encodes versions in paths and sends refs with previousCommit null when unknown', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, release('web@1.0+7')));
    const c = client(server.url);
    await c.updateRelease('web@1.0+7', { refs: [{ repository: 'o/r', commit: 'abc' }] });
    await c.finalizeRelease('web@1.0+7', '2026-01-02T00:00:00Z');
    expect(server.requests[0]!.url).toBe('/api/0/organizations/acme/releases/web%401.0%2B7/');
    expect(JSON.parse(server.requests[0]!.body.toString())).toEqual({
      refs: [{ repository: 'o/r', commit: 'abc', previousCommit: null }],
    });
    expect(JSON.parse(server.requests[1]!.body.toString())).toEqual({ dateReleased: '2026-01-02T00:00:00Z' });
  });

  it('sends unset deploy fields as null, like sentry-cli', async () => {
    const server = await serve((_req, res) =>
      sendJson(res, 201, {
        id: '1',
        environment: 'production',
        dateStarted: null,
        dateFinished: null,
        name: null,
        url: null,
      }),
    );
    const deploy = await client(server.url).createDeploy('1.0', { environment: 'production' });
    expect(deploy.id).toBe('1');
    expect(JSON.parse(server.requests[0]!.body.toString())).toEqual({
      environment: 'production',
      name: null,
      url: null,
      dateStarted: null,
      dateFinished: null,
    });
  });

  it('turns 404 on lookups into undefined', async () => {
    const server = await serve((_req, res) => sendJson(res, 404, { detail: 'The requested resource does not exist' }));
    const c = client(server.url);
    expect(await c.getRelease('nope')).toBeUndefined();
    expect(await c.previousReleaseWithCommits('nope', 'web')).toBeUndefined();
    expect(server.requests[1]!.url).toBe('/api/0/organizations/acme/releases/nope/previous-with-commits/?project=web');
  });

  it('retries an answer cut off in the middle of its body', async () => {
    const server = await serve((_req, res, n) => {
      if (n > 1) return sendJson(res, 200, []);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('[{"id":', () => res.socket?.destroy());
    });
    expect(await client(server.url).listRepos()).toEqual([]);
    expect(server.requests).toHaveLength(2);
  });

  it('reuses keep-alive connections across calls', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, []));
    const c = client(server.url);
    for (let i = 0; i < 8; i++) await c.listRepos();
    expect(server.requests).toHaveLength(8);
    // A second socket may open while the first is being handed back to the pool; never one per call.
    expect(server.connections).toBeLessThanOrEqual(2);
  });
});

describe('SentryClient errors', () => {
  it('maps 401 to a typed error naming the endpoint, the detail and the token scopes, never the token', async () => {
    const server = await serve((_req, res) => sendJson(res, 401, { detail: `Invalid token ${TOKEN}` }));
    const err = await rejection(client(server.url).listRepos());
    expect(err.status).toBe(401);
    expect(err.endpoint).toBe('GET /api/0/organizations/acme/repos/');
    expect(err.detail).toBe('Invalid token [redacted]');
    expect(err.hint).toMatch(/SENTRY_AUTH_TOKEN/);
    expect(err.hint).toMatch(/project:releases/);
    expect(err.message).toMatch(/GET \/api\/0\/organizations\/acme\/repos\/ failed with 401 Unauthorized/);
    expect(err.message).not.toContain(TOKEN);
    expect(JSON.stringify(err)).not.toContain(TOKEN);
    expect(server.requests).toHaveLength(1);
  });

  it('gives a hint per status: 403 org permissions, 404 slugs, 413 limits, 400 the field', async () => {
    const statuses: Record<string, [number, unknown]> = {
      '/api/0/organizations/acme/issues/1/': [403, { detail: 'You do not have permission to perform this action.' }],
      '/api/0/organizations/acme/releases/9.9/': [404, { detail: 'The requested resource does not exist' }],
      '/api/0/organizations/acme/releases/': [400, { projects: ['Invalid project ids or slugs'] }],
      '/api/0/organizations/acme/chunk-upload/': [413, undefined],
    };
    const server = await serve((req, res) => {
      const [status, body] = statuses[req.pathname]!;
      if (body === undefined) {
        res.writeHead(status, { 'content-type': 'text/html' });
        res.end('<h1>413 Request Entity Too Large</h1>');
      } else sendJson(res, status, body);
    });
    const c = client(server.url);
    const e403 = await rejection(c.getIssue('1'));
    expect(e403.hint).toMatch(/organization "acme"/);
    const e404 = await rejection(c.updateRelease('9.9', { url: 'https://x.test' }));
    expect(e404.hint).toMatch(/SENTRY_ORG="acme"/);
    expect(e404.hint).toMatch(/release version/);
    const e400 = await rejection(c.createRelease({ version: '1', projects: ['nope'] }));
    expect(e400.detail).toBe('projects: Invalid project ids or slugs');
    const e413 = await rejection(c.getChunkUploadOptions());
    expect(e413.detail).toBe('<h1>413 Request Entity Too Large</h1>');
    expect(e413.hint).toMatch(/maxRequestSize/);
  });

  it('refuses empty tokens, empty orgs and malformed URLs before any request', () => {
    expect(() => new SentryClient({ token: ' ', org: 'acme' })).toThrow(/SENTRY_AUTH_TOKEN is empty/);
    expect(() => new SentryClient({ token: 't', org: '' })).toThrow(SentryConfigError);
    expect(() => new SentryClient({ token: 't', org: 'acme', url: 'sentry.example.com' })).toThrow(/SENTRY_URL/);
  });
});

describe('SentryClient retries', () => {
  it('recovers from 502/503/504 within the budget, counting attempts', async () => {
    const server = await serve((_req, res, n) =>
      n <= 3 ? sendJson(res, [502, 503, 504][n - 1]!, {}) : sendJson(res, 200, []),
    );
    const lines: string[] = [];
    expect(await client(server.url, { log: (l) => lines.push(l) }).listRepos()).toEqual([]);
    expect(server.requests).toHaveLength(4);
    expect(lines.filter((l) => l.includes('retrying'))).toHaveLength(3);
  });

  it('gives up after maxAttempts with the last status and the attempt count', async () => {
    const server = await serve((_req, res) => sendJson(res, 503, { detail: 'down for maintenance' }));
    const err = await rejection(client(server.url, { maxAttempts: 3 }).getIssue('1'));
    expect(server.requests).toHaveLength(3);
    expect(err.status).toBe(503);
    expect(err.attempts).toBe(3);
    expect(err.message).toMatch(/failed with 503 Service Unavailable: down for maintenance \(after 3 attempts\)/);
  });

  it('does not retry 500 or client errors', async () => {
    const server = await serve((_req, res) => sendJson(res, 500, { detail: 'Internal Error' }));
    await rejection(client(server.url).getIssue('1'));
    expect(server.requests).toHaveLength(1);
  });

  it('waits for X-Sentry-Rate-Limit-Reset before retrying a 429', async () => {
    let resetMs = 0;
    const server = await serve((_req, res, n) => {
      if (n > 1) return sendJson(res, 200, []);
      let reset = Math.floor(Date.now() / 1000) + 1;
      if (reset * 1000 - Date.now() < 300) reset += 1;
      resetMs = reset * 1000;
      sendJson(
        res,
        429,
        { detail: 'You are attempting to use this endpoint too frequently.' },
        {
          'x-sentry-rate-limit-reset': String(reset),
          'x-sentry-rate-limit-remaining': '0',
        },
      );
    });
    await client(server.url).listReleases();
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.at).toBeGreaterThanOrEqual(resetMs - 15);
  });

  it('honours Retry-After seconds on 429', async () => {
    const server = await serve((_req, res, n) =>
      n === 1 ? sendJson(res, 429, { detail: 'slow down' }, { 'retry-after': '0.2' }) : sendJson(res, 200, []),
    );
    await client(server.url).listRepos();
    expect(server.requests[1]!.at - server.requests[0]!.at).toBeGreaterThanOrEqual(190);
  });

  it('fails at once when the rate limit resets beyond the wait bound, saying how long', async () => {
    const server = await serve((_req, res) =>
      sendJson(
        res,
        429,
        { detail: 'too frequently' },
        {
          'x-sentry-rate-limit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        },
      ),
    );
    const started = Date.now();
    const err = await rejection(client(server.url, { maxRateLimitWaitMs: 1000 }).listRepos());
    expect(Date.now() - started).toBeLessThan(1000);
    expect(server.requests).toHaveLength(1);
    expect(err.status).toBe(429);
    expect(err.retryAfterMs).toBeGreaterThan(3_500_000);
    expect(err.hint).toMatch(/wait 3[56]\d\d s/);
  });

  it('recovers from a connection reset', async () => {
    const server = await serve((_req, res, n) => {
      if (n === 1) res.socket?.destroy();
      else sendJson(res, 200, release('1.0'));
    });
    const got = await client(server.url).getRelease('1.0');
    expect(got?.version).toBe('1.0');
    expect(server.requests).toHaveLength(2);
  });

  it('fails with a connection error after resets exhaust the budget', async () => {
    const server = await serve((_req, res) => {
      res.socket?.destroy();
    });
    const err = await rejection(client(server.url, { maxAttempts: 3 }).createDeploy('1', { environment: 'prod' }));
    expect(err).toBeInstanceOf(SentryConnectionError);
    expect(err.status).toBe(0);
    expect(err.attempts).toBe(3);
    expect(server.requests).toHaveLength(3);
    expect(err.message).toMatch(
      /POST \/api\/0\/organizations\/acme\/releases\/1\/deploys\/ failed: .*after 3 attempts/,
    );
    expect(err.hint).toMatch(/HTTPS_PROXY/);
  });

  it('times out a stalled request, retries it, and reports the timeout', async () => {
    const server = await serve((_req, res, n) => {
      if (n === 2) sendJson(res, 200, []);
      // otherwise never answer
    });
    expect(await client(server.url, { timeoutMs: 150 }).listRepos()).toEqual([]);
    expect(server.requests).toHaveLength(2);

    const stalled = await serve(() => {});
    const started = Date.now();
    const err = await rejection(client(stalled.url, { timeoutMs: 100, maxAttempts: 2 }).listRepos());
    expect(Date.now() - started).toBeLessThan(2000);
    expect((err as SentryConnectionError).code).toBe('TIMEOUT');
    expect(err.message).toMatch(/no complete response within 100 ms \(after 2 attempts\)/);
    expect(stalled.requests).toHaveLength(2);
  });

  it('fails fast when the server refuses connections', async () => {
    const server = await serve(() => {});
    const url = server.url;
    await server.close();
    const err = await rejection(client(url).listRepos());
    expect(err).toBeInstanceOf(SentryConnectionError);
    expect((err as SentryConnectionError).code).toBe('ECONNREFUSED');
    expect(err.attempts).toBe(1);
    expect(err.hint).toMatch(/SENTRY_URL/);
  });

  it('keeps the token out of every log line, even across failures', async () => {
    const server = await serve((_req, res, n) =>
      n === 1 ? sendJson(res, 503, { detail: `bad ${TOKEN}` }) : sendJson(res, 401, { error: `token ${TOKEN}` }),
    );
    const lines: string[] = [];
    const agents = testAgents();
    cleanups.push(async () => agents.close());
    // A token pasted into the URL path must not leak through the endpoint or the hint either.
    const c = new SentryClient({
      url: `${server.url}/token=${TOKEN}`,
      token: TOKEN,
      org: 'acme',
      retryBaseMs: 1,
      log: (l) => lines.push(l),
      agents,
    });
    const err = await rejection(c.listRepos());
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line).not.toContain(TOKEN);
    expect(err.message).not.toContain(TOKEN);
    expect(err.detail).toBe('token [redacted]');
  });
});

describe('SentryClient pagination', () => {
  it('follows Link rel="next" while results="true", passing the cursor and the query', async () => {
    const pages = [['a', 'b'], ['c', 'd'], ['e']];
    const server = await serve((req, res) => {
      const cursor = new URL(req.url, 'http://x').searchParams.get('cursor');
      const index = cursor ? Number(cursor.split(':')[1]) : 0;
      const base = `${server.url}${req.pathname}`;
      const next = index + 1;
      sendJson(
        res,
        200,
        pages[index]!.map((v) => release(v)),
        {
          link:
            `<${base}?&cursor=0:${index}:1>; rel="previous"; results="${index > 0}"; cursor="0:${index}:1", ` +
            `<${base}?&cursor=0:${next}:0>; rel="next"; results="${next < pages.length}"; cursor="0:${next}:0"`,
        },
      );
    });
    const all = await client(server.url).listReleases({ project: 'web', perPage: 2 });
    expect(all.map((r) => r.version)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(server.requests.map((r) => r.url)).toEqual([
      '/api/0/organizations/acme/releases/?project=web&per_page=2',
      '/api/0/organizations/acme/releases/?project=web&per_page=2&cursor=0%3A1%3A0',
      '/api/0/organizations/acme/releases/?project=web&per_page=2&cursor=0%3A2%3A0',
    ]);
  });

  it('stops when a server repeats the same cursor', async () => {
    const server = await serve((req, res) =>
      sendJson(res, 200, [release('x')], {
        link: `<${server.url}${req.pathname}?cursor=same>; rel="next"; results="true"; cursor="same"`,
      }),
    );
    expect(await client(server.url).listReleases()).toHaveLength(2);
  });
});

describe('SentryClient uploads', () => {
  const chunkA = Buffer.from('first chunk '.repeat(100));
  const chunkB = Buffer.from([0, 1, 2, 3, 255, 254]);
  const sha1 = (b: Uint8Array) => createHash('sha1').update(b).digest('hex');

  async function formOf(body: Buffer, contentType: string | undefined): Promise<FormData> {
    return new Response(body, { headers: { 'content-type': contentType ?? '' } }).formData();
  }

  it('posts one gzip multipart request to the exact absolute url the server gave', async () => {
    const uploads = await serve((_req, res) => sendJson(res, 200, undefined));
    const api = await serve((_req, res) =>
      sendJson(res, 200, {
        url: `${uploads.url}/region/api/0/organizations/acme/chunk-upload/`,
        chunkSize: 8388608,
        chunksPerRequest: 64,
        maxRequestSize: 33554432,
        concurrency: 8,
        hashAlgorithm: 'sha1',
        compression: ['gzip'],
        accept: ['artifact_bundles', 'artifact_bundles_v2'],
      }),
    );
    const c = client(api.url);
    const options = await c.getChunkUploadOptions();
    await c.uploadChunks(options, [
      { checksum: sha1(chunkA), data: chunkA },
      { checksum: sha1(chunkB), data: chunkB },
    ]);
    expect(uploads.requests).toHaveLength(1);
    const req = uploads.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/region/api/0/organizations/acme/chunk-upload/');
    expect(req.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(req.headers['content-length']).toBe(String(req.body.length));
    const form = await formOf(req.body, req.headers['content-type']);
    expect([...form.keys()]).toEqual(['file_gzip', 'file_gzip']);
    const files = form.getAll('file_gzip') as File[];
    expect(files.map((f) => f.name)).toEqual([sha1(chunkA), sha1(chunkB)]);
    expect(gunzipSync(Buffer.from(await files[0]!.arrayBuffer()))).toEqual(chunkA);
    expect(gunzipSync(Buffer.from(await files[1]!.arrayBuffer()))).toEqual(chunkB);
    expect(files[0]!.size).toBeLessThan(chunkA.length);
  });

  it('sends raw `file` parts to a relative url when the server offers no compression', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, undefined));
    const c = client(server.url);
    const options = {
      url: 'organizations/acme/chunk-upload/',
      chunkSize: 1024,
      chunksPerRequest: 4,
      maxRequestSize: 4096,
      concurrency: 1,
      hashAlgorithm: 'sha1',
      compression: [],
      accept: [],
    };
    await c.uploadChunks(options, [{ checksum: sha1(chunkB), data: chunkB }]);
    const req = server.requests[0]!;
    expect(req.url).toBe('/api/0/organizations/acme/chunk-upload/');
    const form = await formOf(req.body, req.headers['content-type']);
    const file = form.get('file') as File;
    expect(file.name).toBe(sha1(chunkB));
    expect(Buffer.from(await file.arrayBuffer())).toEqual(chunkB);
    await expect(c.uploadChunks(options, [{ checksum: 'f'.repeat(40), data: chunkB }])).rejects.toThrow(
      /checksum "f{40}" does not match its data/,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('gzips a chunk read piece by piece as it is read, and checks its checksum over the pieces', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, undefined));
    const c = client(server.url);
    const options = {
      url: 'organizations/acme/chunk-upload/',
      chunkSize: chunkA.length,
      chunksPerRequest: 4,
      maxRequestSize: 1 << 24,
      concurrency: 1,
      hashAlgorithm: 'sha1',
      compression: ['gzip'],
      accept: [],
    };
    const inPieces = (bytes: Buffer) =>
      async function* () {
        for (let at = 0; at < bytes.length; at += 1000) yield bytes.subarray(at, at + 1000);
      };
    await c.uploadChunks(options, [{ checksum: sha1(chunkA), data: inPieces(chunkA) }]);
    const form = await formOf(server.requests[0]!.body, server.requests[0]!.headers['content-type']);
    const file = form.get('file_gzip') as File;
    expect(file.name).toBe(sha1(chunkA));
    expect(gunzipSync(Buffer.from(await file.arrayBuffer()))).toEqual(chunkA);
    await expect(c.uploadChunks(options, [{ checksum: sha1(chunkB), data: inPieces(chunkA) }])).rejects.toThrow(
      /does not match its data/,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('uploads legacy release files as multipart with name, dist and headers', async () => {
    const server = await serve((_req, res) =>
      sendJson(res, 201, { id: '9', name: '~/app.js', dist: '1', headers: {}, size: 3, sha1: 'x', dateCreated: 'd' }),
    );
    const c = client(server.url);
    const file = await c.uploadReleaseFile('1.0', {
      name: '~/static/app.js',
      contents: Buffer.from('abc'),
      dist: '1',
      headers: { Sourcemap: 'app.js.map' },
    });
    expect(file.id).toBe('9');
    const req = server.requests[0]!;
    expect(req.url).toBe('/api/0/organizations/acme/releases/1.0/files/');
    const form = await formOf(req.body, req.headers['content-type']);
    expect((form.get('file') as File).name).toBe('app.js');
    expect(form.get('name')).toBe('~/static/app.js');
    expect(form.get('dist')).toBe('1');
    expect(form.getAll('header')).toEqual(['Sourcemap:app.js.map']);
  });

  it('polls assemble until ok, and raises the detail on error', async () => {
    const states = ['created', 'assembling', 'ok'];
    const server = await serve((req, res, n) => {
      const body = JSON.parse(req.body.toString());
      if (body.checksum === 'e'.repeat(40))
        return sendJson(res, 200, { state: 'error', detail: 'the bundle is invalid', missingChunks: [] });
      sendJson(res, 200, { state: states[n - 1], missingChunks: [] });
    });
    const c = client(server.url);
    const body = { checksum: 'a'.repeat(40), chunks: ['a'.repeat(40)], projects: ['web'], version: '' };
    expect((await c.waitForArtifactBundle(body, { pollIntervalMs: 5 })).state).toBe('ok');
    expect(server.requests).toHaveLength(3);
    expect(JSON.parse(server.requests[0]!.body.toString())).toEqual({
      checksum: 'a'.repeat(40),
      chunks: ['a'.repeat(40)],
      projects: ['web'],
    });
    const err = await c.waitForArtifactBundle({ ...body, checksum: 'e'.repeat(40) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SentryAssembleError);
    expect((err as Error).message).toMatch(/the bundle is invalid/);
  });
});
