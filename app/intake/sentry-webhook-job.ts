import type { JobContext, JobHandler } from '../jobs/index.ts';
import type { Delivery, Store } from '../store/index.ts';
import type { SentryWebhook } from './schema.ts';
import { sentryIssueIdIn, withFields } from '../log.ts';

export interface SentryWebhookContext extends JobContext {
  delivery: Delivery;
}
/** Must be idempotent: a delivery's job can run again after a failure or a crash, re-running every handler. */
export type SentryWebhookHandler = (webhook: SentryWebhook, ctx: SentryWebhookContext) => Promise<void>;

/**
 * Who handles which Sentry webhook. `on('issue', h)` gets every issue webhook, `on('issue.created', h)` only that
 * action; several handlers may share a key and run in registration order. Adding one is one call.
 */
export class SentryWebhookHandlers {
  readonly #handlers = new Map<string, SentryWebhookHandler[]>();

  on(event: string, handler: SentryWebhookHandler): this {
    this.#handlers.set(event, [...(this.#handlers.get(event) ?? []), handler]);
    return this;
  }

  for(resource: string, action: string | null): SentryWebhookHandler[] {
    return [
      ...(this.#handlers.get(resource) ?? []),
      ...(action ? (this.#handlers.get(`${resource}.${action}`) ?? []) : []),
    ];
  }
}

/**
 * The `sentry.webhook` job: takes the recorded delivery (a repeat arriving from then on gets its own job), hands it to
 * the handlers registered for it, and drops its raw body once they succeeded.
 */
export function sentryWebhookJob(store: Store, handlers: SentryWebhookHandlers, now = Date.now): JobHandler {
  return async (payload, ctx) => {
    const deliveryId = (payload as { deliveryId?: unknown }).deliveryId;
    if (typeof deliveryId !== 'number') throw new Error(`sentry.webhook job ${ctx.job.id} has no numeric deliveryId`);
    const delivery = await store.takeDelivery(deliveryId, now());
    if (!delivery) {
      ctx.log.warn({ jobId: ctx.job.id, deliveryId }, 'sentry webhook delivery no longer stored; nothing to do');
      return;
    }
    ctx.describe({ requestId: delivery.requestId });
    if (!delivery.body) {
      // A job that started after this delivery's last repeat already ran to the end, with Sentry's state of then.
      ctx.log.debug(
        { jobId: ctx.job.id, deliveryId, requestId: delivery.requestId },
        'sentry webhook delivery already processed; nothing to do',
      );
      return;
    }
    const webhook = JSON.parse(delivery.body) as SentryWebhook;
    const about = { requestId: delivery.requestId, sentryIssueId: sentryIssueIdIn(webhook) };
    ctx.describe(about);
    const log = withFields(ctx.log, about);
    const run = handlers.for(delivery.resource, delivery.action);
    if (run.length === 0) {
      log.debug({ deliveryId, resource: delivery.resource, action: delivery.action }, 'no handler for this webhook');
      await store.finishDelivery(deliveryId);
      return;
    }
    for (const handler of run) await handler(webhook, { ...ctx, log, delivery });
    await store.finishDelivery(deliveryId);
  };
}
