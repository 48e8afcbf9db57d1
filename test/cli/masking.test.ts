// Every line the CLI prints masks every credential it knows, whichever command prints it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli.ts';
import { type CliIo, knownSecrets, maskedIo } from '../../src/cli/io.ts';
import { type LocalServer, sendJson, startLocalServer } from '../sentry-client/local-server.ts';

const SECRET = 'Zx9'.repeat(15);
let server: LocalServer;
let orgToken: string;
beforeAll(async () => {
  // A server whose error text echoes the secret part of the org token it was sent.
  server = await startLocalServer((req, res) => {
    const sent = String(req.headers.authorization ?? '').split('_')[2] ?? '';
    sendJson(res, 400, { detail: `token secret ${sent} is not allowed here` });
  });
  const claims = Buffer.from(JSON.stringify({ iat: 1, url: server.url, region_url: server.url, org: 'acme' }));
  orgToken = `sntrys_${claims.toString('base64')}_${SECRET}`;
});
afterAll(() => server.close());

function capture(env: NodeJS.ProcessEnv): { io: CliIo; all: () => string } {
  const lines: string[] = [];
  return {
    io: { env, cwd: process.cwd(), stdout: (l) => lines.push(l), stderr: (l) => lines.push(l) },
    all: () => lines.join('\n'),
  };
}

describe('the CLI masks credentials in everything it prints', () => {
  it('a Sentry error text that echoes the org token secret prints masked', async () => {
    const c = capture({ SENTRY_AUTH_TOKEN: orgToken, SENTRY_ORG: 'acme', SENTRY_URL: server.url });
    const code = await runCli(['release', '--projects', 'web', '--release', '1.0', '--set-commits', 'skip'], c.io);
    expect(code).toBe(1);
    expect(server.requests.length).toBeGreaterThan(0);
    expect(c.all()).toContain('token secret [redacted] is not allowed here');
    expect(c.all()).not.toContain(SECRET);
  });

  it('knows the token from --auth-token, the environment and GITHUB_TOKEN', () => {
    const secrets = knownSecrets(['release', '--auth-token', 'flag-token-1234', '--github-token=ghp_abcdefgh'], {
      SENTRY_AUTH_TOKEN: orgToken,
      GITHUB_TOKEN: 'ghs_fromtheenv',
    });
    expect(secrets).toEqual(
      expect.arrayContaining([orgToken, SECRET, 'flag-token-1234', 'ghp_abcdefgh', 'ghs_fromtheenv']),
    );
    const lines: string[] = [];
    const io = maskedIo({ env: {}, cwd: '.', stdout: (l) => lines.push(l), stderr: (l) => lines.push(l) }, secrets);
    io.stdout('a flag-token-1234 b ghs_fromtheenv c');
    io.mask!('from-a-config-file');
    io.stderr('d from-a-config-file e');
    expect(lines).toEqual(['a [redacted] b [redacted] c', 'd [redacted] e']);
  });
});
