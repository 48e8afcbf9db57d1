/**
 * Sends a faultline app a Sentry webhook as Sentry's integration platform does: the emulator's sender signs and
 * delivers it (`POST /__emulator/webhooks`, webhooks.ts) to the app's `/sentry/webhook`. One client for the demo
 * and the end-to-end tests; over HTTP, so it reaches an emulator started by `npm run emulator` as well.
 */
import type { WebhookResult } from './webhooks.ts';

export interface AppWebhook {
  resource: string;
  action: string;
  /** The payload's `data`. */
  data: Record<string, unknown>;
  /** The uuid of the Sentry installation the webhook is for. */
  installation: string;
  /** Default: Sentry itself. */
  actor?: Record<string, unknown> | undefined;
}

/** Where a faultline app receives Sentry webhooks. */
export const sentryWebhookUrl = (appUrl: string): string => `${appUrl}/sentry/webhook`;

/** Answers what the app answered; throws when the emulator refuses the request (the message names the field). */
export async function sendWebhookToApp(
  sentry: { url: string },
  app: { url: string },
  hook: AppWebhook,
): Promise<WebhookResult> {
  const res = await fetch(`${sentry.url}/__emulator/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      url: sentryWebhookUrl(app.url),
      resource: hook.resource,
      action: hook.action,
      data: hook.data,
      installation: { uuid: hook.installation },
      ...(hook.actor ? { actor: hook.actor } : {}),
    }),
  });
  const answer = (await res.json()) as WebhookResult & { error?: string };
  if (!res.ok) {
    throw new Error(
      `the Sentry emulator refused to send ${hook.resource}.${hook.action} (${res.status}): ${answer.error ?? ''}`,
    );
  }
  return answer;
}
