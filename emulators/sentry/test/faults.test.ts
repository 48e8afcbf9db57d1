/** Fault injection: status, delay, dropped connections and headers, for N requests matching method and path. */
import { describe, expect, it } from 'vitest';
import type { SentryEmulator } from '../server.ts';
import { call, org, useSentryEmulator } from './helpers.ts';

describe('Sentry emulator: fault injection', () => {
  let emu: SentryEmulator;
  useSentryEmulator({}, (started) => (emu = started));

  it('answers N times with the injected status, then serves normally again', async () => {
    emu.inject({ method: 'GET', path: '/repos/$', times: 2, status: 503 });
    expect(await call(emu, 'GET', org('repos/'))).toMatchObject({
      status: 503,
      json: { detail: 'Injected fault: HTTP 503' },
    });
    expect((await call(emu, 'GET', org('repos/'))).status).toBe(503);
    expect((await call(emu, 'GET', org('repos/'))).status).toBe(200);
    expect(emu.state().requests.map((r) => [r.status, r.fault ?? false])).toEqual([
      [503, true],
      [503, true],
      [200, false],
    ]);
  });

  it('matches the method and the path pattern only', async () => {
    emu.inject({ method: 'POST', path: 'releases/$', status: 500 });
    expect((await call(emu, 'GET', org('releases/'))).status).toBe(200);
    expect((await call(emu, 'GET', org('repos/'))).status).toBe(200);
    expect((await call(emu, 'POST', org('releases/'), { json: { version: '1', projects: ['web'] } })).status).toBe(500);
    expect(emu.state().releases).toEqual([]);
  });

  it('sends the given body and headers, e.g. a 429 with X-Sentry-Rate-Limit-Reset, before auth is even checked', async () => {
    emu.inject({
      path: '/releases/$',
      status: 429,
      headers: { 'X-Sentry-Rate-Limit-Reset': '1700000000' },
      body: { detail: 'You are attempting to use this endpoint too frequently. Limit is 40 requests in 1 seconds' },
    });
    const res = await call(emu, 'GET', org('releases/'), { token: 'wrong' });
    expect(res.status).toBe(429);
    expect(res.headers.get('x-sentry-rate-limit-reset')).toBe('1700000000');
    expect(res.json).toEqual({
      detail: 'You are attempting to use this endpoint too frequently. Limit is 40 requests in 1 seconds',
    });
  });

  it('delays a request and then serves it normally, adding headers when asked', async () => {
    emu.inject({ path: '/chunk-upload/$', delayMs: 150, headers: { 'X-Fault': 'slow' } });
    const started = Date.now();
    const res = await call(emu, 'GET', org('chunk-upload/'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-fault')).toBe('slow');
    expect(res.json).toMatchObject({ hashAlgorithm: 'sha1' });
  });

  it('drops the connection without an answer', async () => {
    emu.inject({ path: '/repos/$', drop: true });
    await expect(call(emu, 'GET', org('repos/'))).rejects.toThrow(/fetch failed/);
    expect((await call(emu, 'GET', org('repos/'))).status).toBe(200);
  });

  it('takes faults over HTTP too, refusing a bad one with the reason, and lists the pending ones in state', async () => {
    const ok = await call(emu, 'POST', '/__emulator/faults', {
      json: { path: '^/api/0/$', times: 3, status: 502 },
      token: null,
    });
    expect(ok.status).toBe(201);
    expect(emu.state().faults).toEqual([{ path: '^/api/0/$', times: 3, status: 502, remaining: 3 }]);
    expect((await call(emu, 'GET', '/api/0/')).status).toBe(502);
    expect(emu.state().faults[0]!.remaining).toBe(2);
    const bad = await call(emu, 'POST', '/__emulator/faults', { json: { path: '(' }, token: null });
    expect(bad.status).toBe(400);
    expect((bad.json as { error: string }).error).toMatch(/fault.path "\(" is not a valid regular expression/);
    expect(() => emu.inject({ path: '/x', status: 42 })).toThrow(/fault.status must be an HTTP status 100-599, got 42/);
    expect((await call(emu, 'DELETE', '/__emulator/faults', { token: null })).status).toBe(204);
    expect((await call(emu, 'GET', '/api/0/')).status).toBe(200);
  });

  it('never applies faults to the inspection API', async () => {
    emu.inject({ path: '.*', times: 5, status: 500 });
    expect((await call(emu, 'GET', '/__emulator/state', { token: null })).status).toBe(200);
    expect(emu.state().faults[0]!.remaining).toBe(5);
  });
});
