/**
 * Integration-platform installations: the token exchange a public integration makes
 * (`POST sentry-app-installations/{uuid}/authorizations/`, grant code → token + refresh token, refresh rotates both,
 * tokens live 8 hours) and install verification (`PUT sentry-app-installations/{uuid}/`).
 */
import { randomBytes } from 'node:crypto';
import type { EmulatorContext } from './context.ts';
import { badRequest, HttpError, json, notFound, parseJsonBody, type Route, route } from './http.ts';
import { INTEGRATION_SCOPES, type InstallationRecord } from './state.ts';

const TOKEN_LIFETIME_MS = 8 * 60 * 60 * 1000;

export interface IntegrationCredentials {
  clientId: string;
  clientSecret: string;
}

function issueToken(emu: EmulatorContext, installation: InstallationRecord) {
  if (installation.token) emu.store.tokens.delete(installation.token);
  installation.token = randomBytes(32).toString('hex');
  installation.refreshToken = randomBytes(32).toString('hex');
  installation.tokenExpiresAt = new Date(Date.now() + TOKEN_LIFETIME_MS).toISOString();
  emu.store.tokens.set(installation.token, INTEGRATION_SCOPES);
  return json(201, {
    id: emu.store.nextId(),
    token: installation.token,
    refreshToken: installation.refreshToken,
    dateCreated: new Date().toISOString(),
    expiresAt: installation.tokenExpiresAt,
    state: null,
    application: null,
    scopes: INTEGRATION_SCOPES,
  });
}

export function installationRoutes(emu: EmulatorContext, credentials: IntegrationCredentials): Route[] {
  const find = (uuid: string | undefined) => {
    const installation = uuid === undefined ? undefined : emu.store.installations.get(uuid);
    if (!installation) throw notFound();
    return installation;
  };
  return [
    route(
      'POST',
      '/api/0/sentry-app-installations/{uuid}/authorizations/',
      (ctx) => {
        const installation = find(ctx.params.uuid);
        const body = parseJsonBody(ctx);
        if (body.client_id !== credentials.clientId || body.client_secret !== credentials.clientSecret) {
          throw new HttpError(401, { detail: 'Invalid client_id or client_secret' });
        }
        if (body.grant_type === 'authorization_code') {
          if (!installation.code || body.code !== installation.code) {
            throw new HttpError(401, {
              detail: 'Invalid grant code: unknown, already used, or for another installation',
            });
          }
          installation.code = null;
          return issueToken(emu, installation);
        }
        if (body.grant_type === 'refresh_token') {
          if (!installation.refreshToken || body.refresh_token !== installation.refreshToken) {
            throw new HttpError(401, { detail: 'Invalid refresh token' });
          }
          return issueToken(emu, installation);
        }
        throw badRequest({ detail: `Invalid grant_type ${JSON.stringify(body.grant_type)}` });
      },
      // Authenticated by the client id and secret in the body, not by a bearer token.
      'none',
    ),
    route('PUT', '/api/0/sentry-app-installations/{uuid}/', (ctx) => {
      const installation = find(ctx.params.uuid);
      const body = parseJsonBody(ctx);
      if (body.status !== 'installed')
        throw badRequest({ status: ['Invalid value for status. Valid values: "installed"'] });
      installation.status = 'installed';
      return json(200, {
        uuid: installation.uuid,
        status: installation.status,
        app: installation.app,
        organization: { slug: installation.org },
      });
    }),
  ];
}
