// Every repository the GitHub App is installed on, with the installation's Octokit: what alert routing walks (triage by
// Sentry org and project, the sync by metric alert rule). The list is cached briefly; a failed listing is not kept.
import type { Probot } from 'probot';
import type { InstallationOctokit } from './github.ts';

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
}

export class InstalledRepos {
  readonly #app: Probot;
  readonly #now: () => number;
  readonly #ttl: number;
  #cached: { value: Promise<InstalledRepo[]>; at: number } | undefined;

  constructor(opts: InstalledReposOptions) {
    this.#app = opts.app;
    this.#now = opts.now ?? Date.now;
    this.#ttl = opts.ttlMs ?? 60_000;
  }

  /** The repositories alerts may be routed to: an owner's `.github` repository holds shared config, not issues. */
  async destinations(): Promise<InstalledRepo[]> {
    return (await this.list()).filter(({ fullName }) => !fullName.endsWith('/.github'));
  }

  list(): Promise<InstalledRepo[]> {
    if (this.#cached && this.#now() - this.#cached.at < this.#ttl) return this.#cached.value;
    const value = this.#fetch();
    value.catch(() => {
      if (this.#cached?.value === value) this.#cached = undefined;
    });
    this.#cached = { value, at: this.#now() };
    return value;
  }

  /** Installations changed: list again next time. */
  forget(): void {
    this.#cached = undefined;
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
