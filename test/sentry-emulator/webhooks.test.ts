/** The webhook sender: a signed integration-platform webhook with Sentry's headers, delivered to a real server. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../src/sentry/webhook-signature.ts';
import { startSentryEmulator, type SentryEmulator } from '../emulators/sentry/server.ts';
import { call } from './helpers.ts';

const SECRET = 'c0ffee'.repeat(10);
const INSTALLATION = '7f1c9a52-5b7e-4c1d-9e3a-2d4b6f8a0c11';

interface Received {
  headers: IncomingMessage['headers'];
  raw: Buffer;
}

describe('Sentry emulator: webhook sender', () => {
  let emu: SentryEmulator;
  let target: Server;
  let targetUrl: string;
  const received: Received[] = [];
  let answer: { status: number; body: string; delayMs?: number } = { status: 202, body: '{"queued":true}' };

  beforeAll(async () => {
    emu = await startSentryEmulator({ clientSecret: SECRET });
    target = createServer((req, res) => {
      const parts: Buffer[] = [];
      req.on('data', (c: Buffer) => parts.push(c));
      req.on('end', () => {
        received.push({ headers: req.headers, raw: Buffer.concat(parts) });
        setTimeout(
          () => res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body),
          answer.delayMs ?? 0,
        );
      });
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/sentry/webhook`;
  });
  afterAll(async () => {
    await emu.close();
    target.closeAllConnections();
    await new Promise((resolve) => target.close(resolve));
  });
  beforeEach(() => {
    emu.reset();
    received.length = 0;
    answer = { status: 202, body: '{"queued":true}' };
  });

  const send = (body: Record<string, unknown>) =>
    call(emu, 'POST', '/__emulator/webhooks', { json: body, token: null });

  it('delivers the body with Sentry’s headers, signed over the raw bytes with the client secret', async () => {
    const data = { issue: { id: '42', title: 'TypeError: x', status: 'unresolved' } };
    const before = Math.floor(Date.now() / 1000);
    const res = await send({ url: targetUrl, resource: 'issue', action: 'created', data });
    expect(res.json).toMatchObject({ status: 202, body: '{"queued":true}', requestId: expect.any(String) });

    expect(received).toHaveLength(1);
    const { headers, raw } = received[0]!;
    expect(headers['content-type']).toBe('application/json');
    expect(headers['request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers['request-id']).toBe((res.json as { requestId: string }).requestId);
    expect(headers['sentry-hook-resource']).toBe('issue');
    expect(Number(headers['sentry-hook-timestamp'])).toBeGreaterThanOrEqual(before);
    expect(Number(headers['sentry-hook-timestamp'])).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
    expect(verifyWebhookSignature(raw, headers['sentry-hook-signature'], SECRET)).toBe(true);
    expect(verifyWebhookSignature(raw, headers['sentry-hook-signature'], 'another secret')).toBe(false);
    expect(JSON.parse(raw.toString())).toEqual({
      action: 'created',
      installation: { uuid: INSTALLATION },
      data,
      actor: { type: 'application', id: 'sentry', name: 'Sentry' },
    });
    expect(emu.state().webhooks).toEqual([
      { url: targetUrl, resource: 'issue', action: 'created', requestId: headers['request-id'], status: 202 },
    ]);
  });

  it('writes compact JSON with non-ASCII escaped as Python does, so re-serialising in JavaScript breaks the signature', async () => {
    const data = { comment: 'Größe — ✓ 😀' };
    await send({
      url: targetUrl,
      resource: 'comment',
      action: 'created',
      data,
      actor: { type: 'user', id: '1', name: 'Zoë' },
    });
    const { headers, raw } = received[0]!;
    const text = raw.toString('utf8');
    expect(text).toContain('Gr\\u00f6\\u00dfe \\u2014 \\u2713 \\ud83d\\ude00');
    expect(text).toContain('"actor":{"type":"user","id":"1","name":"Zo\\u00eb"}');
    expect(JSON.parse(text).data).toEqual(data);
    expect(verifyWebhookSignature(raw, headers['sentry-hook-signature'], SECRET)).toBe(true);
    expect(verifyWebhookSignature(JSON.stringify(JSON.parse(text)), headers['sentry-hook-signature'], SECRET)).toBe(
      false,
    );
  });

  it('sends exact raw bytes, a stale timestamp or a wrong secret when a test asks for them', async () => {
    const rawBody = '{"action":"triggered","data":{"value":1.0}}';
    await send({
      url: targetUrl,
      resource: 'event_alert',
      action: 'triggered',
      rawBody,
      timestamp: 1000,
      secret: 'wrong',
    });
    const { headers, raw } = received[0]!;
    expect(raw.toString()).toBe(rawBody);
    expect(headers['sentry-hook-timestamp']).toBe('1000');
    expect(verifyWebhookSignature(raw, headers['sentry-hook-signature'], SECRET)).toBe(false);
    expect(verifyWebhookSignature(raw, headers['sentry-hook-signature'], 'wrong')).toBe(true);
  });

  it('reports the target’s error status, a refused connection and Sentry’s 1-second timeout', async () => {
    answer = { status: 401, body: '{"error":"bad signature"}' };
    expect((await send({ url: targetUrl, resource: 'issue', action: 'resolved', data: {} })).json).toMatchObject({
      status: 401,
      body: '{"error":"bad signature"}',
    });

    const refused = await send({ url: 'http://127.0.0.1:9/hook', resource: 'issue', action: 'resolved', data: {} });
    expect(refused.json).toMatchObject({ status: 0, error: expect.stringMatching(/ECONNREFUSED/) });

    answer = { status: 200, body: '{}', delayMs: 400 };
    const slow = await send({ url: targetUrl, resource: 'issue', action: 'resolved', data: {}, timeoutMs: 100 });
    expect(slow.json).toMatchObject({ status: 0, error: 'no answer within 100 ms' });
    expect(emu.state().webhooks.map((w) => w.status)).toEqual([401, 0, 0]);
  });

  it('refuses a request it cannot send, naming the field', async () => {
    expect((await send({ resource: 'issue', action: 'created', data: {} })).json).toEqual({
      error: 'webhook.url must be a non-empty string, got undefined',
    });
    expect((await send({ url: 'ftp://x', resource: 'issue', action: 'created', data: {} })).status).toBe(400);
    expect((await send({ url: targetUrl, resource: 'issue', action: 'created', data: [] })).json).toMatchObject({
      error: expect.stringContaining('webhook.data must be an object'),
    });
    expect(received).toHaveLength(0);
  });
});
