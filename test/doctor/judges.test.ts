// The doctor's pure parts: settings, judges and the table, without servers.
import { generateKeyPairSync, createVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { judgeGitHubApp, judgePermissions, judgeSecrets } from '../../app/doctor/app-checks.ts';
import { describeStorage, judgeInstallations } from '../../app/doctor/database.ts';
import { appJwt } from '../../app/doctor/github-app.ts';
import { judgeRepoConfig } from '../../app/doctor/repo-config.ts';
import { renderDoctorMarkdown, renderDoctorReport } from '../../src/doctor/render.ts';
import { judgeChunkUpload, judgeExists, judgeScopes, judgeToken } from '../../src/doctor/sentry-checks.ts';
import { DoctorUsageError, parseDoctorSettings } from '../../src/doctor/settings.ts';

describe('doctor settings', () => {
  it('reads SENTRY_* and splits SENTRY_PROJECT on commas and spaces; flags win', () => {
    const s = parseDoctorSettings([], {
      SENTRY_URL: 'https://sentry.example.com/',
      SENTRY_AUTH_TOKEN: 't',
      SENTRY_ORG: 'acme',
      SENTRY_PROJECT: 'web, api  web',
    });
    expect(s.sentry).toMatchObject({ url: 'https://sentry.example.com', org: 'acme', projects: ['web', 'api'] });
    expect(s.app).toBe(false);
    const f = parseDoctorSettings(['--org', 'other', '--project', 'x', '--no-app'], {
      SENTRY_ORG: 'acme',
      APP_ID: '1',
    });
    expect(f.sentry).toMatchObject({ org: 'other', projects: ['x'], url: 'https://sentry.io' });
    expect(f.app).toBe(false);
    expect(parseDoctorSettings([], { APP_ID: '1' }).app).toBe(true);
    expect(parseDoctorSettings([], { APP_ID: '1' }).sentry.tokenOptional).toBe(false);
    expect(parseDoctorSettings([], { APP_ID: '1', SENTRY_CLIENT_ID: 'c' }).sentry.tokenOptional).toBe(true);
  });

  it('rejects unknown flags and bad numbers with usage', () => {
    expect(() => parseDoctorSettings(['--nope'], {})).toThrow(DoctorUsageError);
    expect(() => parseDoctorSettings(['--timeout-ms', 'soon'], {})).toThrow(/--timeout-ms is "soon"/);
  });
});

describe('Sentry judges', () => {
  it('token: unset, rejected, anonymous answer, accepted', () => {
    expect(judgeToken(undefined, { status: 200, json: {} })).toMatchObject({ status: 'fail', detail: /not set/ });
    expect(judgeToken('t', { status: 401, json: { detail: 'Invalid token' } })).toMatchObject({
      status: 'fail',
      detail: 'Sentry rejected the token (HTTP 401 Invalid token)',
    });
    expect(judgeToken('t', { status: 200, json: { auth: null } }).status).toBe('fail');
    expect(judgeToken('t', { status: 200, json: { auth: { scopes: [] } } }).status).toBe('pass');
  });

  it('scopes: one release scope is enough; none fails naming the scopes the token has', () => {
    expect(judgeScopes({ status: 200, json: { auth: { scopes: ['org:ci'] } } }).status).toBe('pass');
    const bad = judgeScopes({ status: 200, json: { auth: { scopes: ['org:read', 'event:read'] } } });
    expect(bad).toMatchObject({ status: 'fail', detail: /org:read, event:read: none allows releases/ });
    expect(bad.fix).toMatch(/project:releases/);
    expect(judgeScopes({ status: 200, json: { auth: {} } }).status).toBe('skip');
  });

  it('existence: 200, 404, and 403 decided by the releases list', () => {
    const what = { kind: 'project' as const, slug: 'web', setting: 'SENTRY_PROJECT', url: 'https://s' };
    expect(judgeExists(what, { status: 200, json: { name: 'Web' } })).toMatchObject({
      status: 'pass',
      detail: 'exists (Web)',
    });
    expect(judgeExists(what, { status: 404, json: {} })).toMatchObject({ status: 'fail', fix: /create the project/ });
    expect(judgeExists(what, { status: 403, json: {} }, { status: 200, json: [] }).status).toBe('pass');
    expect(judgeExists(what, { status: 403, json: {} }, { status: 403, json: {} }).detail).toMatch(/may not access/);
  });

  it('chunk upload: artifact bundles pass; an old server fails unless legacy uploads are allowed', () => {
    const modern = {
      status: 200,
      json: {
        accept: ['release_files', 'artifact_bundles', 'artifact_bundles_v2'],
        compression: ['gzip'],
        chunkSize: 8388608,
      },
    };
    expect(judgeChunkUpload(modern, false)).toMatchObject({
      status: 'pass',
      detail: 'artifact bundles (skips chunks the server holds, gzip, 8 MiB chunks)',
    });
    const old = { status: 200, json: { accept: ['debug_files', 'release_files'] } };
    expect(judgeChunkUpload(old, false)).toMatchObject({ status: 'fail', fix: /23\.7 or newer/ });
    expect(judgeChunkUpload(old, true).status).toBe('pass');
    expect(judgeChunkUpload({ status: 404, json: {} }, false).detail).toMatch(/no chunk-upload endpoint/);
  });
});

describe('app judges', () => {
  it('secrets: missing and short values fail, values never shown', () => {
    expect(judgeSecrets({ WEBHOOK_SECRET: 'x'.repeat(20) })).toMatchObject({
      status: 'fail',
      detail: 'SENTRY_CLIENT_SECRET not set',
    });
    const short = judgeSecrets({ WEBHOOK_SECRET: 'hunter2', SENTRY_CLIENT_SECRET: 'y'.repeat(32) });
    expect(short.detail).toBe('WEBHOOK_SECRET shorter than 16 characters');
    const ok = judgeSecrets({ WEBHOOK_SECRET: 'w'.repeat(32), SENTRY_CLIENT_SECRET: 'y'.repeat(32) });
    expect(ok.status).toBe('pass');
    expect(JSON.stringify(ok)).not.toMatch(/www|yyy/);
  });

  it('permissions: a higher level is enough, a missing or lower one is named', () => {
    expect(judgePermissions({ contents: 'write', issues: 'write', metadata: 'read', pull_requests: 'write' })).toEqual(
      [],
    );
    expect(judgePermissions({ contents: 'read', issues: 'read', metadata: 'read' })).toEqual([
      'issues: write',
      'pull_requests: write',
    ]);
    expect(judgeGitHubApp(7, { status: 401, json: {} })).toMatchObject({ status: 'fail', detail: /APP_ID 7/ });
  });

  it('installations: none, one without a usable token, and healthy ones', () => {
    const now = 1_000_000;
    expect(judgeInstallations([], {}, now)).toMatchObject({ status: 'fail', detail: /none recorded/ });
    const noToken = { org: 'acme', hasToken: false, hasRefreshToken: false, expiresAt: null };
    expect(judgeInstallations([noToken], {}, now)).toMatchObject({ status: 'fail', fix: /set SENTRY_CLIENT_ID/ });
    const stale = { uuid: 'b7e1', org: 'initech', hasToken: true, hasRefreshToken: false, expiresAt: now - 1 };
    expect(judgeInstallations([noToken, stale], {}, now).detail).toBe(
      'no usable Sentry token for acme (none stored); installation b7e1 of initech (expired 1970-01-01T00:16:39.999Z, no refresh token)',
    );
    expect(judgeInstallations([noToken], { SENTRY_CLIENT_ID: 'c' }, now).fix).toMatch(/^reinstall/);
    expect(judgeInstallations([noToken], { SENTRY_AUTH_TOKEN: 't' }, now).status).toBe('pass');
    const expiring = { org: 'globex', hasToken: true, hasRefreshToken: true, expiresAt: now - 1 };
    expect(judgeInstallations([expiring], {}, now)).toMatchObject({ status: 'pass', detail: 'globex (token held)' });
  });

  it('storage is described without the URL credentials', () => {
    const pg = describeStorage({ DATABASE_URL: 'postgres://user:pa55word@db.internal:5432/faultline' }, '/srv');
    expect(pg.where).toBe('PostgreSQL at db.internal:5432/faultline');
    expect(describeStorage({ FAULTLINE_DATA_DIR: 'data' }, '/srv').where).toBe('/srv/data/faultline.sqlite');
  });

  it('repository config: absent is skipped, a foreign organization fails', () => {
    expect(judgeRepoConfig('acme/shop', { status: 404 }, ['acme']).status).toBe('skip');
    const foreign = judgeRepoConfig('acme/shop', { status: 200, text: 'sentry:\n  org: other\n  projects: [web]\n' }, [
      'acme',
    ]);
    expect(foreign).toMatchObject({ status: 'fail', detail: /names Sentry organization other/ });
    expect(judgeRepoConfig('acme/shop', { status: 200, text: 'sentry: [' }, ['acme']).detail).toMatch(/invalid/);
    const wrong = judgeRepoConfig(
      'acme/shop',
      { status: 200, text: 'sentry:\n  org: acme\n  projects: []\nminLevel: loud\nsync:\n  status: maybe\n' },
      ['acme'],
    );
    expect(wrong.status).toBe('fail');
    expect(wrong.detail).toMatch(/sentry\.projects: name at least one Sentry project slug/);
    expect(wrong.detail).toMatch(/minLevel/);
    expect(wrong.detail).toMatch(/sync\.status/);
  });

  it('signs a GitHub App JWT that verifies with the public key', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwt = appJwt(42, privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(), 1_000_000);
    const [header, payload, signature] = jwt.split('.');
    expect(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString())).toEqual({
      iat: 999_940,
      exp: 1_000_540,
      iss: '42',
    });
    const ok = createVerify('RSA-SHA256')
      .update(`${header}.${payload}`)
      .verify(publicKey, signature ?? '', 'base64url');
    expect(ok).toBe(true);
  });
});

describe('doctor table', () => {
  it('shows marks, the fix under each failure, a count line, and never a secret', () => {
    const text = renderDoctorReport(
      [
        { group: 'sentry', name: 'reachable', status: 'pass', detail: 'https://s answers' },
        {
          group: 'sentry',
          name: 'auth token',
          status: 'fail',
          detail: 'server said: bad token sntrys_SECRET_value',
          fix: 'make a new one',
        },
        { group: 'app', name: 'database', status: 'skip', detail: 'no app' },
      ],
      { secrets: ['sntrys_SECRET_value'] },
    );
    expect(text).toBe(
      [
        'Sentry',
        '  ✓ reachable   https://s answers',
        '  ✗ auth token  server said: bad token ***',
        '                fix: make a new one',
        '',
        'GitHub App',
        '  – database    skipped: no app',
        '',
        '1 passed, 1 failed, 1 skipped',
      ].join('\n'),
    );
  });

  it('as markdown for a job summary: a row per check, pipes escaped, secrets redacted', () => {
    const markdown = renderDoctorMarkdown(
      [
        { group: 'sentry', name: 'organization acme', status: 'pass', detail: 'exists (acme)' },
        {
          group: 'sentry',
          name: 'project mobile',
          status: 'fail',
          detail: 'no project "mobile" | token s3cr3t-token',
          fix: 'create the project',
        },
      ],
      { target: 'https://sentry.io, org acme', secrets: ['s3cr3t-token'] },
    );
    expect(markdown).toContain('### ❌ faultline doctor');
    expect(markdown).toContain('| ✓ | organization acme | exists (acme) |  |');
    expect(markdown).toContain('| ✗ | project mobile | no project "mobile" \\| token *** | create the project |');
    expect(markdown).not.toContain('s3cr3t-token');
  });
});
