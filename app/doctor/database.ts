// The app's database for `faultline doctor`: where it is, whether it answers and is migrated, and which Sentry
// organizations have installed the integration. Judges are pure; the rest reads the database.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { latestMigration } from '../store/migrations.ts';
import { PostgresDriver } from '../store/postgres-driver.ts';
import type { SqlDriver } from '../store/sql.ts';
import { SqliteDriver } from '../store/sqlite-driver.ts';
import { sqliteFileIn } from '../store/index.ts';
import { type CheckResult, fail, pass } from '../../src/doctor/types.ts';

const G = 'app' as const;

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

export async function openDatabase(env: NodeJS.ProcessEnv, cwd: string, timeoutMs: number) {
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
  /** The Sentry installation's uuid, to name the one without a usable token (optional in older callers). */
  uuid?: string;
  org: string;
  hasToken: boolean;
  hasRefreshToken: boolean;
  expiresAt: number | null;
}

export async function installationsIn(driver: SqlDriver): Promise<InstallationFacts[]> {
  const rows = await driver
    .query<Record<string, unknown>>(
      'SELECT uuid, org_slug, token IS NOT NULL AS has_token, refresh_token IS NOT NULL AS has_refresh, token_expires_at FROM installations ORDER BY org_slug',
    )
    .catch((): Array<Record<string, unknown>> => []);
  return rows.map((r) => ({
    uuid: String(r.uuid),
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
      `no usable Sentry token for ${broken.map(describeBroken(now)).join('; ')}`,
      env.SENTRY_CLIENT_ID?.trim()
        ? 'reinstall the integration in that organization (the grant code is exchanged once, within minutes)'
        : "set SENTRY_CLIENT_ID to the integration's Client ID, then reinstall the integration in that organization",
    );
  }
  return pass(G, name, `${installs.map((i) => i.org).join(', ')} (token${installs.length > 1 ? 's' : ''} held)`);
}

/** "installation <uuid> of acme (none stored)": which installation, and why its token cannot be used. */
function describeBroken(now: number) {
  return (i: InstallationFacts): string => {
    const why = !i.hasToken ? 'none stored' : `expired ${new Date(i.expiresAt ?? now).toISOString()}, no refresh token`;
    return `${i.uuid ? `installation ${i.uuid} of ` : ''}${i.org} (${why})`;
  };
}

/** SENTRY_ORG when the app runs as an internal integration (SENTRY_AUTH_TOKEN and SENTRY_ORG both set). */
export function internalIntegrationOrg(env: NodeJS.ProcessEnv): string | undefined {
  const org = env.SENTRY_ORG?.trim();
  return org && env.SENTRY_AUTH_TOKEN?.trim() ? org : undefined;
}

/** Sentry organizations this deployment acts for: each recorded installation's, and the internal integration's. */
export async function sentryOrgs(driver: SqlDriver | undefined, env: NodeJS.ProcessEnv): Promise<string[]> {
  const rows = driver
    ? await driver
        .query<{ org_slug: unknown }>('SELECT org_slug FROM installations')
        .catch((): Array<{ org_slug: unknown }> => [])
    : [];
  const internalOrg = internalIntegrationOrg(env);
  return [...new Set([...rows.map((row) => String(row.org_slug)), ...(internalOrg ? [internalOrg] : [])])].sort();
}
