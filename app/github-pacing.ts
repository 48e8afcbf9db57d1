// How fast faultline writes to GitHub: as fast as GitHub's documented secondary limits allow, not the fixed spacing of
// Octokit's throttling plugin (1 s between writes, 3 s between content-creating ones, 2 s between searches). The
// plugin keeps its request queue, its retries and its `onRateLimit`/`onSecondaryRateLimit` hooks; the groups it
// schedules writes, content creation and searches on are replaced by sliding windows over GitHub's numbers, keyed
// by installation like the plugin's own. A status change (a job of `JOB_PRIORITY.status`) goes ahead of queued bulk
// requests and may use a small reserve of each window that a burst of new issues cannot.
//
// https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits
//   "no more than 80 content-generating requests per minute and no more than 500 content-generating requests per
//   hour"; "no more than 900 points per minute" per REST endpoint, 5 points for most POST, PATCH, PUT and DELETE.
// https://docs.github.com/rest/search/search#rate-limit: 30 search requests per minute when authenticated.
// https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api: honour `retry-after`, and
//   `x-ratelimit-reset` when `x-ratelimit-remaining` is 0 (the plugin computes both and calls the hooks below).
import type { ProbotOctokit } from 'probot';
import { isUrgent } from './jobs/priority.ts';
import type { Log } from './log.ts';
import type { AppMetrics } from './metrics/index.ts';

export const GITHUB_LIMITS = {
  contentPerMinute: 80,
  contentPerHour: 500,
  pointsPerMinutePerEndpoint: 900,
  pointsPerWrite: 5,
  searchesPerMinute: 30,
} as const;

export interface PacingWindow {
  /** At most this many requests in any `ms`… */
  limit: number;
  ms: number;
  /** …of which the last `reserve` only urgent requests (status changes, retries) may take. */
  reserve: number;
}

export interface PacingRule {
  /** Least time between two requests of this kind; they also go one at a time. */
  spacingMs: number;
  windows: readonly PacingWindow[];
}

const L = GITHUB_LIMITS;
export const GITHUB_PACING = {
  /** Any POST, PATCH, PUT, DELETE: under an endpoint's points per minute even if every write hit the same one. */
  write: { spacingMs: Math.ceil(60_000 / (L.pointsPerMinutePerEndpoint / L.pointsPerWrite)), windows: [] },
  /** Issues, comments and the other requests the plugin knows to create content (and notifications). */
  content: {
    spacingMs: 0,
    windows: [
      { limit: L.contentPerMinute, ms: 60_000, reserve: 8 },
      { limit: L.contentPerHour, ms: 3_600_000, reserve: 50 },
    ],
  },
  search: { spacingMs: 0, windows: [{ limit: L.searchesPerMinute, ms: 60_000, reserve: 5 }] },
} as const satisfies Record<string, PacingRule>;

/** How long a request of this rule waits, given the send times of earlier ones (oldest first). Pure. */
export function pacingWait(rule: PacingRule, sent: readonly number[], now: number, urgent: boolean): number {
  let wait = sent.length > 0 ? sent[sent.length - 1]! + rule.spacingMs - now : 0;
  for (const w of rule.windows) {
    const allowed = Math.max(1, w.limit - (urgent ? 0 : w.reserve));
    let inWindow = 0;
    for (let i = sent.length - 1; i >= 0 && sent[i]! > now - w.ms; i--) inWindow++;
    // The oldest of the last `allowed` sends must leave the window first.
    if (inWindow >= allowed) wait = Math.max(wait, sent[sent.length - allowed]! + w.ms - now);
  }
  return Math.max(0, wait);
}

/** One installation's queue for one rule: FIFO, urgent requests first. Bottleneck's `schedule` shape, which the plugin calls. */
export class PacedQueue {
  readonly #rule: PacingRule;
  readonly #now: () => number;
  readonly #sent: number[] = [];
  readonly #waiting: Array<{ urgent: boolean; go: () => void }> = [];
  readonly #keepMs: number;
  #timer: NodeJS.Timeout | undefined;

  constructor(rule: PacingRule, now: () => number = Date.now) {
    this.#rule = rule;
    this.#now = now;
    this.#keepMs = Math.max(rule.spacingMs, ...rule.windows.map((w) => w.ms));
  }

  /** The plugin passes `{ weight: 0 }` for a retry, which has already waited what GitHub asked: it goes first. */
  schedule<A extends unknown[], T>(
    options: { weight?: number } | undefined,
    fn: (...args: A) => T | Promise<T>,
    ...args: A
  ): Promise<T> {
    const urgent = isUrgent() || options?.weight === 0;
    return new Promise<void>((go) => {
      this.#waiting.push({ urgent, go });
      this.#pump();
    }).then(() => fn(...args));
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  #pump(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    while (this.#waiting.length > 0) {
      const first = this.#waiting.findIndex((w) => w.urgent);
      const index = first >= 0 ? first : 0;
      const now = this.#now();
      const wait = pacingWait(this.#rule, this.#sent, now, this.#waiting[index]!.urgent);
      if (wait > 0) {
        this.#timer = setTimeout(() => this.#pump(), wait);
        return;
      }
      const [next] = this.#waiting.splice(index, 1);
      this.#sent.push(now);
      while (this.#sent.length > 0 && this.#sent[0]! <= now - this.#keepMs) this.#sent.shift();
      next!.go();
    }
  }
}

/** Queues by throttling id (the installation), as a Bottleneck group gives them to the plugin. */
export class PacedGroup {
  readonly #rule: PacingRule;
  readonly #now: (() => number) | undefined;
  readonly #queues = new Map<string, PacedQueue>();

  constructor(rule: PacingRule, now?: () => number) {
    this.#rule = rule;
    this.#now = now;
  }

  key(id = ''): PacedQueue {
    let queue = this.#queues.get(id);
    if (!queue) this.#queues.set(id, (queue = new PacedQueue(this.#rule, this.#now)));
    return queue;
  }
}

/** The request kinds GitHub limits separately. Content: a POST that creates issues, comments, pulls, reviews… */
export function requestKinds(method: string, url: string): Array<keyof typeof GITHUB_PACING> {
  const path = url.replace(/^https?:\/\/[^/]+/, '').split('?')[0]!;
  if (method === 'GET' || method === 'HEAD') return path.startsWith('/search/') ? ['search'] : [];
  // Installation tokens are the plugin's `auth` group, not writes.
  if (/^\/app\/installations\/[^/]+\/access_tokens$/.test(path) || path.startsWith('/applications/')) return [];
  const content = method === 'POST' && /\/(issues|comments|pulls|reviews|releases|replies|discussions)$/.test(path);
  return content ? ['write', 'content'] : ['write'];
}

/** Every installation's queues, shared by all the app's Octokit instances. */
export class GitHubPacer {
  readonly #groups: Record<keyof typeof GITHUB_PACING, PacedGroup>;

  constructor(now?: () => number) {
    this.#groups = {
      write: new PacedGroup(GITHUB_PACING.write, now),
      content: new PacedGroup(GITHUB_PACING.content, now),
      search: new PacedGroup(GITHUB_PACING.search, now),
    };
  }

  /** Resolves when this request may go; read in the caller's context, so a status change's request is urgent. */
  async before(installation: string, method: string, url: string): Promise<void> {
    for (const kind of requestKinds(method, url)) await this.#groups[kind].key(installation).schedule({}, () => {});
  }
}

export interface GitHubThrottleOptions {
  metrics: Pick<AppMetrics, 'rateLimitWait'>;
  log: Log;
  /** Retries of one request after GitHub said to wait (primary or secondary limit); default 2. */
  maxRetries?: number;
  now?: () => number;
}

type LimitHook = (
  retryAfter: number,
  options: { method?: string; url?: string },
  octokit: unknown,
  retryCount: number,
) => boolean;

/** The plugin's spacing groups, made pass-through: the pacer paces. */
const unpaced = {
  key: () => ({
    schedule: <A extends unknown[], T>(_options: unknown, fn: (...args: A) => T, ...args: A) =>
      Promise.resolve().then(() => fn(...args)),
  }),
};

/**
 * The pacing of the app's Octokit: our pacer in place of the plugin's fixed spacing, and hooks that retry a
 * rate-limited request a bounded number of times after the wait GitHub asked for, counting each wait.
 */
export function githubThrottle(opts: GitHubThrottleOptions) {
  const maxRetries = opts.maxRetries ?? 2;
  const hook =
    (kind: 'primary' | 'secondary'): LimitHook =>
    (retryAfter, options, _octokit, retryCount) => {
      const retry = retryCount < maxRetries;
      const fields = { kind, route: `${options.method} ${options.url}`, retryAfterSeconds: retryAfter, retryCount };
      if (retry) {
        opts.metrics.rateLimitWait('github', retryAfter);
        opts.log.warn(fields, 'github: rate limited; retrying after the wait GitHub asked for');
      } else opts.log.warn(fields, 'github: rate limited again; giving up on this request (the job retries later)');
      return retry;
    };
  return {
    pacer: new GitHubPacer(opts.now),
    options: {
      write: unpaced,
      notifications: unpaced,
      search: unpaced,
      onRateLimit: hook('primary'),
      onSecondaryRateLimit: hook('secondary'),
    },
  };
}

/**
 * An Octokit class whose instances pace with `throttle` (every instance shares its queues) and retry rate-limited
 * requests. An instance with `throttle.enabled: false` (tests) is not paced either.
 */
export function withGitHubPacing(
  Octokit: typeof ProbotOctokit,
  throttle: ReturnType<typeof githubThrottle>,
): typeof ProbotOctokit {
  return Octokit.defaults((o: { throttle?: object }) => ({
    ...o,
    throttle: { ...o.throttle, ...throttle.options },
  })).plugin((octokit, options) => {
    const own = (options as { throttle?: { enabled?: boolean; id?: string | number } }).throttle;
    if (own?.enabled === false) return {};
    const installation = String(own?.id ?? '');
    // Registered after the throttling plugin, so it wraps it: pacing happens in the caller's async context.
    octokit.hook.wrap('request', async (request, req) => {
      await throttle.pacer.before(installation, req.method, req.url);
      return request(req);
    });
    return {};
  });
}
