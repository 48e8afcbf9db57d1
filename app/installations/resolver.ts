// Which Sentry org and token a webhook's installation uuid stands for: the one place the services layer (and so
// triage and the sync) asks.
import type { InstallationTokens } from './tokens.ts';
import type { Installation, Store } from '../store/index.ts';

/** An internal integration: the fixed org and token from SENTRY_ORG and SENTRY_AUTH_TOKEN. */
export interface InternalIntegration {
  org: string;
  token: string;
}

/**
 * Public integrations are known by their `installation.created` webhook (stored with their own tokens). An internal
 * integration sends none, but a webhook whose signature verified with the client secret can only come from it, and
 * it belongs to one org: in internal mode an unknown uuid is that org with the fixed token.
 */
export class InstallationResolver {
  readonly #store: Pick<Store, 'getInstallation'>;
  readonly #tokens: Pick<InstallationTokens, 'tokenFor'> | undefined;
  readonly #authToken: string | undefined;
  readonly #internal: InternalIntegration | undefined;

  /** `authToken` (SENTRY_AUTH_TOKEN) also stands in for a stored installation without a token of its own. */
  constructor(opts: {
    store: Pick<Store, 'getInstallation'>;
    tokens?: Pick<InstallationTokens, 'tokenFor'> | undefined;
    authToken?: string | undefined;
    org?: string | undefined;
  }) {
    this.#store = opts.store;
    this.#tokens = opts.tokens;
    this.#authToken = opts.authToken;
    this.#internal = opts.authToken && opts.org ? { org: opts.org, token: opts.authToken } : undefined;
  }

  /** Set in internal-integration mode (SENTRY_AUTH_TOKEN and SENTRY_ORG both set). */
  get internal(): InternalIntegration | undefined {
    return this.#internal;
  }

  /** The stored installation, else (internal mode) the internal integration's; undefined when neither. */
  async getInstallation(uuid: string): Promise<Installation | undefined> {
    const stored = await this.#store.getInstallation(uuid);
    if (stored || !this.#internal) return stored;
    return {
      uuid,
      orgSlug: this.#internal.org,
      appSlug: null,
      status: 'installed',
      token: this.#internal.token,
      refreshToken: null,
      tokenExpiresAt: null,
    };
  }

  /** The installation's own (refreshed) token, else SENTRY_AUTH_TOKEN; undefined when neither. */
  async tokenFor(uuid: string): Promise<string | undefined> {
    return (await this.#tokens?.tokenFor(uuid)) ?? this.#authToken;
  }

  /** The same store, with `getInstallation` answered by this resolver (for services typed on the store). */
  view<S extends Pick<Store, 'getInstallation'>>(store: S): S {
    return new Proxy(store, {
      get: (target, key) => {
        if (key === 'getInstallation') return (uuid: string) => this.getInstallation(uuid);
        const value: unknown = Reflect.get(target, key, target);
        // Bound to the real store: its methods read private fields a proxy does not have.
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }
}
