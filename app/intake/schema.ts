import { z } from 'zod';

// The envelope every integration-platform webhook shares, and the minimum each resource we handle must carry.
// Objects are loose: Sentry adds fields over time, and handlers read what they need.

const envelope = z.looseObject({
  action: z.string().min(1),
  installation: z.looseObject({ uuid: z.string().min(1) }),
  data: z.record(z.string(), z.unknown()),
  actor: z.looseObject({ type: z.string(), id: z.union([z.string(), z.number()]) }).optional(),
});

const id = z.union([z.string().min(1), z.number()]);

export const installationData = z.looseObject({
  installation: z.looseObject({
    uuid: z.string().min(1),
    organization: z.looseObject({ slug: z.string().min(1) }),
    app: z.looseObject({ uuid: z.string().optional(), slug: z.string().optional() }).optional(),
    status: z.string().optional(),
    code: z.string().optional(),
  }),
});

const dataByResource = {
  installation: installationData,
  issue: z.looseObject({ issue: z.looseObject({ id }) }),
  event_alert: z.looseObject({ event: z.looseObject({}), triggered_rule: z.string().optional() }),
  metric_alert: z.looseObject({ metric_alert: z.looseObject({}) }),
  error: z.looseObject({ error: z.looseObject({}) }),
  comment: z.looseObject({ issue_id: id }),
} as const;

export type HandledResource = keyof typeof dataByResource;
export const HANDLED_RESOURCES = Object.keys(dataByResource) as HandledResource[];
export const isHandledResource = (resource: string): resource is HandledResource =>
  Object.hasOwn(dataByResource, resource);

export type SentryWebhook = z.infer<typeof envelope>;

export type ParsedWebhook = { ok: true; webhook: SentryWebhook } | { ok: false; problem: string };

/** Validates a parsed JSON body against the envelope and, for the resources we handle, their data. */
export function validateWebhook(resource: string, body: unknown): ParsedWebhook {
  const outer = envelope.safeParse(body);
  if (!outer.success) return { ok: false, problem: describe(outer.error) };
  if (isHandledResource(resource)) {
    const inner = dataByResource[resource].safeParse(outer.data.data);
    if (!inner.success) return { ok: false, problem: describe(inner.error, 'data') };
  }
  return { ok: true, webhook: outer.data };
}

function describe(error: z.ZodError, prefix?: string): string {
  const first = error.issues[0];
  if (!first) return 'invalid body';
  const path = [...(prefix ? [prefix] : []), ...first.path.map(String)].join('.') || '(body)';
  return `${path}: ${first.message}`;
}
