// The Sentry half of `faultline doctor`. Each judge turns one answer into a table row (pure); `runSentryChecks`
// makes the requests in order and skips what an earlier failure makes meaningless.
import type { DoctorSettings } from './settings.ts';
import { ProbeConnectionError, type ProbeAnswer, type SentryProbe } from './sentry-probe.ts';
import { type CheckResult, fail, pass, skip } from './types.ts';

type Answer = ProbeAnswer | ProbeConnectionError;
const G = 'sentry' as const;

/** Any one of these lets a token create releases and upload source maps (Sentry's release permission). */
export const RELEASE_SCOPES = ['project:releases', 'project:write', 'project:admin', 'org:ci'];

const TOKEN_FIX =
  'create a token in Sentry (Settings → Auth Tokens, or an internal integration with Release: Admin) and set ' +
  'SENTRY_AUTH_TOKEN to it; check that it belongs to this Sentry server';

const detailOf = (json: unknown): string | undefined => {
  const detail = (json as { detail?: unknown } | undefined)?.detail;
  return typeof detail === 'string' ? detail : undefined;
};
const statusText = (a: ProbeAnswer): string => `HTTP ${a.status}${detailOf(a.json) ? ` ${detailOf(a.json)}` : ''}`;

export function judgeReachable(url: string, answer: Answer): CheckResult {
  const name = 'Sentry reachable';
  if (answer instanceof ProbeConnectionError) {
    return fail(
      G,
      name,
      `no answer from ${url} (${answer.code})`,
      'check SENTRY_URL (the server root, e.g. https://sentry.io or https://sentry.example.com), the network, ' +
        'and HTTPS_PROXY/NO_PROXY when a proxy is needed',
    );
  }
  const looksLikeSentry = [200, 401, 403].includes(answer.status) && typeof answer.json === 'object';
  if (!looksLikeSentry) {
    return fail(
      G,
      name,
      `${url}/api/0/ answered ${statusText(answer)}, not like a Sentry API`,
      'set SENTRY_URL to the Sentry server root, without /api/0 or an organization path',
    );
  }
  return pass(G, name, `${url} answers`);
}

export function judgeToken(token: string | undefined, answer: ProbeAnswer): CheckResult {
  const name = 'auth token accepted';
  if (!token) return fail(G, name, 'SENTRY_AUTH_TOKEN is not set', TOKEN_FIX);
  const auth = (answer.json as { auth?: unknown } | undefined)?.auth;
  if (answer.status === 401 || (answer.status === 200 && !auth)) {
    return fail(G, name, `Sentry rejected the token (${statusText(answer)})`, TOKEN_FIX);
  }
  if (answer.status !== 200) return fail(G, name, `Sentry answered ${statusText(answer)}`, TOKEN_FIX);
  return pass(G, name, 'Sentry accepts the token');
}

export function judgeScopes(answer: ProbeAnswer): CheckResult {
  const name = 'token scopes';
  const scopes = (answer.json as { auth?: { scopes?: unknown } } | undefined)?.auth?.scopes;
  if (!Array.isArray(scopes)) {
    return skip(G, name, 'the server does not report scopes; the checks below exercise the token instead');
  }
  const granted = scopes.filter((s): s is string => typeof s === 'string');
  const release = RELEASE_SCOPES.filter((s) => granted.includes(s));
  if (release.length === 0) {
    return fail(
      G,
      name,
      `the token has ${granted.length ? granted.join(', ') : 'no scopes'}: none allows releases or source maps`,
      `create a token with one of ${RELEASE_SCOPES.join(', ')} (an organization token has org:ci)`,
    );
  }
  return pass(G, name, `${release.join(', ')} (releases and source maps)`);
}

/**
 * Existence of an organization or project from its detail endpoint; on 403 (token may release but not read) from
 * the `fallback` releases list, which the release scopes may read.
 */
export function judgeExists(
  what: { kind: 'organization' | 'project'; slug: string; setting: string; url: string },
  answer: ProbeAnswer,
  fallback?: ProbeAnswer,
): CheckResult {
  const name = `${what.kind} ${what.slug}`;
  const seen = answer.status === 403 && fallback ? fallback : answer;
  if (seen.status === 200) {
    const label = (answer.json as { name?: unknown } | undefined)?.name;
    return pass(G, name, answer.status === 200 && typeof label === 'string' ? `exists (${label})` : 'exists');
  }
  if (seen.status === 404) {
    return fail(
      G,
      name,
      `no ${what.kind} "${what.slug}" on ${what.url} that this token can see`,
      what.kind === 'organization'
        ? `set ${what.setting} to the organization slug shown in Sentry's URL (…/organizations/<slug>/), and use a token of that organization`
        : `create the project in Sentry, or set ${what.setting} to an existing project slug (Project Settings → General)`,
    );
  }
  if (seen.status === 403) {
    return fail(
      G,
      name,
      `the token may not access ${what.kind} "${what.slug}" (HTTP 403)`,
      'use a token of a member of this organization, or an internal integration installed on it',
    );
  }
  return fail(G, name, `Sentry answered ${statusText(seen)}`, 'run again; if it persists check the Sentry server');
}

export function judgeChunkUpload(answer: ProbeAnswer, allowLegacy: boolean): CheckResult {
  const name = 'chunk upload';
  const options = answer.json as
    { accept?: unknown; compression?: unknown; chunkSize?: unknown; chunksPerRequest?: unknown } | undefined;
  const accept = Array.isArray(options?.accept) ? (options.accept as unknown[]) : [];
  if (answer.status === 200 && accept.includes('artifact_bundles')) {
    const extras = [
      accept.includes('artifact_bundles_v2') ? 'skips chunks the server holds' : 'uploads every chunk',
      Array.isArray(options?.compression) && options.compression.includes('gzip') ? 'gzip' : 'uncompressed',
      typeof options?.chunkSize === 'number' ? `${Math.round(options.chunkSize / 1024 / 1024)} MiB chunks` : '',
    ].filter(Boolean);
    return pass(G, name, `artifact bundles (${extras.join(', ')})`);
  }
  if (answer.status === 200 || answer.status === 404) {
    const what =
      answer.status === 404
        ? 'the server has no chunk-upload endpoint'
        : `the server accepts ${accept.join(', ') || 'nothing'} but not artifact bundles`;
    if (allowLegacy) return pass(G, name, `${what}: legacy release files (allowed by --allow-legacy-uploads)`);
    return fail(
      G,
      name,
      `${what}: it predates artifact bundles (self-hosted before 23.7); uploads fall back to legacy release files, without debug IDs`,
      'upgrade self-hosted Sentry to 23.7 or newer; or, to accept legacy release files, run doctor with --allow-legacy-uploads',
    );
  }
  return fail(
    G,
    name,
    `chunk-upload options: ${statusText(answer)}`,
    'the token needs one of the release scopes to read them; see the token checks above',
  );
}

const orgPath = (org: string) => `/api/0/organizations/${encodeURIComponent(org)}/`;

export async function runSentryChecks(settings: DoctorSettings['sentry'], probe: SentryProbe): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const rest = (reason: string, names: string[]) => names.forEach((n) => results.push(skip(G, n, reason)));
  const later = ['token scopes', 'organization', 'projects', 'chunk upload'];

  let index: Answer;
  try {
    index = await probe.get('/api/0/', { anonymous: !settings.token });
  } catch (error) {
    if (!(error instanceof ProbeConnectionError)) throw error;
    index = error;
  }
  const reachable = judgeReachable(settings.url, index);
  results.push(reachable);
  if (reachable.status !== 'pass' || index instanceof ProbeConnectionError) {
    rest('Sentry is not reachable', ['auth token accepted', ...later]);
    return results;
  }
  if (!settings.token && settings.tokenOptional) {
    rest('no SENTRY_AUTH_TOKEN: a public integration uses per-installation tokens; set one to check releases too', [
      'auth token accepted',
      ...later,
    ]);
    return results;
  }
  const token = judgeToken(settings.token, index);
  results.push(token);
  if (token.status !== 'pass') {
    rest('the token was not accepted', later);
    return results;
  }
  results.push(judgeScopes(index));
  try {
    await checkOrganization(settings, probe, results);
  } catch (error) {
    if (!(error instanceof ProbeConnectionError)) throw error;
    results.push(
      fail(G, 'Sentry connection', `lost mid-way (${error.code})`, 'run again; check the network and proxy settings'),
    );
  }
  return results;
}

async function checkOrganization(
  settings: DoctorSettings['sentry'],
  probe: SentryProbe,
  results: CheckResult[],
): Promise<void> {
  const rest = (reason: string, names: string[]) => names.forEach((n) => results.push(skip(G, n, reason)));
  const org = settings.org;
  if (!org) {
    results.push(
      fail(
        G,
        'organization',
        'SENTRY_ORG is not set',
        'set SENTRY_ORG (or --org) to your organization slug, e.g. acme',
      ),
    );
    rest('no organization to look in', ['projects', 'chunk upload']);
    return;
  }
  const orgAnswer = await probe.get(orgPath(org));
  const orgFallback = orgAnswer.status === 403 ? await probe.get(`${orgPath(org)}releases/?per_page=1`) : undefined;
  const orgResult = judgeExists(
    { kind: 'organization', slug: org, setting: 'SENTRY_ORG', url: settings.url },
    orgAnswer,
    orgFallback,
  );
  results.push(orgResult);
  if (orgResult.status !== 'pass') {
    rest(`organization ${org} is not usable`, ['projects', 'chunk upload']);
    return;
  }

  if (settings.projects.length === 0) {
    results.push(
      fail(
        G,
        'projects',
        'no project named',
        'set SENTRY_PROJECT (or --project, or the action input projects) to the project slug(s) releases belong to',
      ),
    );
  }
  for (const project of settings.projects) {
    const path = `/api/0/projects/${encodeURIComponent(org)}/${encodeURIComponent(project)}/`;
    const answer = await probe.get(path);
    const fallback = answer.status === 403 ? await probe.get(`${path}releases/?per_page=1`) : undefined;
    results.push(
      judgeExists({ kind: 'project', slug: project, setting: 'SENTRY_PROJECT', url: settings.url }, answer, fallback),
    );
  }

  results.push(judgeChunkUpload(await probe.get(`${orgPath(org)}chunk-upload/`), settings.allowLegacyUploads));
}
