/** Durations as teams write them (`5m`, `1h`, `1d`, `1w`) and the sets Sentry accepts for each field. Pure. */

const UNIT_MINUTES = { m: 1, h: 60, d: 24 * 60, w: 7 * 24 * 60 } as const;

/** Minutes in `5m` / `2h` / `1d` / `1w`; undefined for anything else. */
export function durationMinutes(text: string): number | undefined {
  const match = /^(\d+)\s*([mhdw])$/.exec(text.trim());
  if (!match) return undefined;
  const minutes = Number(match[1]) * UNIT_MINUTES[match[2] as keyof typeof UNIT_MINUTES];
  return minutes > 0 ? minutes : undefined;
}

/** `30` → `30m`, `60` → `1h`, `1440` → `1d`: the shortest exact spelling. */
export function formatMinutes(minutes: number): string {
  if (minutes % UNIT_MINUTES.w === 0) return `${minutes / UNIT_MINUTES.w}w`;
  if (minutes % UNIT_MINUTES.d === 0) return `${minutes / UNIT_MINUTES.d}d`;
  if (minutes % UNIT_MINUTES.h === 0) return `${minutes / UNIT_MINUTES.h}h`;
  return `${minutes}m`;
}

/**
 * Intervals of the issue frequency conditions (`interval` of EventFrequencyCondition and
 * EventUniqueUserFrequencyCondition): Sentry's STANDARD_INTERVALS keys, used as-is in the payload.
 */
export const FREQUENCY_INTERVALS = ['1m', '5m', '15m', '1h', '1d', '1w', '30d'] as const;
export type FrequencyInterval = (typeof FREQUENCY_INTERVALS)[number];

/** An issue rule's action interval (`frequency`, minutes): Sentry's RuleSerializer allows 5 to 43200 (30 days). */
export const ACTION_INTERVAL_MINUTES = { min: 5, max: 60 * 24 * 30 } as const;

/**
 * Metric alert windows (`timeWindow`, minutes). Sentry's AlertRuleSerializer takes 1..1440; the windows its UI
 * offers, and the only ones its query subscriptions are tested with, are these.
 */
export const METRIC_WINDOWS = [1, 5, 10, 15, 30, 60, 120, 240, 1440] as const;
/** Crash-free rate alerts: CRASH_RATE_ALERTS_ALLOWED_TIME_WINDOWS (minutes) in Sentry's incidents serializers. */
export const CRASH_RATE_WINDOWS = [30, 60, 120, 240, 720, 1440] as const;
