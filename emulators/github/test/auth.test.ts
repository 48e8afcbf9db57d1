import { Octokit } from '@octokit/rest';
import { generateKeyPairSync } from 'node:crypto';
import { createProbot, Probot } from 'probot';
import { describe, expect, it } from 'vitest';
import { fakeAppJwt, type GitHubEmulator } from '../server.ts';
import { appPrivateKey, appPublicKey, quiet, seed, useGitHubEmulator } from './fixture.ts';

let emu: GitHubEmulator;
const privateKey = appPrivateKey();

useGitHubEmulator(
  { seed: { ...seed, tokens: [{ token: 'ghp_everything', login: 'octocat' }] } },
  (started) => (emu = started),
);

async function call(path: string, authorization?: string, init: RequestInit = {}) {
  const res = await fetch(emu.url + path, {
    ...init,
    headers: { ...(authorization ? { authorization } : {}), ...(init.headers as Record<string, string>) },
  });
  return { status: res.status, body: (await res.json()) as { message?: string } };
}

describe('Probot against the emulator', () => {
  it('authenticates as the app with GHE_HOST/GHE_PROTOCOL, then as the installation, and loads the repo config', async () => {
    const probot = createProbot({
      env: { APP_ID: '1', PRIVATE_KEY: privateKey, GHE_HOST: emu.host, GHE_PROTOCOL: 'http', LOG_LEVEL: 'fatal' },
    });
    const app = await probot.auth();
    const { data: me } = await app.rest.apps.getAuthenticated();
    expect(me).toMatchObject({ slug: 'faultline', id: 1 });
    const { data: installation } = await app.rest.apps.getRepoInstallation({ owner: 'acme', repo: 'web' });
    expect(installation.id).toBe(1);
    expect((await app.rest.apps.listInstallations()).data.map((i) => i.account?.login)).toEqual(['acme']);

    const octokit = await probot.auth(1);
    const { config } = await octokit.config.get({ owner: 'acme', repo: 'web', path: '.github/faultline.yml' });
    expect(config).toEqual({ sentry: { org: 'acme', projects: ['web'] } });
    const { data: issue } = await octokit.rest.issues.create({ owner: 'acme', repo: 'web', title: 'from probot' });
    expect(issue.user?.login).toBe('faultline[bot]');
    expect(emu.state().tokensIssued).toBe(1);
    const created = emu.state().requests.find((r) => r.method === 'POST' && r.path === '/repos/acme/web/issues');
    expect(created).toMatchObject({ status: 201, body: { title: 'from probot' } });
  });

  it('answers a missing config file with 404, which Probot reads as no config', async () => {
    const probot = new Probot({ appId: 1, privateKey, baseUrl: emu.apiUrl, logLevel: 'fatal' });
    const octokit = await probot.auth(1);
    const { config, files } = await octokit.config.get({ owner: 'acme', repo: 'api', path: '.github/faultline.yml' });
    expect(config).toEqual({});
    // The repo's file first, then the owner's `.github` repo, as Probot's config conventions go; both 404.
    expect(files.map((f) => [f.repo, f.config])).toEqual([
      ['api', null],
      ['.github', null],
    ]);
    const configReads = emu.state().requests.filter((r) => r.path.includes('/contents/'));
    expect(configReads.map((r) => [r.path, r.status])).toEqual([
      ['/repos/acme/api/contents/.github%2Ffaultline.yml', 404],
      ['/repos/acme/.github/contents/.github%2Ffaultline.yml', 404],
    ]);
  });
});

describe('credentials', () => {
  it('requires an app JWT on app routes', async () => {
    expect(await call('/app')).toMatchObject({ status: 401, body: { message: 'Requires authentication' } });
    expect((await call('/app', `token ${emu.installationToken(1)}`)).status).toBe(401);
    expect((await call('/app', `Bearer ${emu.appJwt()}`)).status).toBe(200);
  });

  it('refuses expired and malformed JWTs', async () => {
    const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const expired = `${part({ alg: 'RS256' })}.${part({ iss: 1, exp: 1_000 })}.sig`;
    expect((await call('/app', `Bearer ${expired}`)).body.message).toMatch(/'Expiration time' claim/);
    const hs256 = `${part({ alg: 'HS256' })}.${part({ iss: 1, exp: 9e9 })}.sig`;
    expect(await call('/app', `Bearer ${hs256}`)).toMatchObject({
      status: 401,
      body: { message: 'A JSON web token could not be decoded' },
    });
  });

  it('refuses a JWT that expires more than ten minutes ahead or was issued in the future', async () => {
    const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const far = `${part({ alg: 'RS256' })}.${part({ iss: 1, exp: now + 3600 })}.sig`;
    expect((await call('/app', `Bearer ${far}`)).body.message).toBe(
      "'Expiration time' claim ('exp') is too far in the future",
    );
    const early = `${part({ alg: 'RS256' })}.${part({ iss: 1, iat: now + 300, exp: now + 500 })}.sig`;
    expect((await call('/app', `Bearer ${early}`)).body.message).toMatch(/'Issued at' claim \('iat'\)/);
  });

  it("verifies signatures and the issuer when the seed gives the app's public key", async () => {
    emu.seed({ app: { id: 4242, public_key: appPublicKey() } });
    const otherKey = generateKeyPairSync('rsa', {
      modulusLength: 1024,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    }).privateKey;
    const right = new Probot({ appId: 4242, privateKey, baseUrl: emu.apiUrl, logLevel: 'fatal' });
    expect((await (await right.auth()).rest.apps.getAuthenticated()).data).toMatchObject({ id: 4242 });
    const wrongKey = new Probot({ appId: 4242, privateKey: otherKey, baseUrl: emu.apiUrl, logLevel: 'fatal' });
    await expect((await wrongKey.auth()).rest.apps.getAuthenticated()).rejects.toMatchObject({
      status: 401,
      message: expect.stringContaining('A JSON web token could not be decoded'),
    });
    const wrongId = new Probot({ appId: 7, privateKey, baseUrl: emu.apiUrl, logLevel: 'fatal' });
    await expect((await wrongId.auth()).rest.apps.getAuthenticated()).rejects.toMatchObject({ status: 401 });
    expect((await call('/app', `Bearer ${emu.appJwt()}`)).status).toBe(401);
    expect((await call('/app', `Bearer ${emu.appJwt(privateKey)}`)).status).toBe(200);
  });

  it('requires an installation token on installation routes', async () => {
    expect(await call('/repos/acme/web')).toMatchObject({ status: 401, body: { message: 'Requires authentication' } });
    expect((await call('/repos/acme/web', `Bearer ${fakeAppJwt(1)}`)).status).toBe(401);
    expect(await call('/repos/acme/web', 'token ghs_nope')).toMatchObject({
      status: 401,
      body: { message: 'Bad credentials' },
    });
    expect((await call('/repos/acme/web', `token ${emu.installationToken(1)}`)).status).toBe(200);
    expect((await call('/repos/acme/web', `Bearer ${emu.installationToken(1)}`)).status).toBe(200);
  });

  it('issues installation tokens through the API, narrowed to the repositories asked for', async () => {
    const app = new Octokit({ baseUrl: emu.url, auth: emu.appJwt(), log: quiet });
    const { data, status } = await app.rest.apps.createInstallationAccessToken({
      installation_id: 1,
      repositories: ['web'],
    });
    expect(status).toBe(201);
    expect(data.token).toMatch(/^ghs_\w{36}$/);
    expect(Date.parse(data.expires_at) - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(data.repositories?.map((r) => r.full_name)).toEqual(['acme/web']);
    const narrow = new Octokit({ baseUrl: emu.url, auth: data.token, log: quiet });
    expect((await narrow.repos.get({ owner: 'acme', repo: 'web' })).status).toBe(200);
    await expect(narrow.repos.get({ owner: 'acme', repo: 'api' })).rejects.toMatchObject({ status: 404 });
    await expect(
      app.rest.apps.createInstallationAccessToken({ installation_id: 1, repositories: ['secret'] }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(app.rest.apps.createInstallationAccessToken({ installation_id: 99 })).rejects.toMatchObject({
      status: 404,
    });
  });

  it('finds installations by repo, org and user; 404 for a repo without one', async () => {
    const app = new Octokit({ baseUrl: emu.url, auth: emu.appJwt(), log: quiet });
    expect((await app.rest.apps.getOrgInstallation({ org: 'acme' })).data.id).toBe(1);
    expect((await app.rest.apps.getUserInstallation({ username: 'acme' })).data.id).toBe(1);
    expect((await app.rest.apps.getInstallation({ installation_id: 1 })).data.account).toMatchObject({ login: 'acme' });
    await expect(app.rest.apps.getRepoInstallation({ owner: 'other', repo: 'secret' })).rejects.toMatchObject({
      status: 404,
    });
  });

  it('accepts seeded personal tokens for every repo, writing as their user', async () => {
    const pat = new Octokit({ baseUrl: emu.url, auth: 'ghp_everything', log: quiet });
    expect((await pat.repos.get({ owner: 'other', repo: 'secret' })).status).toBe(200);
    const { data } = await pat.issues.create({ owner: 'other', repo: 'secret', title: 't' });
    expect(data.user?.login).toBe('octocat');
    expect(data.performed_via_github_app).toBeNull();
  });

  it('serves the rate-limit overview without credentials and sends rate-limit headers', async () => {
    const res = await fetch(`${emu.url}/rate_limit`);
    expect(res.status).toBe(200);
    const gh = new Octokit({ baseUrl: emu.url, auth: emu.installationToken(1), log: quiet });
    const { headers } = await gh.repos.get({ owner: 'acme', repo: 'web' });
    expect(headers['x-ratelimit-limit']).toBe('5000');
    expect(Number(headers['x-ratelimit-remaining'])).toBeGreaterThan(0);
    expect(headers['x-github-request-id']).toMatch(/^[0-9A-F]{16}$/);
  });
});
