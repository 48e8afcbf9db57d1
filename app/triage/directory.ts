// Which repositories take an alert: every repository the GitHub App is installed on whose `.github/faultline.yml`
// names the Sentry org and project. Repo lists and configs come from the app's shared services (cached there); an
// invalid config is reported once in its repository, and its issue closed once the config is valid again.
import { createHash } from 'node:crypto';
import type { Log } from '../log.ts';
import type { AppServices, RepoConfigFile } from '../services/index.ts';
import { CONFIG_PATH, type RepoConfig } from '../services/repo-config.ts';
import type { Store } from '../store/index.ts';
import { createRepoCaches, type RepoApi, repoApi, type RepoCaches } from './github.ts';
import { renderConfigErrorIssue } from './render.ts';
import { repoAcceptsAlert } from './rules.ts';

export interface Route {
  repo: RepoApi;
  config: RepoConfig;
}

export interface RepoDirectory {
  /** Repositories whose valid config accepts alerts of this Sentry org and project, by name. */
  route(org: string, project: string): Promise<Route[]>;
}

export const CONFIG_ERROR_MARK = 'triage-config-error';
/** Per repository: the open config-error issue (`{number, key}`), closed once the config is valid again. */
export const CONFIG_ERROR_OPEN_MARK = 'triage-config-error-open';
const CONFIG_READS_AT_ONCE = 8;

export interface GitHubDirectoryOptions {
  services: Pick<AppServices, 'installedRepos' | 'repoConfigs'>;
  store: Store;
  log: Log;
  now?: () => number;
  /** What is remembered of each repository's GitHub answers (default: new caches). */
  caches?: RepoCaches;
}

export class GitHubRepoDirectory implements RepoDirectory {
  readonly #o: GitHubDirectoryOptions;
  readonly #now: () => number;
  readonly #caches: RepoCaches;
  /** Reads of a valid config already checked for a config-error issue to close (each read once). */
  readonly #checked = new WeakSet<RepoConfigFile>();

  constructor(opts: GitHubDirectoryOptions) {
    this.#o = opts;
    this.#now = opts.now ?? Date.now;
    this.#caches = opts.caches ?? createRepoCaches(opts.now);
  }

  async route(org: string, project: string): Promise<Route[]> {
    const { installedRepos, repoConfigs } = this.#o.services;
    const installed = await installedRepos.destinations();
    const files: Array<RepoConfigFile | undefined> = [];
    // A few at a time: many repositories, one cold cache.
    for (let i = 0; i < installed.length; i += CONFIG_READS_AT_ONCE) {
      const batch = installed.slice(i, i + CONFIG_READS_AT_ONCE);
      files.push(...(await Promise.all(batch.map(({ octokit, fullName }) => repoConfigs.get(octokit, fullName)))));
    }
    const routes: Route[] = [];
    for (const [i, { octokit, fullName }] of installed.entries()) {
      const file = files[i];
      if (!file) continue;
      const repo = repoApi(octokit, fullName, this.#caches);
      if (!file.parsed.ok) {
        await this.#reportInvalid(repo, file.parsed.problems);
        continue;
      }
      await this.#closeFixedOnce(repo, file);
      if (repoAcceptsAlert(file.parsed.config, { org, project })) routes.push({ repo, config: file.parsed.config });
    }
    return routes.sort((a, b) => a.repo.fullName.localeCompare(b.repo.fullName));
  }

  async #closeFixedOnce(repo: RepoApi, file: RepoConfigFile): Promise<void> {
    if (this.#checked.has(file)) return;
    this.#checked.add(file);
    await this.#closeFixed(repo).catch((error: unknown) =>
      this.#o.log.warn({ repo: repo.fullName, failure: String(error) }, 'triage: could not close the config issue'),
    );
  }

  /** The config is valid again: close the issue that reported it broken, and forget that report. */
  async #closeFixed(repo: RepoApi): Promise<void> {
    const { store, log } = this.#o;
    const open = await store.getMark(CONFIG_ERROR_OPEN_MARK, repo.fullName);
    if (!open?.value) return;
    const { number, key } = JSON.parse(open.value) as { number: number; key: string };
    await repo.closeIssue(number, `\`${CONFIG_PATH}\` is valid now: Sentry alerts open issues here again.`);
    await store.deleteMark(CONFIG_ERROR_MARK, key);
    await store.deleteMark(CONFIG_ERROR_OPEN_MARK, repo.fullName);
    log.info({ repo: repo.fullName, issue: number }, 'triage: repository config fixed; its issue closed');
  }

  /** One issue per repository and set of problems, however many alerts pass by. */
  async #reportInvalid(repo: RepoApi, problems: string[]): Promise<void> {
    const digest = createHash('sha256').update(problems.join('\n')).digest('hex').slice(0, 16);
    const key = `${repo.fullName}|${digest}`;
    const { store, log } = this.#o;
    const { created, mark } = await store.putMarkOnce(
      { kind: CONFIG_ERROR_MARK, key, repo: repo.fullName, value: null },
      this.#now(),
    );
    if (!created && mark.value !== null) return; // reported already
    if (!created && this.#now() - mark.createdAt < 120_000) return; // another worker is reporting it
    try {
      const { title, body } = renderConfigErrorIssue(problems, CONFIG_PATH);
      const issue = await repo.createIssue({ title, body, labels: [], assignees: [] });
      await store.setMarkValue(CONFIG_ERROR_MARK, key, String(issue.number));
      log.warn({ repo: repo.fullName, issue: issue.number, problems }, 'triage: invalid repository config reported');
      const open = JSON.stringify({ number: issue.number, key });
      const previous = await store.putMarkOnce(
        { kind: CONFIG_ERROR_OPEN_MARK, key: repo.fullName, repo: repo.fullName, value: open },
        this.#now(),
      );
      if (!previous.created) {
        await store.setMarkValue(CONFIG_ERROR_OPEN_MARK, repo.fullName, open);
        const old = JSON.parse(previous.mark.value ?? '{}') as { number?: number };
        if (old.number) await repo.closeIssue(old.number, `Superseded by #${issue.number}.`);
      }
    } catch (error) {
      await store.deleteMark(CONFIG_ERROR_MARK, key).catch(() => {});
      log.error({ repo: repo.fullName, failure: String(error) }, 'triage: could not report an invalid config');
    }
  }
}
