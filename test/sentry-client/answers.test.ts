// Answers a proxy, a login page or a broken server sends with a 2xx status: each fails with what was received.
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { firstBytes, likelyCause } from '../../src/sentry/answers.ts';
import { SentryAnswerError, SentryClient } from '../../src/sentry/index.ts';
import { type Handler, sendJson, startLocalServer, testAgents } from './local-server.ts';

const TOKEN = `sntryu_${'5c'.repeat(32)}`;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function clientFor(handler: Handler): Promise<SentryClient> {
  const server = await startLocalServer(handler);
  const agents = testAgents();
  cleanups.push(
    () => server.close(),
    async () => agents.close(),
  );
  return new SentryClient({ url: server.url, token: TOKEN, org: 'acme', retryBaseMs: 5, agents });
}

function sendText(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType });
  res.end(body);
}

async function answerError(p: Promise<unknown>): Promise<SentryAnswerError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SentryAnswerError);
  return err as SentryAnswerError;
}

const assembleBody = { checksum: 'a'.repeat(40), chunks: ['a'.repeat(40)], projects: ['web'], version: '1.0' };
const LOGIN_PAGE = `<!DOCTYPE html><html><head><title>Sign in</title></head><body>Log in to continue ${TOKEN}</body></html>`;

describe('answers the upload depends on', () => {
  it('a 200 HTML login page from assemble fails, naming status, content type, first bytes and a proxy', async () => {
    const c = await clientFor((_req, res) => sendText(res, 200, 'text/html; charset=utf-8', LOGIN_PAGE));
    const err = await answerError(c.assembleArtifactBundle(assembleBody));
    expect(err.message).toContain('answered 200 (text/html; charset=utf-8)');
    expect(err.message).toContain('<!DOCTYPE html><html><head><title>Sign in');
    expect(err.message).toMatch(/login page: a proxy or single sign-on/);
    expect(err.message).not.toContain(TOKEN);
    expect(err.received).toContain('[redacted]');
  });

  it('broken JSON from assemble fails', async () => {
    const c = await clientFor((_req, res) => sendText(res, 200, 'application/json', '{"state": "ok", "missing'));
    const err = await answerError(c.assembleArtifactBundle(assembleBody));
    expect(err.message).toContain('not JSON');
    expect(err.message).toContain('{\\"state\\": \\"ok\\", \\"missing');
  });

  it('`{}` and an unknown state from assemble fail instead of counting as done', async () => {
    for (const body of [{}, { state: 'done', missingChunks: [] }]) {
      const c = await clientFor((_req, res) => sendJson(res, 200, body));
      const err = await answerError(c.assembleArtifactBundle(assembleBody));
      expect(err.message).toContain('an assemble state (created, assembling, ok, error or not_found)');
      expect(err.message).toContain(JSON.stringify(JSON.stringify(body)));
    }
  });

  it('chunk-upload options that are a web page fail with a wrong-URL hint', async () => {
    const c = await clientFor((_req, res) =>
      sendText(res, 200, 'text/html', '<html><body>Welcome to nginx!</body></html>'),
    );
    const err = await answerError(c.getChunkUploadOptions());
    expect(err.endpoint).toBe('GET /api/0/organizations/acme/chunk-upload/');
    expect(err.message).toMatch(/web page, not the Sentry API: check SENTRY_URL/);
  });

  it('a release answer without a version fails', async () => {
    const c = await clientFor((_req, res) => sendJson(res, 201, {}));
    const err = await answerError(c.createRelease({ version: '1.0', projects: ['web'] }));
    expect(err.message).toContain('JSON that is not a release (version:');
  });

  it('shows at most 200 characters of a body, on one line', () => {
    const shown = firstBytes(`line1\nline2\u0007${'x'.repeat(500)}`);
    expect(shown.startsWith('line1 line2 x')).toBe(true);
    expect(shown).toHaveLength(201);
    expect(likelyCause('text/plain', 'hello')).toMatch(/not what Sentry sends/);
  });
});
