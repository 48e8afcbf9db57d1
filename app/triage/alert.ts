// What a Sentry webhook says about the alert, whichever resource carried it. Pure.
import type { SentryWebhook } from '../intake/schema.ts';

export type AlertKind = 'issue' | 'event_alert' | 'error';

export interface Alert {
  kind: AlertKind;
  sentryIssueId: string;
  /** The serialized Sentry issue (`issue.*` webhooks carry it; others do not). */
  issue?: Record<string, unknown> | undefined;
  /** The full event (`event_alert`, `error`); `issue.created` has none. */
  event?: Record<string, unknown> | undefined;
  /** Project slug when the payload names it (`issue.project.slug`, or the event's API URL). */
  projectSlug?: string | undefined;
  webUrl?: string | undefined;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const id = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;

/** Reads `issue.created`, `event_alert.triggered` and `error.created`; undefined for anything else. */
export function readAlert(webhook: Pick<SentryWebhook, 'action' | 'data'>, resource: string): Alert | undefined {
  const data = webhook.data;
  if (resource === 'issue' && webhook.action === 'created' && isObj(data['issue'])) {
    const issue = data['issue'];
    const sentryIssueId = id(issue['id']);
    if (!sentryIssueId) return undefined;
    const project = isObj(issue['project']) ? id(issue['project']['slug']) : undefined;
    return {
      kind: 'issue',
      sentryIssueId,
      issue,
      projectSlug: project,
      webUrl: id(issue['web_url']) ?? id(issue['permalink']),
    };
  }
  const event =
    resource === 'event_alert' && webhook.action === 'triggered'
      ? data['event']
      : resource === 'error' && webhook.action === 'created'
        ? data['error']
        : undefined;
  if (!isObj(event)) return undefined;
  const sentryIssueId = id(event['issue_id']) ?? id(event['groupID']);
  if (!sentryIssueId) return undefined;
  return {
    kind: resource === 'error' ? 'error' : 'event_alert',
    sentryIssueId,
    event,
    projectSlug: projectFromEventUrl(id(event['url'])),
    // The event's web URL is the event page: the issue page is its prefix.
    webUrl: id(event['web_url'])?.replace(/events\/[^/]+\/?$/, ''),
  };
}

/** `…/api/0/projects/{org}/{project}/events/{id}/` → project slug. */
export function projectFromEventUrl(url: string | undefined): string | undefined {
  return url?.match(/\/projects\/[^/]+\/([^/]+)\/events\//)?.[1];
}
