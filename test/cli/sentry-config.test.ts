// The CLI feels like sentry-cli: .sentryclirc and sentry.properties found where sentry-cli finds them, flags >
// variables > files, -o / -p, --project on release, --log-level / SENTRY_LOG_LEVEL.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type SentryEmulator, startSentryEmulator } from '../../emulators/sentry/server.ts';
import { runCli } from '../../src/cli/cli.ts';
import type { CliIo } from '../../src/cli/io.ts';
import {
  loadSentryCliConfig,
  parseIni,
  parseProperties,
  takeLogLevel,
  withSentryCliConfig,
} from '../../src/cli/sentry-config-file.ts';
import { type GitFixture, makeRepo } from '../release/git-fixture.ts';

function capture(env: NodeJS.ProcessEnv, cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { env, cwd, stdout: (l) => out.push(l), stderr: (l) => err.push(l) };
  return { io, out, err, text: () => out.join('\n'), errors: () => err.join('\n') };
}

describe('config file parsing', () => {
  it('reads .sentryclirc as INI, CRLF or LF, with comments and quotes', () => {
    const ini = parseIni(
      '; comment\r\n[defaults]\r\nurl = https://sentry.acme.test/\r\norg=acme\r\n# x\r\n[auth]\r\ntoken: "sntryu_x"\r\n',
    );
    expect(ini.get('defaults')?.get('url')).toBe('https://sentry.acme.test/');
    expect(ini.get('defaults')?.get('org')).toBe('acme');
    expect(ini.get('auth')?.get('token')).toBe('sntryu_x');
  });

  it('reads sentry.properties, splitting section from key at the last dot', () => {
    const props = parseProperties(
      '# generated\r\ndefaults.url=https\\://sentry.acme.test\ndefaults.org : acme\ndefaults.project web\n' +
        'auth.token=sntryu_\\\n    continued\n! bang comment\n',
    );
    expect(props.get('defaults')?.get('url')).toBe('https://sentry.acme.test');
    expect(props.get('defaults')?.get('org')).toBe('acme');
    expect(props.get('defaults')?.get('project')).toBe('web');
    expect(props.get('auth')?.get('token')).toBe('sntryu_continued');
  });

  it('takes --log-level out of the arguments wherever it stands', () => {
    expect(takeLogLevel(['release', '--log-level', 'debug', '-p', 'web'])).toEqual({
      argv: ['release', '-p', 'web'],
      level: 'debug',
    });
    expect(takeLogLevel(['--log-level=warn', 'x', '--', '--log-level'])).toEqual({
      argv: ['x', '--', '--log-level'],
      level: 'warn',
    });
  });
});

describe('where the files are looked up', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'faultline-rc-'));
    await mkdir(join(root, 'home'), { recursive: true });
    await mkdir(join(root, 'repo/apps/web'), { recursive: true });
    await writeFile(
      join(root, 'home/.sentryclirc'),
      '[defaults]\nurl=https://global.test\norg=global\n[auth]\ntoken=g\n',
    );
    await writeFile(join(root, 'repo/.sentryclirc'), '[defaults]\norg=acme\nproject=web\n');
    await writeFile(join(root, 'repo/sentry.properties'), 'defaults.project=api\nlog.level=debug\n');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('home first, then the nearest .sentryclirc from the current directory upwards, then SENTRY_PROPERTIES', async () => {
    const home = join(root, 'home');
    const cwd = join(root, 'repo/apps/web');
    const plain = await loadSentryCliConfig(cwd, { HOME: home });
    expect(plain.files).toEqual([join(home, '.sentryclirc'), join(root, 'repo/.sentryclirc')]);
    expect(plain.settings).toEqual({
      SENTRY_URL: 'https://global.test',
      SENTRY_ORG: 'acme',
      SENTRY_PROJECT: 'web',
      SENTRY_AUTH_TOKEN: 'g',
    });
    const withProps = await loadSentryCliConfig(cwd, { HOME: home, SENTRY_PROPERTIES: '../../sentry.properties' });
    expect(withProps.settings).toMatchObject({ SENTRY_PROJECT: 'api', SENTRY_LOG_LEVEL: 'debug' });
    await expect(loadSentryCliConfig(cwd, { SENTRY_PROPERTIES: 'missing.properties' })).rejects.toThrow(
      /SENTRY_PROPERTIES names missing\.properties/,
    );
  });

  it('variables win over the files, and --log-level over both', async () => {
    const c = capture(
      { HOME: join(root, 'home'), SENTRY_ORG: 'from-env', SENTRY_LOG_LEVEL: 'info' },
      join(root, 'repo'),
    );
    const { argv, io } = await withSentryCliConfig(['--log-level', 'ERROR'], c.io);
    expect(argv).toEqual([]);
    expect(io.env).toMatchObject({ SENTRY_ORG: 'from-env', SENTRY_PROJECT: 'web', SENTRY_LOG_LEVEL: 'ERROR' });
    await expect(withSentryCliConfig(['--log-level', 'loud'], c.io)).rejects.toThrow(
      '--log-level is "loud": use one of trace, debug, info, warn, error',
    );
  });
});

describe('faultline release as a sentry-cli user types it', () => {
  let sentry: SentryEmulator;
  let repo: GitFixture;
  let home: string;
  beforeAll(async () => {
    [sentry, repo, home] = await Promise.all([
      startSentryEmulator(),
      makeRepo(),
      mkdtemp(join(tmpdir(), 'faultline-home-')),
    ]);
  });
  afterEach(() => sentry.reset());
  afterAll(async () => {
    await Promise.all([sentry.close(), repo.cleanup(), rm(home, { recursive: true, force: true })]);
  });

  it('a .sentryclirc in the checkout is enough; -o, -p and --project are understood', async () => {
    await writeFile(
      join(repo.dir, '.sentryclirc'),
      `[defaults]\r\nurl=${sentry.url}\r\norg=nobody\r\nproject=api\r\n[auth]\r\ntoken=${sentry.token}\r\n`,
    );
    try {
      const fromFile = capture({ HOME: home }, repo.dir);
      const args = ['release', '--release', 'rc-1', '-o', 'acme', '--steps', 'create'];
      expect(await runCli(args, fromFile.io)).toBe(0);
      expect(sentry.state().releases.find((r) => r.version === 'rc-1')?.projects).toEqual(['api']);

      const flags = capture({ HOME: home }, repo.dir);
      const withProject = ['release', '--release', 'rc-2', '-o', 'acme', '--project', 'web', '--steps', 'create'];
      expect(await runCli(withProject, flags.io)).toBe(0);
      expect(sentry.state().releases.find((r) => r.version === 'rc-2')?.projects).toEqual(['web']);

      const short = capture({ HOME: home }, repo.dir);
      expect(await runCli(['release', '--release', 'rc-3', '-o', 'acme', '-p', 'web', '-p', 'api'], short.io)).toBe(0);
      expect(sentry.state().releases.find((r) => r.version === 'rc-3')?.projects).toEqual(['web', 'api']);
    } finally {
      await rm(join(repo.dir, '.sentryclirc'));
    }
  });

  it('--log-level warn keeps the step lines quiet; debug shows the requests on stderr', async () => {
    const env = { HOME: home, SENTRY_URL: sentry.url, SENTRY_ORG: 'acme', SENTRY_AUTH_TOKEN: sentry.token };
    const quiet = capture(env, repo.dir);
    const args = ['release', '--release', 'lv-1', '-p', 'web', '--steps', 'create'];
    expect(await runCli([...args, '--log-level', 'warn'], quiet.io)).toBe(0);
    const normal = capture(env, repo.dir);
    expect(await runCli(args, normal.io)).toBe(0);
    expect(quiet.out.length).toBeLessThan(normal.out.length);
    const loud = capture({ ...env, SENTRY_LOG_LEVEL: 'debug' }, repo.dir);
    expect(await runCli(args, loud.io)).toBe(0);
    expect(loud.errors()).toMatch(/^debug: /m);
    expect(loud.errors()).not.toContain(sentry.token);
  });
});
