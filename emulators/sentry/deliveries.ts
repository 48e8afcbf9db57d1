/**
 * How the emulator's webhooks go out: Sentry's retries and the webhook faults around the single-request sender
 * (webhooks.ts). Sentry's sentry-app tasks retry a delivery 3 times, 5 minutes apart, when it timed out, could not
 * connect or got a 5xx; a 4xx is never retried (README.md, "Where each fact comes from"). Each try is a new request
 * with the same body and a new Request-ID and timestamp, and is listed in `state().webhooks` with its attempt.
 * Faults: `duplicate` sends the same body twice, `delay` holds a delivery for `delayMs`, `reorder` holds it until
 * the next delivery has gone out.
 */
import type { FaultInjector } from '../shared/faults.ts';
import type { WebhookFaultSpec } from './faults.ts';
import type { EmulatorStore } from './state.ts';
import { deliverWebhook, parseWebhookRequest, type WebhookResult } from './webhooks.ts';

export const WEBHOOK_RETRIES = 3;
export const WEBHOOK_RETRY_DELAY_MS = 5 * 60 * 1000;

/** Whether Sentry tries a delivery again: no answer (timeout, refused, reset) or a 5xx; never a 4xx. */
export function isRetried(result: Pick<WebhookResult, 'status'>): boolean {
  return result.status === 0 || result.status >= 500;
}

/** What `send` answers for a delivery a fault holds back. */
export interface HeldDelivery {
  held: true;
  fault: 'delay' | 'reorder';
}

export interface WebhookDeliveriesOptions {
  clientSecret: string;
  faults: FaultInjector<WebhookFaultSpec>;
  /** Time between Sentry's retries; default 5 minutes, shorter in tests. */
  retryDelayMs?: number;
}

export class WebhookDeliveries {
  readonly #opts: WebhookDeliveriesOptions;
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #inFlight = new Set<Promise<unknown>>();
  /** Deliveries a `reorder` fault holds until the next one has gone out. */
  #reordered: Array<() => void> = [];
  /** Counts cancellations, so a try still under way when they happen schedules no retry. */
  #generation = 0;

  constructor(opts: WebhookDeliveriesOptions) {
    this.#opts = opts;
  }

  /** Sends one webhook (with retries in the background); resolves with the first try's answer, or `held`. */
  async send(request: Record<string, unknown>, store: () => EmulatorStore): Promise<WebhookResult | HeldDelivery> {
    const parsed = parseWebhookRequest(request, store());
    const fault = this.#opts.faults.take('POST', `${parsed.resource}.${parsed.action}`);
    if (fault?.webhook === 'delay') {
      this.#later(fault.delayMs ?? 0, () => void this.#track(this.#attempt(request, store, 1)));
      return { held: true, fault: 'delay' };
    }
    if (fault?.webhook === 'reorder') {
      this.#reordered.push(() => void this.#track(this.#attempt(request, store, 1)));
      return { held: true, fault: 'reorder' };
    }
    const result = await this.#track(this.#attempt(request, store, 1));
    if (fault?.webhook === 'duplicate') await this.#track(this.#attempt(request, store, 1));
    this.#releaseReordered();
    return result;
  }

  /** Drops retries and held deliveries not yet sent (a reset starts a new world). */
  cancelPending(): void {
    this.#generation++;
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
    this.#reordered = [];
  }

  /** Cancels what is pending and waits for the requests under way. */
  async close(): Promise<void> {
    this.cancelPending();
    await Promise.allSettled([...this.#inFlight]);
  }

  async #attempt(request: Record<string, unknown>, store: () => EmulatorStore, attempt: number) {
    const { clientSecret } = this.#opts;
    const generation = this.#generation;
    const result = await deliverWebhook({ request, clientSecret, store, attempt });
    if (isRetried(result) && attempt <= WEBHOOK_RETRIES && generation === this.#generation) {
      this.#later(this.#opts.retryDelayMs ?? WEBHOOK_RETRY_DELAY_MS, () => {
        void this.#track(this.#attempt(request, store, attempt + 1));
      });
    }
    return result;
  }

  #releaseReordered(): void {
    const held = this.#reordered;
    this.#reordered = [];
    for (const send of held) send();
  }

  #later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.#timers.delete(t);
      fn();
    }, ms);
    this.#timers.add(t);
  }

  #track<T>(promise: Promise<T>): Promise<T> {
    this.#inFlight.add(promise);
    void promise.finally(() => this.#inFlight.delete(promise)).catch(() => undefined);
    return promise;
  }
}
