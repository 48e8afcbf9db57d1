// The GitHub App half of `faultline doctor`: settings, database, GitHub App credentials, webhook secrets, and each
// installed repository's .github/faultline.yml. Judges are pure; `runAppChecks` does the I/O.
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from '../config.ts';
import { latestMigration } from '../store/migrations.ts';
import { PostgresDriver } from '../store/postgres-driver.ts';
import type { SqlDriver } from '../store/sql.ts';
import { SqliteDriver } from '../store/sqlite-driver.ts';
import { sqliteFileIn } from '../store/index.ts';
import { resolve } from 'node:path';
import { appJwt, createGitHubRest, type GitHubAnswer, type GitHubRest, gitHubBaseUrl } from './github-app.ts';
import { checkRepositoryConfigs } from './repo-config.ts';
import { type CheckResult, fail, pass, skip } from '../../src/doctor/types.ts';

const G = 'app' as const;

/** What the app needs (app.yml grants exactly these); a level above is fine. */
export const REQUIRED_PERMISSIONS: Record<string, 'read' | 'write'> = {
  contents: 'read',
  issues: 'write',
  metadata: 'read',
  pull_requests: 'write',
};

export function judgeSettings(env: NodeJS.ProcessEnv, cwd: string): CheckResult {
  try {
    loadConfig(env, cwd);
    return pass(G, 'app settings', 'complete and valid');
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return fail(
      G,
      'app settings',
      error.problems.join('; '),
      'set each variable named above (see .env.example and the README section "The app")',
    );
  }
}

export function judgeSecrets(env: NodeJS.ProcessEnv): CheckResult {
  const missing = ['WEBHOOK_SECRET', 'SENTRY_CLIENT_SECRET'].filter((name) => !env[name]?.trim());
  if (missing.length) {
    return fail(
      G,
      'webhook secrets',
      `${missing.join(' and ')} not set`,
      "WEBHOOK_SECRET is the GitHub App's webhook secret; SENTRY_CLIENT_SECRET is the Sentry integration's Client Secret",
    );
  }
  const short = ['WEBHOOK_SECRET', 'SENTRY_CLIENT_SECRET'].filter((name) => (env[name]?.trim().length ?? 0) < 16);
  if (short.length) {
    return fail(
      G,
      'webhook secrets',
      `${short.join(' and ')} shorter than 16 characters`,
      'use a long random value for the GitHub webhook secret (e.g. `openssl rand -hex 32`); Sentry generates its own',
    );
  }
  return pass(G, 'webhook secrets', 'WEBHOOK_SECRET and SENTRY_CLIENT_SECRET set (values hidden)');
}

export function judgePermissions(granted: Record<string, string> | undefined): string[] {
  const rank = { read: 1, write: 2, admin: 3 } as Record<string, number>;
  return Object.entries(REQUIRED_PERMISSIONS)
    .filter(([name, level]) => (rank[granted?.[name] ?? ''] ?? 0) < (rank[level] ?? 0))
    .map(([name, level]) => `${name}: ${level}`);
}

export function judgeGitHubApp(appId: number, answer: GitHubAnswer): CheckResult {
  const name = 'GitHub App credentials';
  if (answer.status === 401) {
    return fail(
      G,
      name,
      `GitHub rejected the App JWT for APP_ID ${appId} (401)`,
      "check that APP_ID is the App's ID and PRIVATE_KEY is a current private key of that App (App settings → Private keys)",
    );
  }
  if (answer.status !== 200) {
    return fail(G, name, `GET /app answered HTTP ${answer.status}`, 'check GHE_HOST / GHE_PROTOCOL and the network');
  }
  const app = answer.json as { slug?: string; name?: string; permissions?: Record<string, string> };
  const missing = judgePermissions(app.permissions);
  if (missing.length) {
    return fail(
      G,
      name,
      `App ${app.slug ?? appId} lacks permissions ${missing.join(', ')}`,
      "grant them in the App's settings (Permissions & events, as in app.yml), then accept them in each installation",
    );
  }
  return pass(G, name, `App ${app.slug ?? app.name ?? appId} (id ${appId}) with the permissions it needs`);
}

/** Where the database is, for the table: the SQLite file, or PostgreSQL's host and database (never the URL). */
export function describeStorage(env: NodeJS.ProcessEnv, cwd: string): { kind: 'sqlite' | 'postgres'; where: string } {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    try {
      const u = new URL(url);
      return { kind: 'postgres', where: `PostgreSQL at ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}` };
    } catch {
      return { kind: 'postgres', where: 'PostgreSQL (DATABASE_URL is not a URL)' };
    }
  }
  return {
    kind: 'sqlite',
    where: sqliteFileIn(resolve(cwd, env.FAULTLINE_DATA_DIR?.trim() || '.faultline')),
  };
}

export function judgeMigrations(where: string, dialect: 'sqlite' | 'postgres', version: number): CheckResult {
  const latest = latestMigration(dialect);
  if (version < latest) {
    return fail(
      G,
      'database',
      `${where}: migrations at ${version} of ${latest}`,
      'start the app once with this version (it migrates at start-up), e.g. npm start',
    );
  }
  return pass(G, 'database', `${where}: reachable, migrations ${version}/${latest}`);
}

async function openDatabase(env: NodeJS.ProcessEnv, cwd: string, timeoutMs: number) {
  const storage = describeStorage(env, cwd);
  if (storage.kind === 'sqlite' && !existsSync(storage.where)) {
    return {
      storage,
      result: fail(
        G,
        'database',
        `no database at ${storage.where}`,
        'start the app once (npm start) to create it, or set FAULTLINE_DATA_DIR to the directory the app uses',
      ),
    };
  }
  const driver: SqlDriver =
    storage.kind === 'sqlite'
      ? new SqliteDriver(storage.where)
      : new PostgresDriver(env.DATABASE_URL?.trim() ?? '', { max: 1, connectionTimeoutMs: timeoutMs });
  try {
    await driver.query('SELECT 1');
  } catch (error) {
    await driver.close().catch(() => {});
    const code = (error as NodeJS.ErrnoException).code;
    return {
      storage,
      result: fail(
        G,
        'database',
        `${storage.where} unreachable (${code ?? 'error'})`,
        'check that the database server runs and DATABASE_URL names it with the right credentials',
      ),
    };
  }
  let version: number;
  try {
    const rows = await driver.query<{ v: unknown }>('SELECT MAX(version) AS v FROM faultline_migrations');
    version = Number(rows[0]?.v ?? 0);
  } catch {
    version = 0; // no migrations table yet
  }
  return { storage, driver, result: judgeMigrations(storage.where, driver.dialect, version) };
}

export interface InstallationFacts {
  org: string;
  hasToken: boolean;
  hasRefreshToken: boolean;
  expiresAt: number | null;
}

async function installationsIn(driver: SqlDriver): Promise<InstallationFacts[]> {
  const rows = await driver
    .query<Record<string, unknown>>(
      'SELECT org_slug, token IS NOT NULL AS has_token, refresh_token IS NOT NULL AS has_refresh, token_expires_at FROM installations ORDER BY org_slug',
    )
    .catch((): Array<Record<string, unknown>> => []);
  return rows.map((r) => ({
    org: String(r.org_slug),
    hasToken: Boolean(Number(r.has_token)) || r.has_token === true,
    hasRefreshToken: Boolean(Number(r.has_refresh)) || r.has_refresh === true,
    expiresAt: r.token_expires_at === null || r.token_expires_at === undefined ? null : Number(r.token_expires_at),
  }));
}

/** The Sentry organizations the app serves, and whether it can call Sentry for each (never the token itself). */
export function judgeInstallations(installs: InstallationFacts[], env: NodeJS.ProcessEnv, now: number): CheckResult {
  const name = 'Sentry installations';
  const internalOrg = internalIntegrationOrg(env);
  if (internalOrg && installs.length === 0) {
    // An internal integration sends no installation webhook: its webhooks are SENTRY_ORG's, with SENTRY_AUTH_TOKEN
    // (the Sentry section checks that token against that org).
    return pass(
      G,
      name,
      `internal integration for ${internalOrg} (SENTRY_ORG; token checked under Sentry → organization)`,
    );
  }
  if (installs.length === 0) {
    return fail(
      G,
      name,
      'none recorded: no Sentry organization has installed the integration yet',
      'install the integration in your Sentry organization (Developer Settings → your integration → Install) while the app is reachable at its webhook URL',
    );
  }
  const fallback = Boolean(env.SENTRY_AUTH_TOKEN?.trim());
  const broken = installs.filter(
    (i) => !fallback && (!i.hasToken || (i.expiresAt !== null && i.expiresAt < now && !i.hasRefreshToken)),
  );
  if (broken.length) {
    return fail(
      G,
      name,
      `no usable Sentry token for ${broken.map((i) => i.org).join(', ')}`,
      env.SENTRY_CLIENT_ID?.trim()
        ? 'reinstall the integration in that organization (the grant code is exchanged once, within minutes)'
        : "set SENTRY_CLIENT_ID to the integration's Client ID, then reinstall the integration in that organization",
    );
  }
  return pass(G, name, `${installs.map((i) => i.org).join(', ')} (token${installs.length > 1 ? 's' : ''} held)`);
}

/** SENTRY_ORG when the app runs as an internal integration (SENTRY_AUTH_TOKEN and SENTRY_ORG both set). */
export function internalIntegrationOrg(env: NodeJS.ProcessEnv): string | undefined {
  const org = env.SENTRY_ORG?.trim();
  return org && env.SENTRY_AUTH_TOKEN?.trim() ? org : undefined;
}

/** Sentry organizations this deployment acts for: each recorded installation's, and the internal integration's. */
async function sentryOrgs(driver: SqlDriver | undefined, env: NodeJS.ProcessEnv): Promise<string[]> {
  const rows = driver
    ? await driver
        .query<{ org_slug: unknown }>('SELECT org_slug FROM installations')
        .catch((): Array<{ org_slug: unknown }> => [])
    : [];
  const internalOrg = internalIntegrationOrg(env);
  return [...new Set([...rows.map((row) => String(row.org_slug)), ...(internalOrg ? [internalOrg] : [])])].sort();
}

export async function runAppChecks(opts: {
  env: NodeJS.ProcessEnv;
  cwd: string;
  timeoutMs: number;
  github?: GitHubRest;
}): Promise<CheckResult[]> {
  const { env, cwd, timeoutMs } = opts;
  const results: CheckResult[] = [judgeSettings(env, cwd), judgeSecrets(env)];

  const db = await openDatabase(env, cwd, timeoutMs);
  results.push(db.result);
  if (db.driver && db.result.status === 'pass') {
    results.push(judgeInstallations(await installationsIn(db.driver), env, Date.now()));
  }
  try {
    const appId = Number(env.APP_ID?.trim());
    let privateKey = env.PRIVATE_KEY?.trim().replace(/\\n/g, '\n');
    if (!privateKey && env.PRIVATE_KEY_PATH?.trim()) {
      const { readFile } = await import('node:fs/promises');
      privateKey = await readFile(resolve(cwd, env.PRIVATE_KEY_PATH.trim()), 'utf8').catch(() => undefined);
    }
    if (!Number.isInteger(appId) || appId <= 0 || !privateKey) {
      results.push(skip(G, 'GitHub App credentials', 'APP_ID or the private key is missing (see app settings)'));
      results.push(skip(G, 'repository configs', 'needs the GitHub App credentials'));
      return results;
    }
    const github = opts.github ?? createGitHubRest(gitHubBaseUrl(env), timeoutMs);
    let jwt: string;
    try {
      jwt = appJwt(appId, privateKey);
    } catch {
      results.push(
        fail(
          G,
          'GitHub App credentials',
          'the private key cannot sign (not an RSA private key in PEM)',
          "download a new private key from the App's settings and set PRIVATE_KEY or PRIVATE_KEY_PATH to it",
        ),
      );
      return results;
    }
    let appAnswer: GitHubAnswer;
    try {
      appAnswer = await github.call('GET', '/app', jwt);
    } catch (error) {
      results.push(
        fail(
          G,
          'GitHub App credentials',
          `no answer from ${gitHubBaseUrl(env)} (${(error as Error).name})`,
          'check GHE_HOST / GHE_PROTOCOL (GitHub Enterprise), the network and the proxy settings',
        ),
      );
      return results;
    }
    const appResult = judgeGitHubApp(appId, appAnswer);
    results.push(appResult);
    if (appResult.status !== 'pass') {
      results.push(skip(G, 'repository configs', 'needs working GitHub App credentials'));
      return results;
    }
    results.push(...(await checkRepositoryConfigs(github, jwt, await sentryOrgs(db.driver, env))));
    return results;
  } finally {
    await db.driver?.close().catch(() => {});
  }
}
