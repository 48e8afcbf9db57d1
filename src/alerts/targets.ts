/**
 * Who a rule notifies, resolved against what the organization has: the faultline integration's installation,
 * other installed integrations by name, teams by slug, members by e-mail or id. The user never copies an id. Pure.
 */
import type {
  AvailableMetricAction,
  MetricAlertAction,
  OrganizationIntegration,
  OrganizationMember,
  RuleNode,
  SentryAppInstallation,
  Team,
} from '../sentry/alert-rule-types.ts';
import type { NotifyTarget } from './config.ts';
import { ACTION } from './vocabulary.ts';

/** What the organization has that a rule can notify; `metricActions` only when a metric rule needs it. */
export interface NotifyDirectory {
  installations: SentryAppInstallation[];
  metricActions: AvailableMetricAction[];
  integrations: OrganizationIntegration[];
  teams: Team[];
  members: OrganizationMember[];
}

export const EMPTY_DIRECTORY: NotifyDirectory = {
  installations: [],
  metricActions: [],
  integrations: [],
  teams: [],
  members: [],
};

/** A problem found while planning, at a key path of the config. */
export interface PlanProblem {
  path: string;
  message: string;
}

/** The plan cannot be made: each problem names the config key and what to do. */
export class AlertsPlanError extends Error {
  override name = 'AlertsPlanError';
  readonly problems: PlanProblem[];

  constructor(problems: PlanProblem[]) {
    super(
      problems.length === 1
        ? `${problems[0]!.path}: ${problems[0]!.message}`
        : `the alert rules cannot be planned:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`,
    );
    this.problems = problems;
  }
}

class TargetProblem extends Error {}

/** The faultline app's slug: `faultline`, or an internal integration's `faultline-<suffix>`. */
const FAULTLINE_SLUG = /^faultline(-[a-z0-9]+)?$/;

export function faultlineInstallation(dir: NotifyDirectory, slug?: string): SentryAppInstallation {
  const installed = dir.installations.filter((i) => i.status !== 'pending');
  const candidates = installed.filter((i) => (slug ? i.app.slug === slug : FAULTLINE_SLUG.test(i.app.slug)));
  if (candidates.length === 1) return candidates[0]!;
  const names = installed.map((i) => i.app.slug).join(', ') || 'none';
  if (candidates.length === 0) {
    throw new TargetProblem(
      slug
        ? `alerts.integration names "${slug}", which is not installed in this organization (installed: ${names})`
        : `the faultline integration is not installed in this organization (installed: ${names}): install it, ` +
            'or set alerts.integration to its slug',
    );
  }
  throw new TargetProblem(
    `several integrations look like faultline (${candidates.map((c) => c.app.slug).join(', ')}): ` +
      'set alerts.integration to the one to notify',
  );
}

function installationNamed(dir: NotifyDirectory, name: string): SentryAppInstallation {
  const wanted = name.toLowerCase();
  const match = dir.installations.find((i) => i.app.slug.toLowerCase() === wanted && i.status !== 'pending');
  if (match) return match;
  const other = dir.integrations.find((i) => i.name.toLowerCase() === wanted || i.provider.key === wanted);
  if (other) {
    throw new TargetProblem(
      `"${name}" is a ${other.provider.name ?? other.provider.key} integration, which needs settings of its own ` +
        '(a channel, a service): faultline notifies integration-platform apps by name; add that action in Sentry ' +
        'to a rule made by hand',
    );
  }
  const known = [...dir.installations.map((i) => i.app.slug), ...dir.integrations.map((i) => i.name)];
  throw new TargetProblem(
    `no installed integration is named "${name}" (installed: ${known.join(', ') || 'none'}): install it in Sentry ` +
      'or fix the name',
  );
}

function teamId(dir: NotifyDirectory, slug: string): string {
  const team = dir.teams.find((t) => t.slug === slug);
  if (!team) {
    throw new TargetProblem(
      `no team "${slug}" in this organization (teams: ${dir.teams.map((t) => t.slug).join(', ') || 'none'})`,
    );
  }
  return String(team.id);
}

/** Sentry's e-mail actions name a member by user id. */
function memberUserId(dir: NotifyDirectory, who: string): string {
  const wanted = who.toLowerCase();
  const member = dir.members.find(
    (m) =>
      m.email?.toLowerCase() === wanted ||
      m.user?.email?.toLowerCase() === wanted ||
      String(m.user?.id) === who ||
      String(m.id) === who,
  );
  if (!member?.user) {
    throw new TargetProblem(`no member "${who}" in this organization: give a member's e-mail or user id`);
  }
  return String(member.user.id);
}

function appAction(installation: SentryAppInstallation): RuleNode {
  return { id: ACTION.service, service: installation.app.slug };
}

function issueAction(target: NotifyTarget, dir: NotifyDirectory, slug?: string): RuleNode {
  const email = (targetType: string, targetIdentifier?: number) => ({
    id: ACTION.email,
    targetType,
    ...(targetIdentifier === undefined ? {} : { targetIdentifier }),
    fallthroughType: 'ActiveMembers',
  });
  switch (target.kind) {
    case 'faultline':
      return appAction(faultlineInstallation(dir, slug));
    case 'integration':
      return appAction(installationNamed(dir, target.name));
    case 'email-owners':
      return email('IssueOwners');
    case 'email-team':
      return email('Team', Number(teamId(dir, target.team)));
    case 'email-member':
      return email('Member', Number(memberUserId(dir, target.member)));
  }
}

function metricAppAction(dir: NotifyDirectory, installation: SentryAppInstallation): MetricAlertAction {
  const offered = dir.metricActions.find(
    (a) => a.type === 'sentry_app' && a.sentryAppInstallationUuid === installation.uuid,
  );
  if (offered?.sentryAppId === undefined) {
    throw new TargetProblem(
      `Sentry does not offer "${installation.app.slug}" as a metric alert action: turn on "Alert Rule Action" in ` +
        "the integration's settings",
    );
  }
  return {
    type: 'sentry_app',
    targetType: 'sentry_app',
    targetIdentifier: String(offered.sentryAppId),
    sentryAppId: Number(offered.sentryAppId),
    sentryAppInstallationUuid: installation.uuid,
  };
}

function metricAction(target: NotifyTarget, dir: NotifyDirectory, slug?: string): MetricAlertAction {
  switch (target.kind) {
    case 'faultline':
      return metricAppAction(dir, faultlineInstallation(dir, slug));
    case 'integration':
      return metricAppAction(dir, installationNamed(dir, target.name));
    case 'email-team':
      return { type: 'email', targetType: 'team', targetIdentifier: teamId(dir, target.team) };
    case 'email-member':
      return { type: 'email', targetType: 'user', targetIdentifier: memberUserId(dir, target.member) };
    case 'email-owners':
      throw new TargetProblem('metric alerts have no issue owners: use email:team:<slug> or email:member:<e-mail>');
  }
}

/**
 * Resolves every notify entry of one rule; problems are collected with their key paths
 * (`alerts.issue[2].notify[1]`) instead of stopping at the first.
 */
export function resolveActions<T>(
  kind: 'issue' | 'metric',
  notify: NotifyTarget[],
  path: string,
  dir: NotifyDirectory,
  problems: PlanProblem[],
  slug?: string,
): T[] {
  const out: T[] = [];
  notify.forEach((target, i) => {
    try {
      out.push((kind === 'issue' ? issueAction(target, dir, slug) : metricAction(target, dir, slug)) as T);
    } catch (error) {
      if (!(error instanceof TargetProblem)) throw error;
      problems.push({ path: `${path}.notify[${i}]`, message: error.message });
    }
  });
  return out;
}

/** Which lookups the config's notify entries need, so a plan asks Sentry only for those. */
export function directoryNeeds(targets: Array<{ kind: 'issue' | 'metric'; notify: NotifyTarget[] }>) {
  const all = targets.flatMap((t) => t.notify.map((n) => ({ kind: t.kind, target: n })));
  const app = (n: NotifyTarget) => n.kind === 'faultline' || n.kind === 'integration';
  return {
    installations: all.some(({ target }) => app(target)),
    integrations: all.some(({ target }) => target.kind === 'integration'),
    metricActions: all.some(({ kind, target }) => kind === 'metric' && app(target)),
    teams: all.some(({ target }) => target.kind === 'email-team'),
    members: all.some(({ target }) => target.kind === 'email-member'),
  };
}
