// A Sentry metric-alert incident as one GitHub issue: opened on warning/critical, escalated by editing the same
// issue, closed with the incident's duration on resolve.
import { escapeText, inlineCode, link, truncate } from '../services/markdown.ts';
import { incidentMarker, syncCommentMarker } from '../services/markers.ts';
import type { Scrub } from '../scrub/index.ts';

/** Text from Sentry as it may appear in an incident's issue or comment: cut, scrubbed, shown as text. */
const clean = (text: string, scrub: Scrub, max = 2_000): string => escapeText(scrub(truncate(text, max)));

export type Severity = 'critical' | 'warning';

export interface MetricAlertPayload {
  metric_alert?: {
    id?: string | number;
    identifier?: string | number;
    title?: string;
    status?: number;
    date_started?: string | null;
    date_detected?: string | null;
    date_closed?: string | null;
    projects?: string[];
    alert_rule?: {
      id?: string | number;
      name?: string;
      aggregate?: string;
      query?: string;
      time_window?: number;
      threshold_type?: number;
      triggers?: Array<{ label?: string; alert_threshold?: number | null }>;
    };
  };
  description_title?: string;
  description_text?: string;
  web_url?: string;
}

export interface Incident {
  /** `<rule id>:<incident id>`: one GitHub issue each. */
  key: string;
  ruleId: string;
  ruleName: string;
  incidentId: string;
  webUrl: string | undefined;
  startedAt: string | undefined;
  closedAt: string | undefined;
  projects: string[];
}

export function readIncident(data: MetricAlertPayload): Incident | undefined {
  const alert = data.metric_alert;
  const rule = alert?.alert_rule;
  if (alert?.id === undefined || rule?.id === undefined) return undefined;
  const ruleId = String(rule.id);
  const incidentId = String(alert.id);
  return {
    key: `${ruleId}:${incidentId}`,
    ruleId,
    ruleName: rule.name ?? alert.title ?? `alert rule ${ruleId}`,
    incidentId,
    webUrl: data.web_url,
    startedAt: alert.date_started ?? alert.date_detected ?? undefined,
    closedAt: alert.date_closed ?? undefined,
    projects: alert.projects ?? [],
  };
}

export const severityLabel = (severity: Severity): string => `severity:${severity}`;

/** "count() above 100 in 5 min" from the rule's trigger for this severity. */
export function describeThreshold(data: MetricAlertPayload, severity: Severity): string | undefined {
  const rule = data.metric_alert?.alert_rule;
  const trigger = rule?.triggers?.find((t) => t.label === severity);
  if (!rule || trigger?.alert_threshold === undefined || trigger.alert_threshold === null) return undefined;
  const direction = rule.threshold_type === 1 ? 'below' : 'above';
  const window = rule.time_window ? ` in ${rule.time_window} min` : '';
  return `${rule.aggregate ?? 'value'} ${direction} ${trigger.alert_threshold}${window}`;
}

export function renderIncidentIssue(
  data: MetricAlertPayload,
  severity: Severity,
  opts: { scrub: Scrub; labels: readonly string[] },
): { title: string; body: string; labels: string[] } {
  const incident = readIncident(data);
  if (!incident) throw new Error('metric_alert webhook without metric_alert.id and alert_rule.id: cannot render');
  const threshold = describeThreshold(data, severity);
  const name = clean(incident.ruleName, opts.scrub, 200);
  // A title is plain text: scrubbed and cut, not escaped (GitHub shows a title's backslashes).
  const plainName = opts.scrub(truncate(incident.ruleName.replace(/\s+/g, ' '), 150));
  const title = truncate(
    `[${severity}] ${plainName}${threshold ? `: ${opts.scrub(truncate(threshold, 100))}` : ''}`,
    200,
  );
  const measured = data.description_text ? clean(data.description_text, opts.scrub) : undefined;
  const rule = data.metric_alert?.alert_rule;
  const lines = [
    `**${severity === 'critical' ? ':red_circle: Critical' : ':warning: Warning'}** — Sentry metric alert **${name}**`,
    '',
    `- **Threshold:** ${threshold ? clean(threshold, opts.scrub, 300) : 'n/a'}`,
    `- **Measured:** ${measured ?? 'n/a'}`,
    `- **Started:** ${incident.startedAt ? escapeText(truncate(incident.startedAt, 40)) : 'n/a'}`,
    ...(rule?.query ? [`- **Query:** ${inlineCode(opts.scrub(truncate(rule.query, 2_000)))}`] : []),
    ...(incident.projects.length
      ? [`- **Projects:** ${incident.projects.map((p) => escapeText(truncate(p, 100))).join(', ')}`]
      : []),
    ...(incident.webUrl ? [`- **Chart:** ${link('open the incident in Sentry', incident.webUrl)}`] : []),
    '',
    incidentMarker(incident.key),
  ];
  return { title, body: lines.join('\n'), labels: [...opts.labels, severityLabel(severity)] };
}

/** "41 minutes", "2 hours 5 minutes", from the incident's start and close. */
export function formatDuration(fromIso: string | undefined, toIso: string | undefined): string | undefined {
  const ms = Date.parse(toIso ?? '') - Date.parse(fromIso ?? '');
  if (!Number.isFinite(ms) || ms < 0) return undefined;
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  return [h ? part(h, 'hour') : '', m ? part(m, 'minute') : ''].filter(Boolean).join(' ');
}

/** `key` lets a retried job find this comment instead of writing it twice. */
export function renderIncidentResolvedComment(data: MetricAlertPayload, scrub: Scrub, key?: string): string {
  const incident = readIncident(data);
  const duration = formatDuration(incident?.startedAt, incident?.closedAt);
  const measured = data.description_text ? ` Last measured: ${clean(data.description_text, scrub)}.` : '';
  return `Resolved in Sentry${duration ? ` after ${duration}` : ''}.${measured}\n\n${syncCommentMarker(key)}`;
}

/** The webhook action as a severity; undefined for `resolved` and anything else. */
export function severityOf(action: string): Severity | undefined {
  return action === 'critical' || action === 'warning' ? action : undefined;
}
