// Sentry's `installation` webhook: how the app learns a public integration's org (and its grant code) or forgets it.
import type { Installation, Store } from '../store/index.ts';
import { installationData } from '../intake/schema.ts';
import type { SentryWebhookHandler } from '../intake/sentry-webhook-job.ts';
import type { InstallationTokens } from './tokens.ts';

/** `installation.created` records the installation (and exchanges its grant code); `deleted` forgets it. */
export function installationWebhookHandler(
  tokens: InstallationTokens,
  store: Store,
  now: () => number = Date.now,
): SentryWebhookHandler {
  return async (webhook, ctx) => {
    const { installation: data } = installationData.parse(webhook.data);
    if (webhook.action === 'deleted') {
      const removed = await store.deleteInstallation(data.uuid);
      ctx.log.info({ installation: data.uuid, org: data.organization.slug, removed }, 'sentry installation removed');
      return;
    }
    if (webhook.action !== 'created') return;
    const installation: Installation = {
      uuid: data.uuid,
      orgSlug: data.organization.slug,
      appSlug: data.app?.slug ?? null,
      status: data.status ?? 'installed',
      token: null,
      refreshToken: null,
      tokenExpiresAt: null,
    };
    await store.upsertInstallation(installation, now());
    ctx.log.info({ installation: data.uuid, org: data.organization.slug }, 'sentry installation recorded');
    // A retried job must not spend the one-time code twice: skip when a token is already stored.
    if (data.code && !(await store.getInstallation(data.uuid))?.token)
      await tokens.exchangeGrant(installation, data.code);
  };
}
