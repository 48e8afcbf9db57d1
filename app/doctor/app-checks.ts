// The GitHub App half of `faultline doctor`: settings, database, GitHub App credentials, webhook secrets, and each
// installed repository's .github/faultline.yml. Judges are pure; `runAppChecks` does the I/O. The CLI loads this
// module only when it checks an app.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ConfigError, loadConfig, normalizePrivateKey, withDotEnv } from '../config.ts';
import { installationsIn, judgeInstallations, openDatabase, sentryOrgs } from './database.ts';
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

export async function runAppChecks(opts: {
  env: NodeJS.ProcessEnv;
  cwd: string;
  timeoutMs: number;
  github?: GitHubRest;
}): Promise<CheckResult[]> {
  const { cwd, timeoutMs } = opts;
  const env = withDotEnv(opts.env, cwd);
  const results: CheckResult[] = [judgeSettings(env, cwd), judgeSecrets(env)];
  const db = await openDatabase(env, cwd, timeoutMs);
  results.push(db.result);
  try {
    if (db.driver && db.result.status === 'pass') {
      results.push(judgeInstallations(await installationsIn(db.driver), env, Date.now()));
    }
    const github = opts.github ?? createGitHubRest(gitHubBaseUrl(env), timeoutMs);
    results.push(...(await checkGitHubApp(env, cwd, github, () => sentryOrgs(db.driver, env))));
    return results;
  } finally {
    await db.driver?.close().catch(() => {});
  }
}

/** The App's credentials and permissions, then each installed repository's config (which needs them). */
async function checkGitHubApp(
  env: NodeJS.ProcessEnv,
  cwd: string,
  github: GitHubRest,
  allowedOrgs: () => Promise<string[]>,
): Promise<CheckResult[]> {
  const name = 'GitHub App credentials';
  const appId = Number(env.APP_ID?.trim());
  const privateKey = await readPrivateKey(env, cwd);
  if (!Number.isInteger(appId) || appId <= 0 || !privateKey) {
    return [
      skip(G, name, 'APP_ID or the private key is missing (see app settings)'),
      skip(G, 'repository configs', 'needs the GitHub App credentials'),
    ];
  }
  let jwt: string;
  try {
    jwt = appJwt(appId, privateKey);
  } catch {
    return [
      fail(
        G,
        name,
        'the private key cannot sign (not an RSA private key in PEM)',
        "download a new private key from the App's settings and set PRIVATE_KEY or PRIVATE_KEY_PATH to it",
      ),
    ];
  }
  let appAnswer: GitHubAnswer;
  try {
    appAnswer = await github.call('GET', '/app', jwt);
  } catch (error) {
    return [
      fail(
        G,
        name,
        `no answer from ${gitHubBaseUrl(env)} (${(error as Error).name})`,
        'check GHE_HOST / GHE_PROTOCOL (GitHub Enterprise), the network and the proxy settings',
      ),
    ];
  }
  const appResult = judgeGitHubApp(appId, appAnswer);
  if (appResult.status !== 'pass') {
    return [appResult, skip(G, 'repository configs', 'needs working GitHub App credentials')];
  }
  return [appResult, ...(await checkRepositoryConfigs(github, jwt, await allowedOrgs()))];
}

/** PRIVATE_KEY (with escaped newlines, as .env files hold it), else the file PRIVATE_KEY_PATH names. */
async function readPrivateKey(env: NodeJS.ProcessEnv, cwd: string): Promise<string | undefined> {
  const inline = env.PRIVATE_KEY?.trim();
  const path = env.PRIVATE_KEY_PATH?.trim();
  const raw = inline || !path ? inline : await readFile(resolve(cwd, path), 'utf8').catch(() => undefined);
  const parsed = raw === undefined ? undefined : normalizePrivateKey(raw, 'PRIVATE_KEY');
  return parsed && 'pem' in parsed ? parsed.pem : raw?.replace(/\\n/g, '\n');
}
