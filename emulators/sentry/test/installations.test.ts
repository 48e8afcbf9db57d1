/** Integration installations: grant-code exchange, refresh rotation, fixed internal tokens, install verification. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { SentryEmulator } from '../server.ts';
import { call, org, useSentryEmulator } from './helpers.ts';

const UUID = '0d4c1a9e-3b2f-4e5d-8c7b-6a5f4e3d2c1b';

describe('Sentry emulator: integration installations', () => {
  let emu: SentryEmulator;
  const authorize = (body: Record<string, unknown>) =>
    call(emu, 'POST', `/api/0/sentry-app-installations/${UUID}/authorizations/`, {
      json: { client_id: emu.clientId, client_secret: emu.clientSecret, ...body },
      token: null,
    });

  useSentryEmulator({ clientId: 'client-id-1', clientSecret: 'secret-1' }, (started) => (emu = started));
  beforeEach(() => {
    emu.seed({ installations: [{ uuid: UUID, code: 'grant-1', status: 'pending' }] });
  });

  it('exchanges the grant code once for an 8-hour token that the API accepts', async () => {
    const res = await authorize({ grant_type: 'authorization_code', code: 'grant-1' });
    expect(res.status).toBe(201);
    const grant = res.json as { token: string; refreshToken: string; expiresAt: string };
    expect(grant.token).toMatch(/^[0-9a-f]{64}$/);
    expect(Date.parse(grant.expiresAt) - Date.now()).toBeGreaterThan(8 * 3600_000 - 60_000);
    expect((await call(emu, 'GET', org('releases/'), { token: grant.token })).status).toBe(200);
    expect((await authorize({ grant_type: 'authorization_code', code: 'grant-1' })).status).toBe(401);
    expect(emu.state().installations.find((i) => i.uuid === UUID)).toMatchObject({ code: null, token: grant.token });
  });

  it('rotates token and refresh token on refresh; the old ones stop working', async () => {
    const first = (await authorize({ grant_type: 'authorization_code', code: 'grant-1' })).json as {
      token: string;
      refreshToken: string;
    };
    const second = (await authorize({ grant_type: 'refresh_token', refresh_token: first.refreshToken })).json as {
      token: string;
      refreshToken: string;
    };
    expect(second.token).not.toBe(first.token);
    expect((await call(emu, 'GET', org('releases/'), { token: first.token })).status).toBe(401);
    expect((await call(emu, 'GET', org('releases/'), { token: second.token })).status).toBe(200);
    expect((await authorize({ grant_type: 'refresh_token', refresh_token: first.refreshToken })).status).toBe(401);
  });

  it('refuses wrong client credentials, an unknown grant type and an unknown installation', async () => {
    expect(
      (await authorize({ grant_type: 'authorization_code', code: 'grant-1', client_secret: 'nope' })).json,
    ).toEqual({
      detail: 'Invalid client_id or client_secret',
    });
    expect((await authorize({ grant_type: 'password' })).status).toBe(400);
    const unknown = await call(emu, 'POST', '/api/0/sentry-app-installations/nope/authorizations/', {
      json: { client_id: 'client-id-1', client_secret: 'secret-1', grant_type: 'authorization_code', code: 'grant-1' },
      token: null,
    });
    expect(unknown.status).toBe(404);
  });

  it('accepts an internal integration’s fixed token at once, and verifies an install', async () => {
    emu.seed({ installations: [{ uuid: 'internal-1', token: 'internal-token' }] });
    expect((await call(emu, 'GET', org('issues/1/'), { token: 'internal-token' })).status).toBe(404);
    expect((await call(emu, 'GET', '/api/0/', { token: 'internal-token' })).json).toMatchObject({
      auth: { scopes: expect.arrayContaining(['event:write']) },
    });
    const verified = await call(emu, 'PUT', `/api/0/sentry-app-installations/${UUID}/`, {
      json: { status: 'installed' },
    });
    expect(verified.json).toMatchObject({ uuid: UUID, status: 'installed' });
    expect(emu.state().installations.find((i) => i.uuid === UUID)!.status).toBe('installed');
  });
});
