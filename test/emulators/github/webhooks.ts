/**
 * Delivers a webhook the way GitHub does: JSON body, `X-GitHub-Event`, `X-GitHub-Delivery`, and
 * `X-Hub-Signature-256: sha256=<HMAC-SHA256 of the raw body with the webhook secret>`.
 */
import { createHmac, randomUUID } from 'node:crypto';

export interface WebhookDelivery {
  url: string;
  secret: string;
  event: string;
  payload: unknown;
  /** Defaults to a fresh UUID, like GitHub's. */
  delivery?: string;
}

export interface WebhookResult {
  delivery: string;
  status: number;
  body: string;
}

export class WebhookSpecError extends Error {
  override name = 'WebhookSpecError';
}

export function signWebhookBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export async function deliverWebhook(input: Partial<WebhookDelivery>): Promise<WebhookResult> {
  for (const field of ['url', 'secret', 'event'] as const) {
    if (typeof input[field] !== 'string' || !input[field]) {
      throw new WebhookSpecError(`webhook.${field} must be a non-empty string (see test/emulators/github/README.md)`);
    }
  }
  if (input.payload === undefined)
    throw new WebhookSpecError('webhook.payload is required: the event JSON GitHub would send');
  const body = JSON.stringify(input.payload);
  const delivery = input.delivery ?? randomUUID();
  const response = await fetch(input.url!, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/emulator',
      'x-github-event': input.event!,
      'x-github-delivery': delivery,
      'x-github-hook-id': '1',
      'x-hub-signature-256': signWebhookBody(input.secret!, body),
    },
    body,
  });
  return { delivery, status: response.status, body: await response.text() };
}
