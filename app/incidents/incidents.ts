// `metric_alert.critical|warning|resolved` → one GitHub issue per alert-rule incident in each repository whose
// config routes that rule (and names the installation's Sentry org): opened, escalated in place, closed on resolve.
import type { SentryWebhook } from '../intake/schema.ts';
import { incidentMarker } from '../services/markers.ts';
import { ClaimBusyError, claimOnce } from '../sync/claims.ts';
import { scrubFor, settingsFor } from '../sync/context.ts';
import { setIssueState } from '../sync/issue-state.ts';
import type { RecordedWrites } from '../sync/recorded-writes.ts';
import type { SentryHandler } from '../sync/sentry-to-github.ts';
import { type GitHub, splitRepo, type SyncServices } from '../sync/services.ts';
import { routesAlertRule, type SyncSettings } from '../sync/sync-config.ts';
import type { Scrub } from '../scrub/index.ts';
import {
  type Incident,
  type MetricAlertPayload,
  readIncident,
  renderIncidentIssue,
  renderIncidentResolvedComment,
  severityLabel,
  severityOf,
  type Severity,
} from './metric-alerts.ts';

const INCIDENT_MARK = 'sync-incident';

interface IncidentRecord {
  number: number;
  severity: Severity;
}

const readRecord = (value: string | null | undefined): IncidentRecord | undefined =>
  value?.startsWith('{') ? (JSON.parse(value) as IncidentRecord) : undefined;

export function incidentHandler(services: SyncServices, writes: RecordedWrites): SentryHandler {
  return async (webhook, ctx) => {
    const data = webhook.data as MetricAlertPayload;
    const incident = readIncident(data);
    if (!incident) return;
    for (const route of await routedRepos(services, webhook, incident)) {
      await syncIncident(services, writes, webhook, data, incident, route, ctx.job.id);
    }
  };
}

interface Route {
  repo: string;
  github: GitHub;
  settings: SyncSettings;
  scrub: Scrub;
}

/** Repositories whose config routes this alert rule and names the webhook's Sentry org (never another tenant's). */
async function routedRepos(services: SyncServices, webhook: SentryWebhook, incident: Incident): Promise<Route[]> {
  const installation = await services.store.getInstallation(webhook.installation.uuid);
  const org = installation?.orgSlug ?? (await services.sentryFor(webhook.installation.uuid)).org;
  const routes: Route[] = [];
  for (const repo of await services.listRepos()) {
    const github = await services.githubForRepo(repo);
    if (!github) continue;
    const settings = await settingsFor(services, github, repo);
    if (!settings || !routesAlertRule(settings, { id: incident.ruleId, name: incident.ruleName })) continue;
    if (settings.sentryOrg !== org) {
      services.log.warn(
        { repo, org },
        'sync: metric alert routed to a repo whose config names another Sentry org; dropped',
      );
      continue;
    }
    routes.push({ repo, github, settings, scrub: scrubFor(services, settings) });
  }
  return routes;
}

async function syncIncident(
  services: SyncServices,
  writes: RecordedWrites,
  webhook: SentryWebhook,
  data: MetricAlertPayload,
  incident: Incident,
  route: Route,
  claimant: number,
): Promise<void> {
  const { owner, repo: name } = splitRepo(route.repo);
  const gh = route.github;
  const key = `${route.repo}:${incident.key}`;
  const severity = severityOf(webhook.action);
  const existing = await services.store.getMark(INCIDENT_MARK, key);
  let record = readRecord(existing?.value);

  if (!severity) {
    if (webhook.action !== 'resolved' || !record) return;
    const commentKey = `incident=${incident.key}@resolved`;
    await setIssueState(
      { github: gh, repo: route.repo, owner, name, number: record.number },
      {
        state: 'closed',
        stateReason: 'completed',
        key: commentKey,
        comment: () => renderIncidentResolvedComment(data, route.scrub, commentKey),
      },
      writes,
    );
    return;
  }

  const rendered = renderIncidentIssue(data, severity, {
    scrub: route.scrub,
    labels: route.settings.metricAlerts.labels,
  });
  if (!record) {
    const claim = await claimOnce(
      services.store,
      { kind: INCIDENT_MARK, key, repo: route.repo },
      claimant,
      services.now(),
    );
    if (claim.state === 'busy')
      throw new ClaimBusyError(`the issue for incident ${key} is being created by another job`);
    record =
      claim.state === 'done'
        ? readRecord(claim.value)
        : claim.fresh
          ? undefined
          : await recover(gh, route.repo, incident); // an earlier attempt of this job may have created it
    if (!record) {
      const created = await gh.rest.issues.create({ owner, repo: name, ...rendered });
      await services.store.setMarkValue(INCIDENT_MARK, key, JSON.stringify({ number: created.data.number, severity }));
      return;
    }
  }
  if (severity === 'warning' && record.severity === 'critical') {
    // Each webhook is its own task in Sentry, so a warning sent before the critical can arrive after it: the issue
    // keeps the peak severity of the incident until it is resolved.
    services.log.info({ incident: key }, 'incidents: a warning after the critical; the issue stays critical');
    return;
  }
  // Escalation (or a change of the measured value): edit the same issue; only our severity label changes.
  await gh.rest.issues.update({
    owner,
    repo: name,
    issue_number: record.number,
    title: rendered.title,
    body: rendered.body,
  });
  if (record.severity !== severity) {
    try {
      await gh.rest.issues.removeLabel({
        owner,
        repo: name,
        issue_number: record.number,
        name: severityLabel(record.severity),
      });
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error;
    }
    await gh.rest.issues.addLabels({
      owner,
      repo: name,
      issue_number: record.number,
      labels: [severityLabel(severity)],
    });
  }
  await services.store.setMarkValue(INCIDENT_MARK, key, JSON.stringify({ number: record.number, severity }));
}

/** After a crash between creating the issue and storing its number: find it by its marker. */
async function recover(gh: GitHub, repo: string, incident: Incident): Promise<IncidentRecord | undefined> {
  const found = await gh.rest.search.issuesAndPullRequests({
    q: `repo:${repo} is:issue in:body "${incidentMarker(incident.key).replace(/"/g, '')}"`,
  });
  const issue = found.data.items.find((i) => i.body?.includes(incidentMarker(incident.key)));
  if (!issue) return undefined;
  const severity = issue.labels.some((l) => (typeof l === 'string' ? l : l.name) === severityLabel('critical'))
    ? 'critical'
    : 'warning';
  return { number: issue.number, severity };
}
