/**
 * Delivers a webhook the way GitHub does: JSON body, `X-GitHub-Event`, `X-GitHub-Delivery`, and
 * `X-Hub-Signature-256: sha256=<HMAC-SHA256 of the raw body with the webhook secret>`.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { request } from 'undici';
import { actorShape, commentShape, issueShape, labelShape, repoShape, type Urls } from './shapes.ts';
import type { GitHubWorld, WorldEvent } from './state.ts';

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
      throw new WebhookSpecError(`webhook.${field} must be a non-empty string (see emulators/github/README.md)`);
    }
  }
  if (input.payload === undefined)
    throw new WebhookSpecError('webhook.payload is required: the event JSON GitHub would send');
  const body = JSON.stringify(input.payload);
  const delivery = input.delivery ?? randomUUID();
  // undici's request, not fetch: fetch refuses some ports an app may listen on.
  const response = await request(input.url!, {
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
  return { delivery, status: response.statusCode, body: await response.body.text() };
}

/** Where the emulator sends the app's webhooks for changes made through the API. */
export interface WebhookTarget {
  url: string;
  secret: string;
}

/** The installation of the repo the event is about, or undefined when the app is not installed there. */
function installationOf(world: GitHubWorld, event: WorldEvent) {
  const key = event.repo.fullName.toLowerCase();
  return [...world.installations.values()].find((i) => i.repos.includes(key));
}

/** GitHub's payload for an `issues` or `issue_comment` event (URLs as a GitHub Enterprise server would send). */
export function webhookPayload(world: GitHubWorld, urls: Urls, event: WorldEvent): Record<string, unknown> | undefined {
  const installation = installationOf(world, event);
  if (!installation) return undefined;
  const { repo, issue } = event;
  const payload: Record<string, unknown> = { action: event.action, issue: issueShape(world, urls, repo, issue) };
  if (event.event === 'issue_comment') {
    payload.comment = commentShape(world, urls, repo, event.comment);
  } else {
    if (event.label) {
      const label = repo.labels.get(event.label.toLowerCase());
      payload.label = label
        ? labelShape(urls, repo, label)
        : { id: 0, node_id: '', url: '', name: event.label, color: 'ededed', default: false, description: null };
    }
    if (event.assignee) payload.assignee = actorShape(world, urls, event.assignee);
  }
  if (event.changes) payload.changes = event.changes;
  payload.repository = repoShape(world, urls, repo);
  if (installation.accountType === 'Organization') payload.organization = actorShape(world, urls, installation.account);
  payload.sender = actorShape(world, urls, event.sender);
  payload.installation = { id: installation.id, node_id: `MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9u${installation.id}` };
  return payload;
}
