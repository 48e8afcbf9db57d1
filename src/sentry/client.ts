/** The Sentry Web API client: releases, commits, deploys, chunk upload, artifact bundles, issues, events. */
import { createHash } from 'node:crypto';
import { VERSION } from '../version.ts';
import type {
  AvailableMetricAction,
  IssueAlertRule,
  IssueAlertRuleBody,
  MetricAlertRule,
  MetricAlertRuleBody,
  OrganizationIntegration,
  OrganizationMember,
  SentryAppInstallation,
  Team,
} from './alert-rule-types.ts';
import { checkAssembleAnswer, checkChunkUploadOptions, checkReleaseAnswer, type ReceivedAnswer } from './answers.ts';
import { SentryAssembleError, SentryConfigError, SentryValidationError } from './errors.ts';
import { type SentryAgents, sharedSentryAgents } from './agents.ts';
import { type HttpMethod, type IncomingResponse, SentryTransport } from './http.ts';
import { encodeMultipart, type MultipartPart } from './multipart.ts';
import { nextPageCursor } from './pagination.ts';
import { apiPath, normaliseBaseUrl, resolveServerUrl } from './paths.ts';
import type {
  AssembleResponse,
  ChunkUploadOptions,
  Commit,
  Deploy,
  ExternalIssueLink,
  Ref,
  Release,
  ReleaseFile,
  Repo,
  SentryEvent,
  SentryIssue,
  SentryIssueStatus,
} from './types.ts';

export type { AssembleResponse, ChunkUploadOptions } from './types.ts';

/**
 * Chunk gzip settings. memLevel 6 (zlib's default is 8) makes smaller deflate blocks, which adapt to the switches
 * between minified scripts and JSON maps in a bundle: 0.8 % fewer bytes on real npm builds and on the bench's corpus
 * for the same CPU (level 7 and up cost more CPU than they save bytes).
 */
const CHUNK_GZIP = { level: 6, memLevel: 6 } as const;

/** A chunk's bytes: whole, or read piece by piece (so a large chunk is never held raw while it is gzipped). */
export type ChunkData = Uint8Array | (() => AsyncIterable<Uint8Array>);

/** Gzips `pieces` while hashing them; the gzip output and the SHA-1 hex of the input. */
async function gzipAndHash(pieces: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<[Buffer, string]> {
  // Loaded here: only uploads gzip, and a release without source maps need not load zlib before its first request.
  const { pipeline } = process.getBuiltinModule('node:stream/promises');
  const { createGzip } = process.getBuiltinModule('node:zlib');
  const hash = createHash('sha1');
  const out: Buffer[] = [];
  await pipeline(
    async function* () {
      for await (const piece of pieces) {
        hash.update(piece);
        yield piece;
      }
    },
    createGzip(CHUNK_GZIP),
    async (gzipped: AsyncIterable<Buffer>) => {
      for await (const b of gzipped) out.push(b);
    },
  );
  return [Buffer.concat(out), hash.digest('hex')];
}

async function collectAndHash(pieces: AsyncIterable<Uint8Array>): Promise<[Buffer, string]> {
  const hash = createHash('sha1');
  const all: Uint8Array[] = [];
  for await (const piece of pieces) {
    hash.update(piece);
    all.push(piece);
  }
  return [Buffer.concat(all), hash.digest('hex')];
}

export interface SentryClientOptions {
  /** Sentry server root; callers pass SENTRY_URL. Default `https://sentry.io`. */
  url?: string;
  token: string;
  org: string;
  userAgent?: string;
  /** Attempts per request, first one included. Default 5. */
  maxAttempts?: number;
  /** Deadline per attempt (connect, headers and body). Default 30000. */
  timeoutMs?: number;
  /** Backoff base: the n-th retry waits a random time up to retryBaseMs * 2^(n-1). Default 500. */
  retryBaseMs?: number;
  /** Upper bound of one backoff wait. Default 30000. */
  retryMaxDelayMs?: number;
  /** A 429 asking to wait longer than this fails at once instead. Default 60000. */
  maxRateLimitWaitMs?: number;
  /** Debug lines; the token is redacted from each. */
  log?: (line: string) => void;
  /** Default: shared keep-alive agents that honour HTTP(S)_PROXY and NO_PROXY. */
  agents?: SentryAgents;
  /** Pages followed by one list call at most. Default 1000. */
  maxPages?: number;
  /** Tests only: jitter source and sleep. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface CreateReleaseBody {
  version: string;
  projects: string[];
  refs?: Ref[];
  url?: string;
  dateStarted?: string;
  dateReleased?: string;
}

export interface UpdateReleaseBody {
  dateReleased?: string;
  refs?: Ref[];
  commits?: Commit[];
  url?: string;
  projects?: string[];
}

export interface CreateDeployBody {
  environment: string;
  name?: string;
  url?: string;
  dateStarted?: string;
  dateFinished?: string;
  projects?: string[];
}

export interface AssembleBody {
  checksum: string;
  chunks: string[];
  projects: string[];
  version?: string;
  dist?: string;
}

export interface UpdateIssueBody {
  status?: SentryIssueStatus;
  assignedTo?: string | null;
  statusDetails?: Record<string, unknown>;
}

export interface WaitForAssembleOptions {
  /** Pause between polls. Default 1000 (as sentry-cli). */
  pollIntervalMs?: number;
  /** Give up after this long. Default 300000 (sentry-cli's default); callers may lower it to the server's maxWait. */
  maxWaitMs?: number;
}

export class SentryClient {
  readonly baseUrl: string;
  readonly org: string;
  readonly #http: SentryTransport;
  readonly #maxPages: number;
  readonly #sleep: (ms: number) => Promise<void>;

  constructor(opts: SentryClientOptions) {
    if (!opts.token?.trim()) {
      throw new SentryConfigError(
        'SENTRY_AUTH_TOKEN',
        'SENTRY_AUTH_TOKEN is empty: create an auth token in Sentry (Settings → Auth Tokens) and pass it as a secret',
      );
    }
    if (!opts.org?.trim()) {
      throw new SentryConfigError('SENTRY_ORG', 'SENTRY_ORG is empty: set it to your organization slug, e.g. "acme"');
    }
    this.baseUrl = normaliseBaseUrl(opts.url ?? 'https://sentry.io');
    this.org = opts.org.trim();
    this.#maxPages = opts.maxPages ?? 1000;
    this.#sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.#http = new SentryTransport({
      baseUrl: this.baseUrl,
      org: this.org,
      token: opts.token.trim(),
      userAgent: opts.userAgent ?? `faultline/${VERSION}`,
      maxAttempts: Math.max(1, opts.maxAttempts ?? 5),
      timeoutMs: opts.timeoutMs ?? 30_000,
      retryBaseMs: opts.retryBaseMs ?? 500,
      retryMaxDelayMs: opts.retryMaxDelayMs ?? 30_000,
      maxRateLimitWaitMs: opts.maxRateLimitWaitMs ?? 60_000,
      agents: opts.agents ?? sharedSentryAgents(),
      ...(opts.log ? { log: opts.log } : {}),
      ...(opts.random ? { random: opts.random } : {}),
      ...(opts.sleep ? { sleep: opts.sleep } : {}),
    });
  }

  // ---- releases ----

  /** Creates the release or links new projects to it; `created` is false when Sentry answered 208 (nothing new). */
  async createRelease(body: CreateReleaseBody): Promise<{ release: Release; created: boolean }> {
    const path = apiPath`organizations/${this.org}/releases/`;
    const res = await this.#call('POST', path, {
      json: {
        ...body,
        projects: idOrSlugList(body.projects),
        ...(body.refs ? { refs: normaliseRefs(body.refs) } : {}),
      },
    });
    return { release: checkReleaseAnswer(this.#answer('POST', path, res)), created: res.status !== 208 };
  }

  /** The release, or undefined when Sentry does not know it. */
  async getRelease(version: string): Promise<Release | undefined> {
    const path = apiPath`organizations/${this.org}/releases/${version}/`;
    const res = await this.#call('GET', path, { accept: [404] });
    return res.status === 404 ? undefined : checkReleaseAnswer(this.#answer('GET', path, res));
  }

  /** Updates a release; `refs: []` clears its commits, `commits` sets them explicitly (with patch sets). */
  async updateRelease(version: string, body: UpdateReleaseBody): Promise<Release> {
    const json = body.refs ? { ...body, refs: normaliseRefs(body.refs) } : body;
    const path = apiPath`organizations/${this.org}/releases/${version}/`;
    const res = await this.#call('PUT', path, { json });
    return checkReleaseAnswer(this.#answer('PUT', path, res));
  }

  /** Marks the release as released, now unless `dateReleased` is given. */
  finalizeRelease(version: string, dateReleased?: string): Promise<Release> {
    return this.updateRelease(version, { dateReleased: dateReleased ?? new Date().toISOString() });
  }

  listReleases(query: { project?: string; query?: string; perPage?: number } = {}): Promise<Release[]> {
    const params: Record<string, string> = {};
    if (query.project !== undefined) params.project = query.project;
    if (query.query !== undefined) params.query = query.query;
    if (query.perPage !== undefined) params.per_page = String(query.perPage);
    return this.#paginate<Release>(apiPath`organizations/${this.org}/releases/`, params);
  }

  /** The release before `version` that has commits (`{}` when none), or undefined when Sentry answers 404. */
  async previousReleaseWithCommits(
    version: string,
    project?: string,
  ): Promise<{ lastCommit?: Commit | null } | undefined> {
    const path = apiPath`organizations/${this.org}/releases/${version}/previous-with-commits/`;
    const res = await this.#call('GET', path, { accept: [404], query: project ? { project } : {} });
    if (res.status === 404) return undefined;
    return (res.json ?? {}) as { lastCommit?: Commit | null };
  }

  /** Whether the organization has this project: false on 404, undefined when the token may not read projects. */
  async projectExists(slug: string): Promise<boolean | undefined> {
    const res = await this.#call('GET', apiPath`projects/${this.org}/${slug}/`, { accept: [403, 404] });
    return res.status === 404 ? false : res.status === 403 ? undefined : true;
  }

  listRepos(): Promise<Repo[]> {
    return this.#paginate<Repo>(apiPath`organizations/${this.org}/repos/`, {});
  }

  /** Records a deploy; unset name/url/dates are sent as null, `projects` only when given (as sentry-cli does). */
  async createDeploy(version: string, body: CreateDeployBody): Promise<Deploy> {
    const json = {
      environment: body.environment,
      name: body.name ?? null,
      url: body.url ?? null,
      dateStarted: body.dateStarted ?? null,
      dateFinished: body.dateFinished ?? null,
      ...(body.projects ? { projects: body.projects } : {}),
    };
    const res = await this.#call('POST', apiPath`organizations/${this.org}/releases/${version}/deploys/`, { json });
    return res.json as Deploy;
  }

  listDeploys(version: string): Promise<Deploy[]> {
    return this.#paginate<Deploy>(apiPath`organizations/${this.org}/releases/${version}/deploys/`, {});
  }

  // ---- chunk upload + artifact bundles ----

  async getChunkUploadOptions(): Promise<ChunkUploadOptions> {
    const path = apiPath`organizations/${this.org}/chunk-upload/`;
    const res = await this.#call('GET', path);
    const options = checkChunkUploadOptions(this.#answer('GET', path, res));
    if (options.hashAlgorithm !== 'sha1') {
      throw new SentryConfigError(
        'SENTRY_URL',
        `Sentry at ${this.baseUrl} asks for chunk hash "${options.hashAlgorithm}"; only sha1 is supported`,
      );
    }
    return options;
  }

  /**
   * Uploads chunks in ONE multipart request to exactly `options.url` (absolute, or relative to `{base}/api/0/`).
   * Each part is named `file_gzip` (gzipped on its own) when the server offers gzip, else `file`; the filename is
   * the SHA-1 hex of the raw chunk. Batching to chunksPerRequest/maxRequestSize is the caller's job.
   */
  async uploadChunks(options: ChunkUploadOptions, chunks: Array<{ checksum: string; data: ChunkData }>): Promise<void> {
    if (chunks.length === 0) return;
    const useGzip = options.compression?.includes('gzip') ?? false;
    const parts: MultipartPart[] = await Promise.all(
      chunks.map(async ({ checksum, data }) => {
        const [body, actual] = useGzip
          ? await gzipAndHash(typeof data === 'function' ? data() : [data])
          : typeof data === 'function'
            ? await collectAndHash(data())
            : [data, createHash('sha1').update(data).digest('hex')];
        if (actual !== checksum.toLowerCase()) {
          throw new TypeError(
            `uploadChunks: chunk checksum "${checksum}" does not match its data (sha1 ${actual}); ` +
              'pass the SHA-1 hex of the raw, uncompressed chunk',
          );
        }
        return { name: useGzip ? 'file_gzip' : 'file', filename: actual, data: body };
      }),
    );
    const encoded = encodeMultipart(parts);
    await this.#http.send({
      method: 'POST',
      url: resolveServerUrl(this.baseUrl, options.url),
      body: { data: encoded.body, contentType: encoded.contentType },
    });
  }

  /** One call to the assemble endpoint: asks which chunks are missing, or starts/polls assembly. */
  async assembleArtifactBundle(body: AssembleBody): Promise<AssembleResponse> {
    const json: Record<string, unknown> = { checksum: body.checksum, chunks: body.chunks, projects: body.projects };
    if (body.version) json.version = body.version;
    if (body.dist !== undefined) json.dist = body.dist;
    const path = apiPath`organizations/${this.org}/artifactbundle/assemble/`;
    const res = await this.#call('POST', path, { json });
    return checkAssembleAnswer(this.#answer('POST', path, res));
  }

  /**
   * Polls assemble until Sentry reports `ok`; throws SentryAssembleError on `error`, on `not_found` (chunks lost),
   * or when processing does not finish within `maxWaitMs`.
   */
  async waitForArtifactBundle(body: AssembleBody, opts: WaitForAssembleOptions = {}): Promise<AssembleResponse> {
    const interval = opts.pollIntervalMs ?? 1000;
    const maxWait = opts.maxWaitMs ?? 300_000;
    const deadline = Date.now() + maxWait;
    for (;;) {
      const res = await this.assembleArtifactBundle(body);
      if (res.state === 'ok') return res;
      if (res.state === 'error' || res.state === 'not_found') {
        const why =
          res.detail || (res.state === 'not_found' ? `${res.missingChunks.length} chunk(s) missing` : 'unknown error');
        throw new SentryAssembleError(
          { checksum: body.checksum, state: res.state, detail: res.detail ?? null },
          `Sentry could not process artifact bundle ${body.checksum}: ${why}. ` +
            (res.state === 'not_found'
              ? 'Upload the missing chunks before assembling.'
              : 'Check the bundle (manifest.json, debug IDs or a release) and the size limits.'),
        );
      }
      if (Date.now() + interval > deadline) {
        throw new SentryAssembleError(
          { checksum: body.checksum, state: res.state, detail: res.detail ?? null },
          `Sentry did not finish processing artifact bundle ${body.checksum} within ${maxWait} ms ` +
            `(state "${res.state}"); wait longer or check the server's workers.`,
        );
      }
      await this.#sleep(interval);
    }
  }

  // ---- legacy release files ----

  listReleaseFiles(version: string): Promise<ReleaseFile[]> {
    return this.#paginate<ReleaseFile>(apiPath`organizations/${this.org}/releases/${version}/files/`, {});
  }

  /** Legacy per-file upload: multipart `file` (named after the URL's basename), `name`, `dist`, `header` "K:V". */
  async uploadReleaseFile(
    version: string,
    file: { name: string; contents: Uint8Array; headers?: Record<string, string>; dist?: string },
  ): Promise<ReleaseFile> {
    const basename = file.name.split('/').pop() || 'file';
    const parts: MultipartPart[] = [
      { name: 'file', filename: basename, data: file.contents },
      { name: 'name', value: file.name },
    ];
    if (file.dist !== undefined) parts.push({ name: 'dist', value: file.dist });
    for (const [key, value] of Object.entries(file.headers ?? {}))
      parts.push({ name: 'header', value: `${key}:${value}` });
    const encoded = encodeMultipart(parts);
    const res = await this.#call('POST', apiPath`organizations/${this.org}/releases/${version}/files/`, {
      body: { data: encoded.body, contentType: encoded.contentType },
    });
    return res.json as ReleaseFile;
  }

  async deleteReleaseFile(version: string, id: string): Promise<void> {
    await this.#call('DELETE', apiPath`organizations/${this.org}/releases/${version}/files/${id}/`);
  }

  // ---- issues, events, integration platform ----

  async getIssue(issueId: string): Promise<SentryIssue> {
    const res = await this.#call('GET', apiPath`organizations/${this.org}/issues/${issueId}/`);
    return res.json as SentryIssue;
  }

  async updateIssue(issueId: string, body: UpdateIssueBody): Promise<SentryIssue> {
    const res = await this.#call('PUT', apiPath`organizations/${this.org}/issues/${issueId}/`, { json: body });
    return res.json as SentryIssue;
  }

  async getLatestEvent(issueId: string): Promise<SentryEvent> {
    const res = await this.#call('GET', apiPath`organizations/${this.org}/issues/${issueId}/events/latest/`);
    return res.json as SentryEvent;
  }

  async getEvent(project: string, eventId: string): Promise<SentryEvent> {
    const res = await this.#call('GET', apiPath`projects/${this.org}/${project}/events/${eventId}/`);
    return res.json as SentryEvent;
  }

  /** Links a Sentry issue to an external (GitHub) issue for an integration installation. */
  async createExternalIssue(
    installationUuid: string,
    body: { issueId: number | string; webUrl: string; project: string; identifier: string },
  ): Promise<ExternalIssueLink> {
    const path = apiPath`sentry-app-installations/${installationUuid}/external-issues/`;
    const res = await this.#call('POST', path, { json: body });
    const link = res.json as ExternalIssueLink;
    return { ...link, id: String(link.id) };
  }

  async deleteExternalIssue(installationUuid: string, externalIssueId: string): Promise<void> {
    await this.#call(
      'DELETE',
      apiPath`sentry-app-installations/${installationUuid}/external-issues/${externalIssueId}/`,
    );
  }

  // ---- alert rules ----

  listIssueAlertRules(project: string): Promise<IssueAlertRule[]> {
    return this.#paginate<IssueAlertRule>(apiPath`projects/${this.org}/${project}/rules/`, {});
  }

  async createIssueAlertRule(project: string, body: IssueAlertRuleBody): Promise<IssueAlertRule> {
    const res = await this.#write('POST', apiPath`projects/${this.org}/${project}/rules/`, body);
    return withStringId(res.json as IssueAlertRule);
  }

  async updateIssueAlertRule(project: string, id: string, body: IssueAlertRuleBody): Promise<IssueAlertRule> {
    const res = await this.#write('PUT', apiPath`projects/${this.org}/${project}/rules/${id}/`, body);
    return withStringId(res.json as IssueAlertRule);
  }

  async deleteIssueAlertRule(project: string, id: string): Promise<void> {
    await this.#call('DELETE', apiPath`projects/${this.org}/${project}/rules/${id}/`);
  }

  listMetricAlertRules(): Promise<MetricAlertRule[]> {
    return this.#paginate<MetricAlertRule>(apiPath`organizations/${this.org}/alert-rules/`, {});
  }

  async createMetricAlertRule(body: MetricAlertRuleBody): Promise<MetricAlertRule> {
    const res = await this.#write('POST', apiPath`organizations/${this.org}/alert-rules/`, body);
    return withStringId(res.json as MetricAlertRule);
  }

  async updateMetricAlertRule(id: string, body: MetricAlertRuleBody): Promise<MetricAlertRule> {
    const res = await this.#write('PUT', apiPath`organizations/${this.org}/alert-rules/${id}/`, body);
    return withStringId(res.json as MetricAlertRule);
  }

  async deleteMetricAlertRule(id: string): Promise<void> {
    await this.#call('DELETE', apiPath`organizations/${this.org}/alert-rules/${id}/`);
  }

  /** The integrations (sentry apps) installed in the organization: where "notify faultline" points. */
  listSentryAppInstallations(): Promise<SentryAppInstallation[]> {
    return this.#paginate<SentryAppInstallation>(apiPath`organizations/${this.org}/sentry-app-installations/`, {});
  }

  /** The organization's other integrations (Slack, PagerDuty, ...), by name. */
  listOrganizationIntegrations(): Promise<OrganizationIntegration[]> {
    return this.#paginate<OrganizationIntegration>(apiPath`organizations/${this.org}/integrations/`, {});
  }

  /** What metric alert triggers can do here; sentry-app entries carry the `sentryAppId` their actions need. */
  async listAvailableMetricActions(): Promise<AvailableMetricAction[]> {
    const res = await this.#call('GET', apiPath`organizations/${this.org}/alert-rules/available-actions/`);
    return Array.isArray(res.json) ? (res.json as AvailableMetricAction[]) : [];
  }

  listTeams(): Promise<Team[]> {
    return this.#paginate<Team>(apiPath`organizations/${this.org}/teams/`, {});
  }

  listMembers(): Promise<OrganizationMember[]> {
    return this.#paginate<OrganizationMember>(apiPath`organizations/${this.org}/members/`, {});
  }

  // ---- plumbing ----

  /** A response as the answer checks take it: endpoint named, body redacted. */
  #answer(method: HttpMethod, path: string, res: IncomingResponse): ReceivedAnswer {
    return {
      status: res.status,
      endpoint: this.#http.redact(`${method} ${path}`),
      headers: res.headers,
      json: res.json,
      text: this.#http.redact(res.text.slice(0, 4096)),
    };
  }

  #call(
    method: HttpMethod,
    path: string,
    extra: {
      json?: unknown;
      body?: { data: Buffer; contentType: string };
      accept?: number[];
      query?: Record<string, string>;
    } = {},
  ): Promise<IncomingResponse> {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [k, v] of Object.entries(extra.query ?? {})) url.searchParams.set(k, v);
    return this.#http.send({
      method,
      url,
      ...(extra.json === undefined ? {} : { json: extra.json }),
      ...(extra.body ? { body: extra.body } : {}),
      ...(extra.accept ? { accept: extra.accept } : {}),
    });
  }

  /** A write whose 400 answer names fields: thrown as SentryValidationError so callers can map them back. */
  async #write(method: 'POST' | 'PUT', path: string, json: unknown): Promise<IncomingResponse> {
    const res = await this.#call(method, path, { json, accept: [400] });
    if (res.status !== 400) return res;
    const body = res.json;
    const fields =
      body && typeof body === 'object' && !Array.isArray(body)
        ? (body as Record<string, unknown>)
        : { nonFieldErrors: [typeof body === 'string' ? body : 'Sentry refused the request'] };
    throw new SentryValidationError({ endpoint: `${method} ${path}`, fields });
  }

  /** Follows `Link: <…>; rel="next"; results="true"; cursor="…"` on the same path; stops on a repeated cursor. */
  async #paginate<T>(path: string, query: Record<string, string>): Promise<T[]> {
    const items: T[] = [];
    const seen = new Set<string>();
    let cursor: string | undefined;
    for (let page = 0; page < this.#maxPages; page++) {
      const res = await this.#call('GET', path, { query: cursor === undefined ? query : { ...query, cursor } });
      if (Array.isArray(res.json)) items.push(...(res.json as T[]));
      const link = res.headers.link;
      cursor = nextPageCursor(Array.isArray(link) ? link.join(', ') : link);
      if (cursor === undefined || seen.has(cursor)) break;
      seen.add(cursor);
    }
    return items;
  }
}

/** sentry-cli sends an all-digit project entry as a JSON number (an ID) and anything else as a slug. */
function idOrSlugList(projects: string[]): Array<string | number> {
  return projects.map((p) => (/^\d+$/.test(p) && Number.isSafeInteger(Number(p)) ? Number(p) : p));
}

/** `previousCommit` is always present, null when unknown, as sentry-cli sends it. */
function normaliseRefs(refs: Ref[]): Ref[] {
  return refs.map((r) => ({ repository: r.repository, commit: r.commit, previousCommit: r.previousCommit ?? null }));
}

/** Sentry serializes ids as strings; some servers send numbers. */
function withStringId<T extends { id: string }>(rule: T): T {
  return { ...rule, id: String(rule.id) };
}
