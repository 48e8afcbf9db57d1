import { Octokit } from '@octokit/rest';
import { Probot } from 'probot';
import { describe, expect, it } from 'vitest';
import { type GitHubEmulator, startGitHubEmulator } from '../server.ts';
import { appPrivateKey, quiet, seed, useGitHubEmulator } from './fixture.ts';

let emu: GitHubEmulator;
let gh: Octokit;
const web = { owner: 'acme', repo: 'web' };

useGitHubEmulator({ seed }, (started) => {
  emu = started;
  gh = new Octokit({ baseUrl: emu.apiUrl, auth: emu.installationToken(1), log: quiet });
});

describe('faults as Octokit sees them', () => {
  it('answers a 5xx for the next `times` matching requests, then recovers', async () => {
    emu.inject({ method: 'GET', path: '^/repos/acme/web$', status: 502, times: 2 });
    await expect(gh.repos.get(web)).rejects.toMatchObject({
      status: 502,
      message: expect.stringContaining('Server Error'),
    });
    await expect(gh.repos.get(web)).rejects.toMatchObject({ status: 502 });
    expect((await gh.repos.get(web)).status).toBe(200);
  });

  it('matches the method: a POST fault leaves GETs alone', async () => {
    emu.inject({ method: 'POST', path: '/issues$', status: 500, body: { message: 'boom' } });
    expect((await gh.issues.listForRepo(web)).status).toBe(200);
    await expect(gh.issues.create({ ...web, title: 't' })).rejects.toMatchObject({ status: 500, message: 'boom' });
    expect(emu.state().repos[0]!.issues).toEqual([]);
  });

  it('delays an answer', async () => {
    emu.inject({ path: '^/repos/acme/web$', delayMs: 200 });
    const started = Date.now();
    expect((await gh.repos.get(web)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('drops the connection', async () => {
    emu.inject({ path: '^/repos/acme/web$', drop: true });
    await expect(gh.repos.get(web)).rejects.toThrow(/fetch failed|socket|closed/i);
    expect((await gh.repos.get(web)).status).toBe(200);
  });

  it('sends the primary rate limit: 403 with x-ratelimit-remaining 0 and the reset time', async () => {
    emu.inject({ path: '^/repos/acme/web/issues$', rateLimit: 'primary', resetInSeconds: 120 });
    const error = await gh.issues.create({ ...web, title: 't' }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 403,
      message: expect.stringContaining('API rate limit exceeded for installation ID 1'),
    });
    const headers = (error as { response: { headers: Record<string, string> } }).response.headers;
    expect(headers['x-ratelimit-remaining']).toBe('0');
    const reset = Number(headers['x-ratelimit-reset']) - Date.now() / 1000;
    expect(reset).toBeGreaterThan(115);
    expect(reset).toBeLessThan(125);
  });

  it('sends the secondary rate limit: 403 with retry-after and the real message', async () => {
    emu.inject({ path: '/comments$', rateLimit: 'secondary', retryAfter: 30 });
    const error = await gh.issues.createComment({ ...web, issue_number: 3, body: 'x' }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 403,
      message: expect.stringMatching(/^You have exceeded a secondary rate limit\. Please wait a few minutes/),
    });
    expect((error as { response: { headers: Record<string, string> } }).response.headers['retry-after']).toBe('30');
  });

  it("reaches Probot's throttling: primary waited out by x-ratelimit-reset, secondary surfaced with retry-after", async () => {
    const privateKey = appPrivateKey();
    const probot = new Probot({ appId: 1, privateKey, baseUrl: emu.apiUrl, logLevel: 'fatal' });
    const octokit = await probot.auth(1);
    emu.inject({ method: 'GET', path: '^/repos/acme/web$', rateLimit: 'primary', resetInSeconds: 1 });
    expect((await octokit.rest.repos.get(web)).status).toBe(200);
    const attempts = emu.state().requests.filter((r) => r.path === '/repos/acme/web');
    expect(attempts.map((r) => r.status)).toEqual([403, 200]);
    // Probot logs the secondary limit and leaves the retry to the caller (the app's job queue reads retry-after).
    emu.inject({ method: 'POST', path: '^/repos/acme/web/issues$', rateLimit: 'secondary', retryAfter: 7 });
    await expect(octokit.rest.issues.create({ ...web, title: 't' })).rejects.toMatchObject({
      status: 403,
      response: { headers: { 'retry-after': '7' } },
    });
  });

  it('arms faults over HTTP, also for /api/v3 paths, and rejects a bad fault with 400', async () => {
    const armed = await fetch(`${emu.url}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify([{ path: '^/repos/acme/web$', status: 503 }]),
    });
    expect(armed.status).toBe(201);
    await expect(gh.repos.get(web)).rejects.toMatchObject({ status: 503 });
    const bad = await fetch(`${emu.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ path: '(' }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toContain(
      'fault.path "(" is not a valid regular expression',
    );
    emu.inject({ path: '.', status: 500, times: 5 });
    emu.clearFaults();
    expect((await gh.repos.get(web)).status).toBe(200);
  });
});

describe('latency', () => {
  it('holds every REST request for latencyMs, as a distant api.github.com does', async () => {
    const far = await startGitHubEmulator({ seed, latencyMs: 150 });
    try {
      const client = new Octokit({ baseUrl: far.apiUrl, auth: far.installationToken(1), log: quiet });
      const started = Date.now();
      expect((await client.repos.get(web)).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    } finally {
      await far.close();
    }
  });

  it('refuses a negative latency', async () => {
    await expect(startGitHubEmulator({ latencyMs: -1 })).rejects.toThrow('latencyMs must be ≥ 0');
  });
});
