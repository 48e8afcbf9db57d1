// Which repositories take an alert: every repository the GitHub App is installed on whose `.github/faultline.yml`
// names the Sentry org and project. Repo lists and configs are cached briefly; an invalid config is reported once in
// its repository.
import { createHash } from 'node:crypto';
import type { Probot } from 'probot';
import type { Log } from '../log.ts';
import type { Store } from '../store/index.ts';
import { CONFIG_PATH, parseTriageConfig, type TriageConfig } from './config.ts';
import { type RepoApi, repoApi } from './github.ts';
import { InstalledRepos } from './installed-repos.ts';
import { renderConfigErrorIssue } from './render.ts';
import { repoAcceptsAlert } from './rules.ts';

export interface Route {
  repo: RepoApi;
  config: TriageConfig;
}

export interface RepoDirectory {
  /** Repositories whose valid config accepts alerts of this Sentry org and project, by name. */
  route(org: string, project: string): Promise<Route[]>;
  /** Forget a repository's cached config (a push changed it), or everything (installations changed). */
  invalidate?(fullName?: string): void;
}

export const CONFIG_ERROR_MARK = 'triage-config-error';
/** Per repository: the open config-error issue (`{number, key}`), closed once the config is valid again. */
export const CONFIG_ERROR_OPEN_MARK = 'triage-config-error-open';
const CONFIG_READS_AT_ONCE = 8;

interface Cached<T> {
  value: Promise<T>;
  at: number;
}

export interface GitHubDirectoryOptions {
  app: Probot;
  store: Store;
  log: Log;
  now?: () => number;
  /** How long repo lists and configs are trusted (default 60 s). */
  ttlMs?: number;
}

export class GitHubRepoDirectory implements RepoDirectory {
  readonly #o: GitHubDirectoryOptions;
  readonly #now: () => number;
  readonly #ttl: number;
  readonly #installed: InstalledRepos;
  readonly #configs = new Map<string, Cached<ReturnType<typeof parseTriageConfig> | undefined>>();

  constructor(opts: GitHubDirectoryOptions) {
    this.#o = opts;
    this.#now = opts.now ?? Date.now;
    this.#ttl = opts.ttlMs ?? 60_000;
    this.#installed = new InstalledRepos({ app: opts.app, now: this.#now, ttlMs: this.#ttl });
  }

  async route(org: string, project: string): Promise<Route[]> {
    const repos = (await this.#installed.destinations()).map(({ fullName, octokit }) => repoApi(octokit, fullName));
    const configs: Array<ReturnType<typeof parseTriageConfig> | undefined> = [];
    // A few at a time: many repositories, one cold cache.
    for (let i = 0; i < repos.length; i += CONFIG_READS_AT_ONCE) {
      const batch = repos.slice(i, i + CONFIG_READS_AT_ONCE);
      configs.push(...(await Promise.all(batch.map((repo) => this.#config(repo)))));
    }
    const routes: Route[] = [];
    for (const [i, repo] of repos.entries()) {
      const parsed = configs[i];
      if (!parsed) continue;
      if (!parsed.ok) {
        await this.#reportInvalid(repo, parsed.problems);
        continue;
      }
      if (repoAcceptsAlert(parsed.config, { org, project })) routes.push({ repo, config: parsed.config });
    }
    return routes.sort((a, b) => a.repo.fullName.localeCompare(b.repo.fullName));
  }

  /** Forget cached configs (a push changed one) or everything. */
  invalidate(fullName?: string): void {
    if (fullName) this.#configs.delete(fullName);
    else {
      this.#configs.clear();
      this.#installed.forget();
    }
  }

  #fresh<T>(c: Cached<T> | undefined): c is Cached<T> {
    return c !== undefined && this.#now() - c.at < this.#ttl;
  }

  #config(repo: RepoApi): Promise<ReturnType<typeof parseTriageConfig> | undefined> {
    const cached = this.#configs.get(repo.fullName);
    if (this.#fresh(cached)) return cached.value;
    const value = repo.config().then(
      async (raw) => {
        const parsed = raw === undefined ? undefined : parseTriageConfig(raw);
        if (parsed?.ok) {
          await this.#closeFixed(repo).catch((error: unknown) =>
            this.#o.log.warn(
              { repo: repo.fullName, failure: String(error) },
              'triage: could not close the config issue',
            ),
          );
        }
        return parsed;
      },
      (error: unknown) => {
        // Probot's loader throws on YAML it cannot parse; the cause says where.
        const status = (error as { status?: number }).status;
        if ((status === 403 && !isRateLimited(error)) || status === 404 || status === 451) {
          // Not readable by this installation (any more): not a route; a transient failure is retried instead.
          this.#o.log.warn({ repo: repo.fullName, status }, 'triage: repository config not readable; skipped');
          return undefined;
        }
        if (/could not be parsed|not an object/i.test(String((error as Error).message))) {
          const cause = (error as Error).cause;
          const detail = cause instanceof Error ? cause.message.split('\n')[0] : 'not a YAML mapping';
          return { ok: false as const, problems: [`${CONFIG_PATH} is not valid YAML: ${detail}`] };
        }
        throw error;
      },
    );
    value.catch(() => this.#configs.delete(repo.fullName));
    this.#configs.set(repo.fullName, { value, at: this.#now() });
    return value;
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

/** GitHub answers its rate limits with 403 too: those are retried, never read as "no access". */
function isRateLimited(error: unknown): boolean {
  const e = error as { message?: string; response?: { headers?: Record<string, string | undefined> } };
  const headers = e.response?.headers ?? {};
  return headers['x-ratelimit-remaining'] === '0' || 'retry-after' in headers || /rate limit/i.test(e.message ?? '');
}
