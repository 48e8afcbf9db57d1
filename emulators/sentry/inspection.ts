/**
 * The emulator's own API under `/__emulator/`, for tests, the demo and people poking at it with curl: state,
 * reset, seed, faults and the webhook sender. No token needed; never subject to faults; not in the request log.
 */
import type { HeldDelivery } from './deliveries.ts';
import { FaultSpecError, type SentryFaults } from './faults.ts';
import { badRequest, HttpError, json, parseJsonBody, type Route, route } from './http.ts';
import type { EmulatorSeed, EmulatorState } from './state.ts';
import { type WebhookResult, WebhookRequestError } from './webhooks.ts';

export interface InspectionDeps {
  state(): EmulatorState;
  reset(): void;
  seed(seed: EmulatorSeed): void;
  bundleFile(bundleId: string, url: string): Buffer | undefined;
  faults: SentryFaults;
  /** Sends a webhook as the emulator's own deliveries go (retries, webhook faults). */
  sendWebhook(request: Record<string, unknown>): Promise<WebhookResult | HeldDelivery>;
  /** Processes one new error as Sentry would (see ingest.ts). */
  ingest(body: Record<string, unknown>): unknown;
  /** `data` built from the seeded issue or event a webhook request names (`issueId`, `eventID`). */
  seededPayload(request: Record<string, unknown>): Record<string, unknown> | undefined;
}

export function inspectionRoutes(deps: InspectionDeps): Route[] {
  return [
    route('GET', '/__emulator/state', () => json(200, deps.state())),
    route('POST', '/__emulator/reset', () => {
      deps.reset();
      return json(200, { ok: true });
    }),
    route('POST', '/__emulator/seed', (ctx) => {
      deps.seed(parseJsonBody(ctx) as EmulatorSeed);
      return json(200, { ok: true });
    }),
    route('GET', '/__emulator/bundles/{bundleId}/file', (ctx) => {
      const url = ctx.url.searchParams.get('url') ?? '';
      const bytes = deps.bundleFile(ctx.params.bundleId!, url);
      if (!bytes)
        throw new HttpError(404, { detail: `no file ${JSON.stringify(url)} in bundle ${ctx.params.bundleId}` });
      return { status: 200, raw: bytes };
    }),
    route('POST', '/__emulator/events', (ctx) => json(201, deps.ingest(parseJsonBody(ctx)))),
    route('GET', '/__emulator/faults', () => json(200, deps.faults.pending())),
    route('POST', '/__emulator/faults', (ctx) => {
      try {
        const { pattern: _p, ...fault } = deps.faults.add(parseJsonBody(ctx));
        return json(201, fault);
      } catch (err) {
        if (err instanceof FaultSpecError) throw badRequest({ error: err.message });
        throw err;
      }
    }),
    route('DELETE', '/__emulator/faults', () => {
      deps.faults.clear();
      return { status: 204 };
    }),
    route('POST', '/__emulator/webhooks', async (ctx) => {
      try {
        const request = parseJsonBody(ctx);
        const data = request.data === undefined ? deps.seededPayload(request) : undefined;
        const result = await deps.sendWebhook(data ? { ...request, data } : request);
        return json('held' in result ? 202 : 200, result);
      } catch (err) {
        if (err instanceof WebhookRequestError) throw badRequest({ error: err.message });
        throw err;
      }
    }),
  ];
}
