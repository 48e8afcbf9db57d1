// One cache of each repository's own config for triage and the sync, and the one push that invalidates it.
import type { Probot } from 'probot';
import { describe, expect, it } from 'vitest';
import { memoryLog } from '../log.ts';
import { forgetOnGitHubChanges } from './index.ts';
import { InstalledRepos } from './installed-repos.ts';
import { type ConfigReader, pushTouchesConfig, RepoConfigs } from './repo-configs.ts';
import { CONFIG_PATH } from './repo-config.ts';

const VALID = { sentry: { org: 'acme', projects: ['web'] } };

/** A repository whose config file can be changed or deleted; counts reads. */
function repoWithConfig(initial: unknown) {
  const repo = { file: initial as unknown, reads: 0 };
  const octokit = {
    config: {
      get: async () => {
        repo.reads++;
        return repo.file === undefined
          ? { config: {}, files: [{ path: CONFIG_PATH, config: null }] }
          : { config: repo.file, files: [{ path: CONFIG_PATH, config: repo.file }] };
      },
    },
  } as unknown as ConfigReader;
  return { repo, octokit };
}

/** A Probot stand-in that keeps the handlers and delivers events to them. */
function fakeApp() {
  const handlers = new Map<string, Array<(context: unknown) => Promise<void>>>();
  const app = {
    on(events: string | string[], handler: (context: unknown) => Promise<void>) {
      for (const event of [events].flat()) handlers.set(event, [...(handlers.get(event) ?? []), handler]);
    },
  } as unknown as Probot;
  const deliver = async (event: string, payload: unknown) => {
    for (const handler of handlers.get(event) ?? []) await handler({ payload });
  };
  return { app, deliver };
}

const push = (files: { added?: string[]; modified?: string[]; removed?: string[] }) => ({
  repository: { full_name: 'acme/web' },
  commits: [{ added: [], modified: [], removed: [], ...files }],
});

describe('RepoConfigs', () => {
  it('reads a repository config once a minute, parsed against the one schema', async () => {
    let clock = 0;
    const configs = new RepoConfigs({ log: memoryLog(), now: () => clock });
    const { repo, octokit } = repoWithConfig(VALID);
    const file = await configs.get(octokit, 'acme/web');
    expect(file).toMatchObject({ yaml: true, raw: VALID, parsed: { ok: true } });
    await configs.get(octokit, 'acme/web');
    expect(repo.reads).toBe(1);
    clock = 60_000;
    await configs.get(octokit, 'acme/web');
    expect(repo.reads).toBe(2);
  });

  it('does not serve a deleted config from the cache after the push that deleted it', async () => {
    const configs = new RepoConfigs({ log: memoryLog() });
    const { app, deliver } = fakeApp();
    forgetOnGitHubChanges(app, { repoConfigs: configs, installedRepos: new InstalledRepos({ app }) });
    const { repo, octokit } = repoWithConfig(VALID);
    expect(await configs.get(octokit, 'acme/web')).toMatchObject({ parsed: { ok: true } });

    repo.file = undefined;
    await deliver('push', push({ removed: [CONFIG_PATH] }));
    expect(await configs.get(octokit, 'acme/web')).toBeUndefined();
  });

  it('forgets a config a push adds or changes, and keeps it for a push that does not touch it', async () => {
    const configs = new RepoConfigs({ log: memoryLog() });
    const { app, deliver } = fakeApp();
    forgetOnGitHubChanges(app, { repoConfigs: configs, installedRepos: new InstalledRepos({ app }) });
    const { repo, octokit } = repoWithConfig(VALID);
    await configs.get(octokit, 'acme/web');

    await deliver('push', push({ modified: ['README.md'] }));
    await configs.get(octokit, 'acme/web');
    expect(repo.reads).toBe(1);
    await deliver('push', push({ modified: [CONFIG_PATH] }));
    await configs.get(octokit, 'acme/web');
    expect(repo.reads).toBe(2);
    await deliver('installation_repositories', {});
    await configs.get(octokit, 'acme/web');
    expect(repo.reads).toBe(3);
  });

  it('reports a file that is not YAML as a problem, and one it may not read as no config', async () => {
    const configs = new RepoConfigs({ log: memoryLog() });
    const notYaml = {
      config: {
        get: async () => {
          throw new Error('Configuration could not be parsed', { cause: new Error('bad indentation\nat line 2') });
        },
      },
    } as unknown as ConfigReader;
    expect(await configs.get(notYaml, 'acme/bad')).toEqual({
      yaml: false,
      parsed: { ok: false, problems: [`${CONFIG_PATH} is not valid YAML: bad indentation`] },
    });
    const forbidden = {
      config: { get: async () => Promise.reject(Object.assign(new Error('Not Found'), { status: 404 })) },
    } as unknown as ConfigReader;
    expect(await configs.get(forbidden, 'acme/gone')).toBeUndefined();
  });
});

describe('pushTouchesConfig', () => {
  it('sees the config added, modified or removed', () => {
    for (const key of ['added', 'modified', 'removed'] as const) {
      expect(pushTouchesConfig(push({ [key]: [CONFIG_PATH] }))).toBe(true);
    }
    expect(pushTouchesConfig(push({ removed: ['docs/faultline.yml'] }))).toBe(false);
    expect(pushTouchesConfig({ commits: null })).toBe(false);
  });
});
