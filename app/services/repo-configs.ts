// Each repository's own `.github/faultline.yml`, read with Probot's config conventions (the repo's file, merged with
// what it `_extends`) and parsed once per read: triage and the sync share one cache, forgotten when a push touches
// or deletes the file, and entirely when installations change.
import type { Log } from '../log.ts';
import type { InstallationOctokit } from './installed-repos.ts';
import { splitRepo } from './installed-repos.ts';
import { CONFIG_PATH, type ParsedRepoConfig, parseRepoConfig } from './repo-config.ts';
import { TtlCache } from './ttl-cache.ts';

/** The file as read: YAML (with its parse against the schema), or text that is not YAML. */
export type RepoConfigFile =
  { yaml: true; raw: unknown; parsed: ParsedRepoConfig } | { yaml: false; parsed: { ok: false; problems: string[] } };

/** What the cache needs of an installation's Octokit: Probot's config loader. */
export type ConfigReader = Pick<InstallationOctokit, 'config'>;

export interface RepoConfigsOptions {
  log: Log;
  now?: () => number;
  /** How long a read is trusted (default 60 s): other processes learn of a push within it. */
  ttlMs?: number;
}

export class RepoConfigs {
  readonly #log: Log;
  readonly #cache: TtlCache<string, RepoConfigFile | undefined>;

  constructor(opts: RepoConfigsOptions) {
    this.#log = opts.log;
    this.#cache = new TtlCache({ ttlMs: opts.ttlMs ?? 60_000, now: opts.now });
  }

  /** The repository's own config file; undefined when it has none, or this installation may not read it. */
  get(octokit: ConfigReader, fullName: string): Promise<RepoConfigFile | undefined> {
    return this.#cache.get(fullName, () => this.#read(octokit, fullName));
  }

  /** Forget one repository's config (a push changed it), or every config (installations changed). */
  forget(fullName?: string): void {
    if (fullName) this.#cache.delete(fullName);
    else this.#cache.clear();
  }

  async #read(octokit: ConfigReader, fullName: string): Promise<RepoConfigFile | undefined> {
    try {
      const { config, files } = await octokit.config.get({ ...splitRepo(fullName), path: CONFIG_PATH });
      // The repository's own file is required (it may `_extends` a shared one): the owner's `.github` fallback
      // alone would make every repository of the owner claim the same Sentry projects and alert rules.
      if (!files[0]?.config) return undefined;
      return { yaml: true, raw: config, parsed: parseRepoConfig(config) };
    } catch (error) {
      const status = (error as { status?: number }).status;
      if ((status === 403 && !isRateLimited(error)) || status === 404 || status === 451) {
        // Not readable by this installation (any more): no config; a transient failure is retried instead.
        this.#log.warn({ repo: fullName, status }, 'repository config not readable; skipped');
        return undefined;
      }
      // Probot's loader throws on YAML it cannot parse; the cause says where.
      if (/could not be parsed|not an object/i.test(String((error as Error).message))) {
        const cause = (error as Error).cause;
        const detail = cause instanceof Error ? cause.message.split('\n')[0] : 'not a YAML mapping';
        return { yaml: false, parsed: { ok: false, problems: [`${CONFIG_PATH} is not valid YAML: ${detail}`] } };
      }
      throw error;
    }
  }
}

/** The paths a GitHub `push` added, changed or removed. */
export interface PushedCommits {
  commits?: Array<{ added?: string[]; modified?: string[]; removed?: string[] }> | null;
}

/** True when the push added, changed or deleted the config file. */
export function pushTouchesConfig(push: PushedCommits): boolean {
  return (push.commits ?? []).some((c) =>
    [...(c.added ?? []), ...(c.modified ?? []), ...(c.removed ?? [])].includes(CONFIG_PATH),
  );
}

/** GitHub answers its rate limits with 403 too: those are retried, never read as "no access". */
function isRateLimited(error: unknown): boolean {
  const e = error as { message?: string; response?: { headers?: Record<string, string | undefined> } };
  const headers = e.response?.headers ?? {};
  return headers['x-ratelimit-remaining'] === '0' || 'retry-after' in headers || /rate limit/i.test(e.message ?? '');
}
