// The repositories the GitHub App is installed on, with the installation's Octokit: what alert routing walks (triage by
// Sentry org and project, metric alerts by rule), and the installation of one repository (what the sync writes with).
// Both answers are cached briefly; a failed listing is not kept, and a repository without the app is asked again.
import type { Probot } from 'probot';
import { TtlCache } from './ttl-cache.ts';

export type InstallationOctokit = Awaited<ReturnType<Probot['auth']>>;

export interface InstalledRepo {
  fullName: string;
  installationId: number;
  octokit: InstallationOctokit;
}

export interface InstalledReposOptions {
  app: Probot;
  now?: () => number;
  /** How long the list is trusted (default 60 s). */
  ttlMs?: number;
  /** How long a repository → installation answer is trusted (default 5 min). */
  installationTtlMs?: number;
}

export class InstalledRepos {
  readonly #app: Probot;
  readonly #list: TtlCache<'all', InstalledRepo[]>;
  readonly #installationOf: TtlCache<string, number | undefined>;

  constructor(opts: InstalledReposOptions) {
    this.#app = opts.app;
    this.#list = new TtlCache({ ttlMs: opts.ttlMs ?? 60_000, now: opts.now });
    this.#installationOf = new TtlCache({ ttlMs: opts.installationTtlMs ?? 5 * 60_000, now: opts.now });
  }

  /** The repositories alerts may be routed to: an owner's `.github` repository holds shared config, not issues. */
  async destinations(): Promise<InstalledRepo[]> {
    return (await this.list()).filter(({ fullName }) => !fullName.endsWith('/.github'));
  }

  list(): Promise<InstalledRepo[]> {
    return this.#list.get('all', async () => {
      const repos = await this.#fetch();
      for (const r of repos) this.#installationOf.set(r.fullName, r.installationId);
      return repos;
    });
  }

  /** The installation's Octokit for `owner/name`, or undefined when the app is not installed there. */
  async octokitFor(fullName: string): Promise<InstallationOctokit | undefined> {
    const id = await this.#installationOf.get(fullName, () => this.#lookUpInstallation(fullName));
    if (id === undefined) {
      this.#installationOf.delete(fullName); // it may be installed any moment: ask again next time
      return undefined;
    }
    return this.#app.auth(id);
  }

  /** Installations changed: list again next time. */
  forget(): void {
    this.#list.clear();
    this.#installationOf.clear();
  }

  async #lookUpInstallation(fullName: string): Promise<number | undefined> {
    const jwt = await this.#app.auth();
    try {
      return (await jwt.rest.apps.getRepoInstallation(splitRepo(fullName))).data.id;
    } catch (error) {
      if ((error as { status?: number }).status === 404) return undefined;
      throw error;
    }
  }

  async #fetch(): Promise<InstalledRepo[]> {
    const jwt = await this.#app.auth();
    const installations = await jwt.paginate(jwt.rest.apps.listInstallations, { per_page: 100 });
    const out: InstalledRepo[] = [];
    for (const installation of installations) {
      const octokit = await this.#app.auth(installation.id);
      const repos = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, { per_page: 100 });
      for (const r of repos) out.push({ fullName: r.full_name, installationId: installation.id, octokit });
    }
    return out;
  }
}

export function splitRepo(repo: string): { owner: string; repo: string } {
  const [owner, name, ...rest] = repo.split('/');
  if (!owner || !name || rest.length) throw new Error(`"${repo}" is not a repository name: expected owner/name`);
  return { owner, repo: name };
}
