// Each installed repository's .github/faultline.yml: present, valid, and naming a Sentry organization this
// deployment acts for (the tenant rule: a Sentry installation only acts on repositories that name its org).
import { parse as parseYaml } from 'yaml';
import { CONFIG_PATH, parseRepoConfig } from '../services/repo-config.ts';
import type { GitHubRest } from './github-app.ts';
import { type CheckResult, fail, pass, skip } from '../../src/doctor/types.ts';

const G = 'app' as const;
/** Enough for a check; an organization with more repositories gets the first ones and a note. */
const MAX_REPOSITORIES = 100;

export type ConfigVerdict = { ok: true; sentryOrgs: string[] } | { ok: false; problems: string[] };

/** Parses and validates the config text with the app's one schema; the organization it names. */
export function validateRepoConfig(text: string): ConfigVerdict {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    return { ok: false, problems: [`not YAML: ${(error as Error).message.split('\n')[0]}`] };
  }
  const parsed = parseRepoConfig(doc);
  return parsed.ok ? { ok: true, sentryOrgs: [parsed.config.sentry.org] } : { ok: false, problems: parsed.problems };
}

export function judgeRepoConfig(repo: string, answer: { status: number; text?: string }, allowedOrgs: string[]) {
  const name = `${repo}`;
  if (answer.status === 404) {
    return skip(G, name, `no ${CONFIG_PATH}: faultline does not act on this repository`);
  }
  if (answer.status !== 200 || answer.text === undefined) {
    return fail(
      G,
      name,
      `${CONFIG_PATH} could not be read (HTTP ${answer.status})`,
      'check the App has Contents: read on this repository',
    );
  }
  const verdict = validateRepoConfig(answer.text);
  if (!verdict.ok) {
    return fail(
      G,
      name,
      `${CONFIG_PATH} is invalid: ${verdict.problems.join('; ')}`,
      'fix the file as the message says',
    );
  }
  const foreign = verdict.sentryOrgs.filter((org) => !allowedOrgs.includes(org));
  if (foreign.length) {
    return fail(
      G,
      name,
      `${CONFIG_PATH} names Sentry organization ${foreign.join(', ')}, which this deployment does not act for` +
        ` (${allowedOrgs.length ? allowedOrgs.join(', ') : 'no Sentry installation yet'})`,
      'install the faultline integration in that Sentry organization, or correct sentry.org in the file',
    );
  }
  return pass(G, name, `${CONFIG_PATH} valid; Sentry organization ${verdict.sentryOrgs.join(', ')}`);
}

export async function checkRepositoryConfigs(
  github: GitHubRest,
  jwt: string,
  allowedOrgs: string[],
): Promise<CheckResult[]> {
  const installations = await github.call('GET', '/app/installations?per_page=100', jwt);
  if (installations.status !== 200 || !Array.isArray(installations.json)) {
    return [fail(G, 'installations', `GET /app/installations answered HTTP ${installations.status}`, 'run again')];
  }
  if (installations.json.length === 0) {
    return [
      fail(
        G,
        'installations',
        'the App is not installed anywhere',
        "install it on the repositories faultline should act on (the App's public page → Install)",
      ),
    ];
  }
  const results: CheckResult[] = [];
  let seen = 0;
  for (const installation of installations.json as Array<{ id: number; account?: { login?: string } }>) {
    const account = installation.account?.login ?? String(installation.id);
    const tokenAnswer = await github.call('POST', `/app/installations/${installation.id}/access_tokens`, jwt);
    const token = (tokenAnswer.json as { token?: string } | undefined)?.token;
    if (tokenAnswer.status !== 201 || !token) {
      results.push(
        fail(
          G,
          `installation ${account}`,
          `no installation token (HTTP ${tokenAnswer.status})`,
          'check the installation is not suspended (Settings → Installed GitHub Apps)',
        ),
      );
      continue;
    }
    const repos = await github.call('GET', '/installation/repositories?per_page=100', token);
    const list = (repos.json as { repositories?: Array<{ full_name: string }> } | undefined)?.repositories ?? [];
    for (const repo of list) {
      if (seen++ >= MAX_REPOSITORIES) break;
      const file = await github.call('GET', `/repos/${repo.full_name}/contents/${CONFIG_PATH}`, token);
      const content = (file.json as { content?: string; encoding?: string } | undefined)?.content;
      const text =
        file.status === 200 && typeof content === 'string'
          ? Buffer.from(content, 'base64').toString('utf8')
          : undefined;
      results.push(judgeRepoConfig(repo.full_name, { status: file.status, text }, allowedOrgs));
    }
  }
  if (seen > MAX_REPOSITORIES) {
    results.push(skip(G, 'more repositories', `only the first ${MAX_REPOSITORIES} were checked`));
  }
  return results;
}
