// The doctor's alert rule checks, when a repository config is given (--config) or found (.github/faultline.yml):
// does an issue alert rule of each configured project notify faultline (without one Sentry sends faultline
// nothing, the first "nothing happens"), and does Sentry hold what the config says (drift)?
import {
  ACTION,
  type AlertsClient,
  type AlertsConfig,
  faultlineInstallation,
  hasChanges,
  parseAlertsConfig,
  planAlertRules,
  readCurrentRules,
  summarizePlan,
} from '../alerts/index.ts';
import type { IssueAlertRule, SentryAppInstallation } from '../sentry/index.ts';
import { SentryClient } from '../sentry/index.ts';
import { DEFAULT_CONFIG, type FoundConfig } from './repo-config.ts';
import type { DoctorSettings } from './settings.ts';
import { type CheckResult, fail, pass, skip } from './types.ts';

const G = 'sentry' as const;

export const ALERTS_CHECK_NAMES = { config: 'alert rules config', drift: 'alert rules match the config' } as const;
export const notifiesName = (project: string) => `alerts of ${project} reach faultline`;

/** Whether an issue rule's actions reach the faultline installation (the service action or the sentry-app one). */
export function notifiesFaultline(rule: IssueAlertRule, installation: SentryAppInstallation): boolean {
  return (rule.actions ?? []).some(
    (a) =>
      (a.id === ACTION.service && a.service === installation.app.slug) ||
      (a.id === ACTION.sentryApp && a.sentryAppInstallationUuid === installation.uuid),
  );
}

export function judgeNotifies(
  project: string,
  installation: SentryAppInstallation,
  rules: IssueAlertRule[],
): CheckResult {
  const name = notifiesName(project);
  const reaching = rules.filter((r) => notifiesFaultline(r, installation));
  if (reaching.length > 0) {
    const names = reaching.map((r) => `"${r.name}"`).slice(0, 3);
    return pass(G, name, `${names.join(', ')}${reaching.length > 3 ? ` and ${reaching.length - 3} more` : ''}`);
  }
  return fail(
    G,
    name,
    `no issue alert rule of ${project} notifies ${installation.app.slug} (${rules.length} rule(s) in the project): ` +
      'Sentry sends faultline no alerts, so no GitHub issue is opened',
    `add a rule with \`notify: [faultline]\` under alerts.issue in ${DEFAULT_CONFIG} (e.g. \`when: [new-issue]\`) ` +
      'and run `faultline alerts apply`; or subscribe the integration to issue webhooks in Sentry',
  );
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Any failure of a Sentry call, with the scopes the alert checks need. */
const callFailed = (name: string, error: unknown): CheckResult =>
  fail(
    G,
    name,
    message(error).split('\n')[0] ?? 'the call failed',
    'the token needs alerts:read, org:read and project:read (alerts:write to apply); see the checks above',
  );

/** The config's `sentry` section, to fill SENTRY_ORG / SENTRY_PROJECT when they are not set; undefined if invalid. */
export function configSentry(found: FoundConfig): { org: string; projects: string[] } | undefined {
  if ('error' in found) return undefined;
  try {
    const config = parseAlertsConfig(found.text, found.shownAs);
    return { org: config.org, projects: config.projects };
  } catch {
    return undefined;
  }
}

/** A Sentry client of the config's organization that gives up quickly, as the doctor's probe does. */
export function doctorAlertsClient(settings: DoctorSettings['sentry'], timeoutMs: number) {
  return (config: AlertsConfig): AlertsClient =>
    new SentryClient({
      url: settings.url,
      token: settings.token ?? '',
      org: config.org,
      maxAttempts: 2,
      retryBaseMs: 200,
      timeoutMs,
      userAgent: 'faultline-doctor',
    });
}

export async function runAlertsChecks(
  found: FoundConfig,
  org: string | undefined,
  /** Undefined when the Sentry checks above failed: the checks that call Sentry are skipped. */
  client: ((config: AlertsConfig) => AlertsClient) | undefined,
): Promise<CheckResult[]> {
  if ('error' in found) {
    return [fail(G, ALERTS_CHECK_NAMES.config, found.error, 'pass --config with the path of the repository config')];
  }
  let config: AlertsConfig;
  try {
    config = parseAlertsConfig(found.text, found.shownAs);
  } catch (error) {
    return [fail(G, ALERTS_CHECK_NAMES.config, message(error), `fix ${found.shownAs} at the key named`)];
  }
  if (org && org !== config.org) {
    return [
      fail(
        G,
        ALERTS_CHECK_NAMES.config,
        `SENTRY_ORG is "${org}" but ${found.shownAs} says sentry.org: ${config.org}`,
        'make them agree (or leave SENTRY_ORG unset: the config names the organization)',
      ),
    ];
  }
  const results: CheckResult[] = [
    pass(
      G,
      ALERTS_CHECK_NAMES.config,
      `${found.shownAs}: org ${config.org}, projects ${config.projects.join(', ')}, ` +
        `${config.issue.length} issue and ${config.metric.length} metric rule(s)`,
    ),
  ];
  if (!client) {
    const skipped = [...config.projects.map(notifiesName), ALERTS_CHECK_NAMES.drift];
    return [...results, ...skipped.map((name) => skip(G, name, 'the Sentry connection above is not usable'))];
  }
  const sentry = client(config);
  results.push(...(await checkNotifies(sentry, config)));
  results.push(await checkDrift(sentry, config, found.shownAs));
  return results;
}

async function checkNotifies(client: AlertsClient, config: AlertsConfig): Promise<CheckResult[]> {
  const names = config.projects.map(notifiesName);
  let installation: SentryAppInstallation;
  try {
    const installations = await client.listSentryAppInstallations();
    const directory = { installations, integrations: [], metricActions: [], teams: [], members: [] };
    installation = faultlineInstallation(directory, config.integration);
  } catch (error) {
    return names.map((name) =>
      fail(G, name, message(error), 'install the faultline integration in Sentry (Settings → Integrations)'),
    );
  }
  try {
    const current = await readCurrentRules(client, { ...config, issue: [], metric: [] });
    return config.projects.map((project) =>
      judgeNotifies(
        project,
        installation,
        current.issue.filter((r) => r.project === project),
      ),
    );
  } catch (error) {
    return names.map((name) => callFailed(name, error));
  }
}

async function checkDrift(client: AlertsClient, config: AlertsConfig, shownAs: string): Promise<CheckResult> {
  const name = ALERTS_CHECK_NAMES.drift;
  if (config.issue.length === 0 && config.metric.length === 0) {
    return skip(G, name, `${shownAs} declares no alert rules (alerts.issue, alerts.metric)`);
  }
  try {
    const plan = await planAlertRules(client, config);
    if (!hasChanges(plan)) return pass(G, name, `Sentry holds the rules of ${shownAs} (${summarizePlan(plan)})`);
    return fail(
      G,
      name,
      `Sentry differs from ${shownAs}: ${summarizePlan(plan)}`,
      `run \`faultline alerts plan --config ${shownAs}\` to see the changes and \`faultline alerts apply\` to make them (or merge to the default branch with the action's \`steps: alerts\`)`,
    );
  } catch (error) {
    if (error instanceof Error && /^Alerts(Plan|Config)Error$/.test(error.name)) {
      return fail(G, name, message(error), `fix ${shownAs} at the key named`);
    }
    return callFailed(name, error);
  }
}
