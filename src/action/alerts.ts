/**
 * `steps: alerts` in the action: the alert rules of `.github/faultline.yml`, planned on pull requests (job summary
 * and one sticky comment on the pull request) and applied on pushes to the default branch. run.ts loads this module
 * only when the step is named, so a release run never loads the alerts code. No @actions/* here: run.ts hands in
 * the runner's I/O.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  type AlertsClient,
  type AlertsConfig,
  type AlertsPlan,
  type AppliedRule,
  applyAlertsPlan,
  hasChanges,
  parseAlertsConfig,
  planAlertRules,
  renderApplied,
  renderPlanMarkdown,
  renderPlanText,
} from '../alerts/index.ts';
import { SentryClient } from '../sentry/index.ts';
import { type OctokitRequest, upsertStickyComment } from './sticky-comment.ts';

/** What the event asks of the step: apply on the default branch, plan anywhere else. */
export type AlertsMode =
  { kind: 'apply'; branch: string } | { kind: 'plan'; pullRequest: number | undefined; reason: string };

/** The parts of the webhook payload (GITHUB_EVENT_PATH) the step reads. */
export interface EventPayload {
  pull_request?: { number?: unknown };
  repository?: { default_branch?: unknown };
}

export function alertsMode(eventName: string, ref: string, event: EventPayload): AlertsMode {
  if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    const number = Number(event.pull_request?.number);
    return {
      kind: 'plan',
      pullRequest: Number.isInteger(number) && number > 0 ? number : undefined,
      reason: `pull request${Number.isInteger(number) ? ` #${number}` : ''}: planned, applied when merged`,
    };
  }
  const defaultBranch = typeof event.repository?.default_branch === 'string' ? event.repository.default_branch : '';
  if (eventName === 'push' && defaultBranch && ref === `refs/heads/${defaultBranch}`) {
    return { kind: 'apply', branch: defaultBranch };
  }
  const where =
    eventName === 'push'
      ? `a push to ${ref.replace(/^refs\/(heads|tags)\//, '') || 'an unknown ref'}`
      : `a ${eventName} event`;
  const target = defaultBranch ? `the default branch ${defaultBranch}` : 'the default branch';
  return {
    kind: 'plan',
    pullRequest: undefined,
    reason: `${where}: planned only (rules are applied on pushes to ${target})`,
  };
}

/** The hidden line that finds the step's own comment on a pull request, so one comment is edited in place. */
export const PLAN_COMMENT_MARKER = '<!-- faultline:alerts-plan -->';

export function renderPlanComment(plan: AlertsPlan, sha: string): string {
  const footer = hasChanges(plan)
    ? `faultline applies these changes when this pull request is merged (planned at ${sha.slice(0, 7)}).`
    : `Nothing to change in Sentry (planned at ${sha.slice(0, 7)}).`;
  return `${PLAN_COMMENT_MARKER}\n${renderPlanMarkdown(plan)}\n\n<sub>${footer}</sub>\n`;
}

export function renderAppliedMarkdown(plan: AlertsPlan, applied: AppliedRule[]): string {
  const count = (action: AppliedRule['action']) => applied.filter((r) => r.action === action).length;
  return (
    `${renderPlanMarkdown(plan)}\n\n**Applied:** ${count('created')} created, ${count('updated')} updated, ` +
    `${count('deleted')} deleted\n`
  );
}

/** The action's outputs, as strings: what apply did (all 0 when the step only planned). */
export function alertsOutputs(
  applied: AppliedRule[],
): Record<'alerts_created' | 'alerts_updated' | 'alerts_deleted', string> {
  const count = (action: AppliedRule['action']) => String(applied.filter((r) => r.action === action).length);
  return { alerts_created: count('created'), alerts_updated: count('updated'), alerts_deleted: count('deleted') };
}

export class AlertsStepError extends Error {
  override name = 'AlertsStepError';
}

/** The config file, parsed; a missing file names the path. */
export async function readAlertsConfig(path: string, shownAs: string): Promise<AlertsConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new AlertsStepError(
      `cannot read ${shownAs}: add it to the repository and check it out before this step (actions/checkout), or set working_directory to the folder that holds .github/`,
    );
  }
  return parseAlertsConfig(text, shownAs);
}

/** `.github/faultline.yml` under `working_directory`. */
export function alertsConfigPath(workspace: string, workingDirectory: string | undefined) {
  const shownAs = '.github/faultline.yml';
  return { path: resolve(workspace, workingDirectory?.trim() || '.', shownAs), shownAs };
}

/** The webhook payload the runner saved; an unreadable one reads as empty (the step then only plans). */
export async function readEventPayload(path: string | undefined): Promise<EventPayload> {
  if (!path) return {};
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as EventPayload) : {};
  } catch {
    return {};
  }
}

export interface SentryInputs {
  url: string | undefined;
  org: string | undefined;
  token: string | undefined;
}

/** A Sentry client of the config's organization; the `org` input (or SENTRY_ORG), when given, must agree with it. */
export function alertsSentryClient(
  inputs: SentryInputs,
  env: NodeJS.ProcessEnv,
  config: AlertsConfig,
  userAgent: string,
): SentryClient {
  const pick = (input: string | undefined, name: string) => input?.trim() || env[name]?.trim() || undefined;
  const org = pick(inputs.org, 'SENTRY_ORG');
  if (org && org !== config.org) {
    throw new AlertsStepError(
      `the org input (or SENTRY_ORG) is "${org}" but the config says sentry.org: ${config.org}: make them agree`,
    );
  }
  const token = pick(inputs.token, 'SENTRY_AUTH_TOKEN');
  if (!token) {
    throw new AlertsStepError(
      'no Sentry auth token: set the auth_token input (or SENTRY_AUTH_TOKEN) to a token with alerts:write, org:read and project:read',
    );
  }
  const url = pick(inputs.url, 'SENTRY_URL');
  return new SentryClient({ token, org: config.org, userAgent, ...(url ? { url } : {}) });
}

export interface AlertsStepDeps {
  /** A Sentry client of the config's organization. */
  client: (config: AlertsConfig) => AlertsClient;
  /** GitHub, when a token is given: the sticky comment is written through it. */
  github: { request: OctokitRequest; repository: string } | undefined;
  log(line: string): void;
  warn(line: string): void;
  summary(markdown: string): Promise<void>;
}

export interface AlertsStepResult {
  plan: AlertsPlan;
  applied: AppliedRule[];
  comment?: { action: 'created' | 'updated'; id: number };
}

export async function runAlertsStep(
  opts: { config: AlertsConfig; mode: AlertsMode; sha: string },
  deps: AlertsStepDeps,
): Promise<AlertsStepResult> {
  const client = deps.client(opts.config);
  const plan = await planAlertRules(client, opts.config);
  deps.log(renderPlanText(plan));
  if (opts.mode.kind === 'apply') {
    const applied = await applyAlertsPlan(client, plan);
    deps.log('');
    deps.log(renderApplied(plan.org, applied));
    await deps.summary(renderAppliedMarkdown(plan, applied));
    return { plan, applied };
  }
  deps.log('');
  deps.log(opts.mode.reason);
  await deps.summary(renderPlanMarkdown(plan));
  const comment = await commentOnPullRequest(plan, opts.mode.pullRequest, opts.sha, deps);
  return { plan, applied: [], ...(comment ? { comment } : {}) };
}

/** The sticky comment; a token that may not write (a fork's pull request, read-only permissions) only warns. */
async function commentOnPullRequest(
  plan: AlertsPlan,
  pullRequest: number | undefined,
  sha: string,
  deps: AlertsStepDeps,
): Promise<AlertsStepResult['comment']> {
  if (pullRequest === undefined) return undefined;
  if (!deps.github) {
    deps.log('no github_token: the plan is in the job summary only');
    return undefined;
  }
  try {
    const comment = await upsertStickyComment(
      deps.github.request,
      deps.github.repository,
      pullRequest,
      PLAN_COMMENT_MARKER,
      renderPlanComment(plan, sha),
    );
    deps.log(`plan ${comment.action === 'created' ? 'posted' : 'updated'} on pull request #${pullRequest}`);
    return comment;
  } catch (error) {
    if ((error as { status?: unknown }).status !== 403) throw error;
    deps.warn(
      `github_token may not comment on pull request #${pullRequest} (403): the plan is in the job summary; give the ` +
        'job `permissions: pull-requests: write` to get it as a comment',
    );
    return undefined;
  }
}
