// Public-integration tokens: the grant-code exchange at install time and the refresh before expiry.
import type { Log } from '../log.ts';
import { PermanentJobError } from '../jobs/index.ts';
import type { Installation, Store } from '../store/index.ts';
import type { TokenCipher } from './token-crypto.ts';

/** A token refresh is due this long before the token expires (Sentry's tokens live 8 hours). */
export const REFRESH_MARGIN_MS = 10 * 60_000;
/** How long a grant code can be exchanged (Sentry's `ApiGrant` expires 10 minutes after the install). */
export const GRANT_CODE_LIFETIME_MS = 10 * 60_000;
/** Backoff between authorization attempts when Sentry does not say how long to wait: 1 s, 2 s, … up to a minute. */
export const AUTHORIZE_RETRY = { baseMs: 1_000, maxMs: 60_000 };

/** How long to wait before authorization attempt `attempt + 1`: what Sentry asked for, or the exponential backoff. */
export function authorizeRetryDelay(attempt: number, retryAfterMs: number | undefined): number {
  if (retryAfterMs !== undefined) return retryAfterMs;
  return Math.min(AUTHORIZE_RETRY.maxMs, AUTHORIZE_RETRY.baseMs * 2 ** Math.max(0, attempt - 1));
}

export class SentryAuthorizationError extends Error {
  override name = 'SentryAuthorizationError';
  readonly status: number;
  readonly retryAfterMs: number | undefined;
  constructor(message: string, status: number, retryAfterMs?: number) {
    super(message);
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}

export interface InstallationTokensOptions {
  store: Store;
  sentryUrl: string;
  clientId: string | undefined;
  clientSecret: string;
  log: Log;
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Encrypts tokens at rest (see token-crypto.ts); without it they are stored as they are. */
  cipher?: TokenCipher | undefined;
}

type Tokens = Pick<Installation, 'token' | 'refreshToken'>;

/**
 * Public-integration tokens: exchange an installation's grant code, keep the token in the store, and refresh it
 * (the refresh token rotates) before it expires. Tokens never appear in logs or errors.
 */
export class InstallationTokens {
  readonly #o: InstallationTokensOptions;
  readonly #now: () => number;

  constructor(opts: InstallationTokensOptions) {
    this.#o = opts;
    this.#now = opts.now ?? Date.now;
  }

  /** Retries an outage or a rate limit for as long as the grant code is valid. */
  async exchangeGrant(installation: Installation, code: string): Promise<void> {
    const granted = await this.#authorizeRetrying(installation.uuid, { grant_type: 'authorization_code', code });
    await this.#save({ ...installation, ...granted });
  }

  /** The installation's token, refreshed first when it is near expiry; undefined when it has none. */
  async tokenFor(uuid: string): Promise<string | undefined> {
    const stored = await this.#o.store.getInstallation(uuid);
    if (!stored?.token) return undefined;
    if (stored.refreshToken && (stored.tokenExpiresAt ?? 0) - this.#now() < REFRESH_MARGIN_MS) {
      return (await this.refresh(stored)).token ?? undefined;
    }
    const { installation, stale } = this.#open(stored);
    // Stored in plain text or under the previous key: re-encrypt under the current one.
    if (stale) await this.#save(installation);
    return installation.token ?? undefined;
  }

  /**
   * A fresh token for the installation, given as stored (tokens encrypted) and answered with its tokens in the
   * clear. `patient` (the periodic refresh) retries an outage for as long as a grant code lives, which the refresh
   * margin leaves before the token expires; a refresh inside a job fails fast and the job retries.
   */
  async refresh(stored: Installation, opts: { patient?: boolean } = {}): Promise<Installation> {
    const { installation } = this.#open(stored);
    if (!installation.refreshToken) return installation;
    try {
      const grant = { grant_type: 'refresh_token', refresh_token: installation.refreshToken };
      const granted = opts.patient
        ? await this.#authorizeRetrying(installation.uuid, grant)
        : await this.#authorize(installation.uuid, grant);
      const updated = { ...installation, ...granted };
      await this.#save(updated);
      return updated;
    } catch (error) {
      // Another replica may have rotated the refresh token first: its fresh token is as good as ours.
      const current = await this.#o.store.getInstallation(installation.uuid);
      if (current?.token && current.token !== stored.token) return this.#open(current).installation;
      throw error;
    }
  }

  #save(installation: Installation): Promise<void> {
    const seal = (value: string | null) => (value && this.#o.cipher ? this.#o.cipher.seal(value) : value);
    const sealed: Tokens = { token: seal(installation.token), refreshToken: seal(installation.refreshToken) };
    return this.#o.store.upsertInstallation({ ...installation, ...sealed }, this.#now());
  }

  #open(stored: Installation): { installation: Installation; stale: boolean } {
    const cipher = this.#o.cipher;
    if (!cipher) return { installation: stored, stale: false };
    let stale = false;
    const open = (value: string | null) => {
      if (!value) return value;
      const opened = cipher.open(value);
      stale ||= opened.stale;
      return opened.token;
    };
    const clear: Tokens = { token: open(stored.token), refreshToken: open(stored.refreshToken) };
    return { installation: { ...stored, ...clear }, stale };
  }

  /** Refreshes every token expiring within the margin (run periodically); returns how many were refreshed. */
  async refreshExpiring(): Promise<number> {
    const due = await this.#o.store.listInstallationsExpiringBefore(this.#now() + REFRESH_MARGIN_MS);
    let refreshed = 0;
    for (const installation of due) {
      try {
        await this.refresh(installation, { patient: true });
        refreshed++;
      } catch (error) {
        this.#o.log.error({ installation: installation.uuid, failure: String(error) }, 'sentry token refresh failed');
      }
    }
    return refreshed;
  }

  async #authorizeRetrying(
    uuid: string,
    grant: Record<string, string>,
  ): Promise<Pick<Installation, 'token' | 'refreshToken' | 'tokenExpiresAt'>> {
    const deadline = this.#now() + GRANT_CODE_LIFETIME_MS;
    const sleep = this.#o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#authorize(uuid, grant);
      } catch (error) {
        if (error instanceof PermanentJobError) throw error;
        const wait = authorizeRetryDelay(attempt, (error as { retryAfterMs?: number }).retryAfterMs);
        if (this.#now() + wait > deadline) throw error;
        this.#o.log.warn(
          { installation: uuid, grant: grant['grant_type'], attempt, waitMs: wait, failure: String(error) },
          'sentry authorization failed; retrying',
        );
        await sleep(wait);
      }
    }
  }

  async #authorize(
    uuid: string,
    grant: Record<string, string>,
  ): Promise<Pick<Installation, 'token' | 'refreshToken' | 'tokenExpiresAt'>> {
    const { clientId, clientSecret, sentryUrl } = this.#o;
    if (!clientId) {
      throw new PermanentJobError(
        `SENTRY_CLIENT_ID is not set: cannot exchange the grant code of Sentry installation ${uuid}; set it to the public integration's Client ID`,
      );
    }
    const url = `${sentryUrl}/api/0/sentry-app-installations/${encodeURIComponent(uuid)}/authorizations/`;
    const response = await (this.#o.fetch ?? fetch)(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ ...grant, client_id: clientId, client_secret: clientSecret }),
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) {
      const detail = (await response.text().catch(() => '')).slice(0, 200);
      const what = `Sentry refused the ${grant['grant_type']} exchange for installation ${uuid} (${response.status})`;
      // No header is not "retry at once" (Number(null) is 0): the backoff decides then.
      const header = response.headers.get('retry-after');
      const retryAfter = header === null || header.trim() === '' ? Number.NaN : Number(header);
      if (response.status === 429 || response.status >= 500) {
        throw new SentryAuthorizationError(
          `${what}; will retry`,
          response.status,
          Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined,
        );
      }
      throw new PermanentJobError(
        `${what}: ${detail || 'no detail'}; check SENTRY_CLIENT_ID/SENTRY_CLIENT_SECRET, or reinstall (grant codes expire after about 10 minutes)`,
      );
    }
    const body = (await response.json()) as { token?: unknown; refreshToken?: unknown; expiresAt?: unknown };
    if (typeof body.token !== 'string') {
      throw new SentryAuthorizationError(
        `Sentry's authorization answer for installation ${uuid} has no token`,
        response.status,
      );
    }
    const expires = typeof body.expiresAt === 'string' ? Date.parse(body.expiresAt) : Number.NaN;
    return {
      token: body.token,
      refreshToken: typeof body.refreshToken === 'string' ? body.refreshToken : null,
      tokenExpiresAt: Number.isFinite(expires) ? expires : null,
    };
  }
}
