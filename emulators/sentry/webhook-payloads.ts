/**
 * `data` for the webhook sender built from what is seeded, so a test can say "issue 42 was created" or "event X
 * triggered an alert" and get the payload Sentry would send for exactly what the REST API serves.
 */
import type { EmulatorContext } from './context.ts';
import { webhookEvent } from './events.ts';
import { webhookIssue } from './issues.ts';
import { WebhookRequestError } from './webhooks.ts';

export interface SeededPayloadRequest {
  resource?: unknown;
  issueId?: unknown;
  eventID?: unknown;
  triggeredRule?: unknown;
}

function findEvent(emu: EmulatorContext, req: SeededPayloadRequest) {
  const events = emu.store.events
    .filter((e) => (req.eventID !== undefined ? e.eventID === req.eventID : e.issueId === String(req.issueId)))
    .sort((a, b) => b.dateCreated.localeCompare(a.dateCreated));
  const event = events[0];
  if (!event) {
    throw new WebhookRequestError(
      `no seeded event ${req.eventID !== undefined ? `with eventID ${JSON.stringify(req.eventID)}` : `for issue ${JSON.stringify(req.issueId)}`}; seed one or pass data`,
    );
  }
  return event;
}

/** The `data` Sentry sends for a seeded issue or event; undefined when the request names neither. */
export function payloadFromSeed(emu: EmulatorContext, req: SeededPayloadRequest): Record<string, unknown> | undefined {
  if (req.issueId === undefined && req.eventID === undefined) return undefined;
  if (req.resource === 'issue') {
    const issue = emu.store.issues.get(String(req.issueId));
    if (!issue) throw new WebhookRequestError(`no seeded issue ${JSON.stringify(req.issueId)}; seed it or pass data`);
    return { issue: webhookIssue(emu, issue) };
  }
  if (req.resource === 'event_alert') {
    const rule = typeof req.triggeredRule === 'string' ? req.triggeredRule : 'Send a notification to faultline';
    return { event: webhookEvent(emu, findEvent(emu, req)), triggered_rule: rule };
  }
  if (req.resource === 'error') return { error: webhookEvent(emu, findEvent(emu, req)) };
  throw new WebhookRequestError(
    `webhook.issueId/eventID build data only for resources issue, event_alert and error, not ${JSON.stringify(req.resource)}; pass data`,
  );
}
