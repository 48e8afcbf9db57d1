// From a Sentry alert to one GitHub issue: route (trust), judge (noise), claim the link, recover or create the issue,
// keep its status line current, link back in Sentry. Every step is idempotent: a job may run again at any point.
import type { Release, SentryEvent, SentryIssue } from '../../src/sentry/index.ts';
import type { SentryWebhookContext, SentryWebhookHandler } from '../intake/sentry-webhook-job.ts';
import type { Log } from '../log.ts';
import { findIssueMarker } from '../services/markers.ts';
import type { Link, Store } from '../store/index.ts';
import { type Alert, readAlert } from './alert.ts';
import { UnknownInstallationError } from '../services/sentry.ts';
import type { RepoConfig as TriageConfig } from '../services/repo-config.ts';
import type { RepoDirectory } from './directory.ts';
import { boundEvent, normalizeEvent, SCRUB_MARGIN, type TriageEvent } from './event.ts';
import type { IssueSummary, RepoApi, RepoInfo } from './github.ts';
import { ownersFor } from './owners.ts';
import { mapFrames } from './paths.ts';
import { resolveReleaseCommit } from './release.ts';
import {
  CONTEXT_LINES,
  type IssueView,
  renderIssueBody,
  renderIssueTitle,
  renderMinimalIssueBody,
  renderRateLimitIssue,
  renderReleaseComment,
  renderStatusLine,
  replaceStatusLine,
  type SentryIssueFacts,
  type ShownFrame,
  type SuspectCommit,
  TOP_FRAMES,
} from './render.ts';
import { judgeAlert, labelsFor } from './rules.ts';
import { createScrubber } from '../scrub/index.ts';
import { truncate } from '../services/markdown.ts';

/** The Sentry calls triage makes for one installation (its org among them). */
export interface SentryApi {
  readonly org: string;
  getIssue(issueId: string): Promise<SentryIssue>;
  getLatestEvent(issueId: string): Promise<SentryEvent>;
  getRelease(version: string): Promise<Release | undefined>;
  previousReleaseWithCommits(
    version: string,
    project?: string,
  ): Promise<{ lastCommit?: { id: string } | null } | undefined>;
  createExternalIssue(
    installationUuid: string,
    body: { issueId: number | string; webUrl: string; project: string; identifier: string },
  ): Promise<{ id: string }>;
}

export interface TriageDeps {
  store: Store;
  log: Log;
  now(): number;
  directory: RepoDirectory;
  /** The installation's API, for its org (from our installation record); throws `UnknownInstallationError`. */
  sentryFor(installationUuid: string): Promise<SentryApi>;
  sentryIssueUrl(org: string, issueId: string): string;
  /** How long a duplicate waits in-process for the first job to finish creating the issue (default 10 s). */
  waitForLinkMs?: number;
  /** A pending link untouched this long is taken over: its creator died (default 2 min). */
  staleLinkMs?: number;
}

export const RELEASE_MARK = 'triage-release';
/** Set when an issue creation failed without an answer that proves nothing was opened (a timeout, a lost reply). */
export const UNCERTAIN_OPEN_MARK = 'triage-open-uncertain';
export const ISSUE_SLOT_MARK = 'triage-issue-slot';
export const RATE_SUMMARY_MARK = 'triage-rate-summary';
export const EXTERNAL_LINK_MARK = 'triage-external-link';
/** `github_issue_number` of a link whose GitHub issue is being created. */
export const PENDING = 0;

/** Thrown when another worker is creating the issue: retried after a short wait, not a failure. */
export class LinkPendingError extends Error {
  override name = 'LinkPendingError';
  readonly retryAfterMs = 2_000;
}

interface Work {
  alert: Alert;
  installationUuid: string;
  org: string;
  api: SentryApi;
  repo: RepoApi;
  config: TriageConfig;
  facts: SentryIssueFacts;
  /** The scrubbed event. */
  event: TriageEvent;
  log: Log;
}

export function triageHandler(deps: TriageDeps): SentryWebhookHandler {
  return async (webhook, ctx) => {
    const alert = readAlert(webhook, ctx.delivery.resource);
    if (!alert) return;
    const prepared = await prepareWork(deps, alert, webhook.installation.uuid, ctx.log);
    if (!prepared) return;
    const { work, unscrubbed } = prepared;
    const link = await deps.store.getLink(alert.sentryIssueId);
    if (link && link.githubIssueNumber !== PENDING) return retrigger(deps, work, link);
    if (!link && ruledOut(work, unscrubbed)) return;
    await createOrRecover(deps, work, ctx);
  };
}

/**
 * Everything an alert needs before GitHub is touched: the installation's API, the one repository whose own config
 * claims the alert's project, and the event and facts scrubbed and cut to what the issue shows. Undefined (logged)
 * when the alert goes nowhere.
 */
async function prepareWork(
  deps: TriageDeps,
  alert: Alert,
  installationUuid: string,
  log: Log,
): Promise<{ work: Work; unscrubbed: TriageEvent } | undefined> {
  const api = await sentryForAlert(deps, alert, installationUuid, log);
  if (!api) return undefined;
  const { org } = api;
  const issue = alert.issue ?? (await fetchIssue(api, alert.sentryIssueId, log));
  const project = projectSlug(issue) ?? alert.projectSlug;
  if (!project) {
    log.warn({ sentryIssueId: alert.sentryIssueId }, 'triage: cannot tell the Sentry project of this alert; dropped');
    return undefined;
  }
  const route = await routeAlert(deps, alert, installationUuid, org, project, log);
  if (!route) return undefined;
  const { repo, config } = route;
  if (!alertEnabled(config, alert)) return undefined;

  const scrubber = createScrubber(config.scrub);
  let raw: unknown = alert.event;
  if (!raw || normalizeEvent(raw).frames.length === 0) {
    raw = (await fetchLatestEvent(api, alert.sentryIssueId, log)) ?? raw;
  }
  const unscrubbed = normalizeEvent(raw);
  // Cut to what the issue shows before scrubbing: the scrubber's work and the body stay small.
  const event = boundEvent(scrubber.value(boundEvent(unscrubbed, SCRUB_MARGIN)));
  const webUrl = alert.webUrl ?? permalinkOf(issue) ?? deps.sentryIssueUrl(org, alert.sentryIssueId);
  const facts = scrubber.value(boundFacts(issueFacts(issue, alert, project, webUrl)));
  return { work: { alert, installationUuid, org, api, repo, config, facts, event, log }, unscrubbed };
}

/** The installation's Sentry API; undefined (logged) for an installation faultline has no record of. */
async function sentryForAlert(
  deps: TriageDeps,
  alert: Alert,
  installationUuid: string,
  log: Log,
): Promise<SentryApi | undefined> {
  try {
    return await deps.sentryFor(installationUuid);
  } catch (error) {
    if (!(error instanceof UnknownInstallationError)) throw error;
    log.warn(
      { installation: installationUuid, sentryIssueId: alert.sentryIssueId },
      'triage: alert from a Sentry installation faultline has no record of; dropped (reinstall the integration)',
    );
    return undefined;
  }
}

/** The repository whose own config names this org and project (the first by name when several do). */
async function routeAlert(
  deps: TriageDeps,
  alert: Alert,
  installationUuid: string,
  org: string,
  project: string,
  log: Log,
): Promise<{ repo: RepoApi; config: TriageConfig } | undefined> {
  const routes = await deps.directory.route(org, project);
  const route = routes[0];
  if (!route) {
    // Trust: no repository's own config names this org and project, so no repository is written to.
    log.info(
      { installation: installationUuid, org, project, sentryIssueId: alert.sentryIssueId },
      'triage: no repository config names this Sentry org and project; dropped',
    );
    return undefined;
  }
  if (routes.length > 1) {
    log.warn(
      { org, project, repos: routes.map((r) => r.repo.fullName), chosen: route.repo.fullName },
      'triage: several repositories claim this Sentry project; the first by name gets the issue',
    );
  }
  return route;
}

/** Whether the repository's noise rules keep this alert from opening an issue (logged when they do). */
function ruledOut(work: Work, unscrubbed: TriageEvent): boolean {
  const { alert, config, facts } = work;
  const verdict = judgeAlert(config, {
    org: work.org,
    project: facts.project,
    // Rules see the event as Sentry has it; only what is written to GitHub is scrubbed.
    level: unscrubbed.level ?? facts.level,
    environment: unscrubbed.environment,
    exceptionType: unscrubbed.exceptionType,
    message: unscrubbed.exceptionValue,
    culprit: unscrubbed.culprit ?? facts.culprit,
  });
  if (verdict.open) return false;
  work.log.info(
    { sentryIssueId: alert.sentryIssueId, repo: work.repo.fullName, reason: verdict.reason },
    'triage: ignored',
  );
  return true;
}

/** How far an attempt to open the issue got, for the clean-up when it fails. */
interface OpenProgress {
  /** The create request was sent: GitHub may hold the issue even without an answer. */
  sent: boolean;
  number?: number;
}

/** Claims the link (one worker wins), then finds the issue by its marker or creates it. */
async function createOrRecover(deps: TriageDeps, work: Work, ctx: SentryWebhookContext): Promise<void> {
  const { store } = deps;
  const id = work.alert.sentryIssueId;
  const claim = await claimLink(deps, work, ctx);
  if (claim.linked) return retrigger(deps, work, claim.linked);
  const progress: OpenProgress = { sent: false };
  try {
    // A crash between creating the issue and recording it leaves the marker as the only trace: look first, unless
    // nothing can have opened it yet.
    const search =
      mayHaveAnIssue(work.alert, claim.created, ctx.attempt) || (await store.getMark(UNCERTAIN_OPEN_MARK, id));
    const found = search ? await work.repo.findIssueBySentryId(id) : undefined;
    if (found) {
      progress.number = found.number;
      return await recordRecovered(deps, work, { ...claim.link, githubIssueNumber: found.number });
    }
    if (!(await takeIssueSlot(deps, work))) {
      await store.deleteLink(id);
      return;
    }
    await openIssue(deps, work, progress);
  } catch (error) {
    // Nothing recorded: give the claim back so the retry starts clean. If GitHub may have opened the issue anyway
    // (no answer that says otherwise), the next job searches for its marker, whatever its attempt.
    if (progress.number === undefined) {
      if (progress.sent && !provesNothingOpened(error)) {
        await store
          .putMarkOnce({ kind: UNCERTAIN_OPEN_MARK, key: id, repo: work.repo.fullName, value: null }, deps.now())
          .catch(() => {});
      }
      await store.deleteLink(id).catch(() => {});
    }
    throw error;
  }
}

/**
 * The link row for this Sentry issue, claimed for this worker (`created` when the row is new), or the finished
 * link another worker recorded meanwhile (`linked`). Throws `LinkPendingError` while another worker is creating.
 */
async function claimLink(
  deps: TriageDeps,
  work: Work,
  ctx: SentryWebhookContext,
): Promise<{ created: boolean; link: Link; linked?: Link }> {
  const { store } = deps;
  const id = work.alert.sentryIssueId;
  const claim = await store.linkIssue(
    {
      sentryIssueId: id,
      installationUuid: work.installationUuid,
      githubRepo: work.repo.fullName,
      githubIssueNumber: PENDING,
      externalIssueId: null,
    },
    deps.now(),
  );
  if (claim.created) return claim;
  if (claim.link.githubIssueNumber !== PENDING) return { ...claim, linked: claim.link };
  // A pending link nobody touched for long: its creator died. Else wait for the creator to finish.
  const takeOver = () => store.takeOverPendingLink(id, deps.now() - (deps.staleLinkMs ?? 120_000), deps.now());
  if (!(await takeOver())) {
    const done = await waitForLink(deps, id, ctx.signal);
    if (done) return { ...claim, linked: done };
    if (!(await takeOver())) {
      throw new LinkPendingError(
        `GitHub issue for Sentry issue ${id} is being created by another worker; will look again`,
      );
    }
  }
  work.log.warn({ sentryIssueId: id }, 'triage: took over a link whose creator stopped; looking for its issue');
  return claim;
}

/** Records the issue found by its marker as this Sentry issue's, then brings it up to date. */
async function recordRecovered(deps: TriageDeps, work: Work, link: Link): Promise<void> {
  const id = work.alert.sentryIssueId;
  const number = link.githubIssueNumber;
  await deps.store.setLinkIssueNumber(id, number, deps.now());
  await deps.store.deleteMark(UNCERTAIN_OPEN_MARK, id);
  work.log.info(
    { sentryIssueId: id, repo: work.repo.fullName, issue: number },
    'triage: recovered the issue by its marker',
  );
  await retrigger(deps, work, link);
}

/** Opens the GitHub issue, records it on the link, and links it back in Sentry. */
async function openIssue(deps: TriageDeps, work: Work, progress: OpenProgress): Promise<void> {
  const { store } = deps;
  const { alert, repo } = work;
  const id = alert.sentryIssueId;
  const info = await repo.info();
  const view = await buildView(work, info);
  const labels = labelsFor(work.config, {
    org: work.org,
    project: work.facts.project,
    level: work.event.level ?? work.facts.level,
    environment: work.event.environment,
  });
  // GitHub refuses an issue naming someone who cannot be assigned: keep only those it accepts.
  const fromOwners = work.config.assign.codeowners ? view.owners.assignees : [];
  const wanted = fromOwners.length > 0 ? fromOwners : work.config.assign.fallback;
  const assignees = await repo.assignable(wanted.map((l) => l.replace(/^@/, '')));
  progress.sent = true;
  const created = await createIssueOrMinimal(
    work,
    { title: renderIssueTitle(view), body: renderIssueBody(view) },
    { labels, assignees, minimalBody: () => renderMinimalIssueBody(view) },
  );
  progress.number = created.number;
  await store.setLinkIssueNumber(id, created.number, deps.now());
  work.log.info(
    { sentryIssueId: id, repo: repo.fullName, issue: created.number, frames: view.frames.length, assignees },
    'triage: GitHub issue opened',
  );
  if (work.event.release) {
    await store.putMarkOnce(
      { kind: RELEASE_MARK, key: `${id}|${work.event.release}`, repo: repo.fullName, value: null },
      deps.now(),
    );
  }
  await linkBack(deps, work, created.number, created.htmlUrl);
}

/** A 4xx answer from GitHub means the issue was not created; anything else (5xx, timeout, reset) may hide one. */
function provesNothingOpened(error: unknown): boolean {
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/**
 * Whether an issue for this Sentry issue may exist that the link row does not name, so GitHub must be searched for
 * its marker. Not when Sentry just created the issue (`issue.created`), this worker's claim on the link is new and
 * this is the job's first attempt: no earlier attempt can have opened one (a crash leaves the claim pending; a lost
 * answer to another job leaves UNCERTAIN_OPEN_MARK, checked by the caller). Other alerts may be for an issue whose
 * row a restored database lost.
 */
function mayHaveAnIssue(alert: Alert, claimedNow: boolean, attempt: number): boolean {
  return alert.kind !== 'issue' || !claimedNow || attempt > 1;
}

/**
 * GitHub refuses an issue it finds invalid (422: too long, a label or assignee it will not take) every time: rather
 * than lose the alert, open it once more with the minimal body, without assignees.
 */
async function createIssueOrMinimal(
  work: Work,
  issue: { title: string; body: string },
  opts: { labels: string[]; assignees: string[]; minimalBody: () => string },
): Promise<IssueSummary> {
  try {
    return await work.repo.createIssue({ ...issue, labels: opts.labels, assignees: opts.assignees });
  } catch (error) {
    if ((error as { status?: number }).status !== 422) throw error;
    work.log.warn(
      { sentryIssueId: work.alert.sentryIssueId, repo: work.repo.fullName, failure: String(error).slice(0, 500) },
      'triage: GitHub refused the issue (422); opening it with the minimal body',
    );
    return work.repo.createIssue({
      title: truncate(issue.title, 120),
      body: opts.minimalBody(),
      labels: opts.labels,
      assignees: [],
    });
  }
}

/** Later alerts for a linked issue: rewrite the status line, comment once per new release, finish the link back. */
async function retrigger(deps: TriageDeps, work: Work, link: Link): Promise<void> {
  const { repo, facts, event, alert } = work;
  const number = link.githubIssueNumber;
  if (link.githubRepo !== repo.fullName) {
    work.log.info(
      { sentryIssueId: alert.sentryIssueId, repo: link.githubRepo },
      'triage: linked in another repository',
    );
    return;
  }
  const issue = await repo.getIssue(number);
  if (!issue) {
    work.log.warn({ sentryIssueId: alert.sentryIssueId, issue: number }, 'triage: the linked GitHub issue is gone');
    return;
  }
  await updateStatus(repo, issue, alert.sentryIssueId, {
    count: facts.count,
    userCount: facts.userCount,
    lastSeen: facts.lastSeen ?? event.timestamp,
    release: event.release,
  });
  if (event.release) {
    const { created } = await deps.store.putMarkOnce(
      { kind: RELEASE_MARK, key: `${alert.sentryIssueId}|${event.release}`, repo: repo.fullName, value: null },
      deps.now(),
    );
    if (created) {
      const info = await repo.info();
      const sha = await resolveCommit(work, info);
      await repo.comment(
        number,
        renderReleaseComment({
          release: event.release,
          commitUrl:
            sha.resolvedFrom === 'default-branch' || !sha.sha ? undefined : `${info.htmlUrl}/commit/${sha.sha}`,
          count: facts.count,
        }),
      );
    }
  }
  if (!link.externalIssueId) await linkBack(deps, work, number, issue.htmlUrl);
}

async function updateStatus(
  repo: RepoApi,
  issue: IssueSummary,
  sentryIssueId: string,
  status: Parameters<typeof renderStatusLine>[0],
): Promise<void> {
  if (findIssueMarker(issue.body) !== sentryIssueId) return; // not a body we wrote
  const next = replaceStatusLine(issue.body, renderStatusLine(status));
  if (next !== issue.body) await repo.updateIssueBody(issue.number, next);
}

/**
 * The external issue link in Sentry's sidebar, shown as `<project>#<identifier>` (Sentry adds the `#`). Sentry keeps
 * one per issue and app and updates it when linked again (200), so a retry after a lost answer simply succeeds.
 */
async function linkBack(deps: TriageDeps, work: Work, number: number, htmlUrl: string): Promise<void> {
  const id = work.alert.sentryIssueId;
  const mark = await deps.store.getMark(EXTERNAL_LINK_MARK, id);
  if (mark) return;
  try {
    const link = await work.api.createExternalIssue(work.installationUuid, {
      issueId: /^\d+$/.test(id) ? Number(id) : id,
      webUrl: htmlUrl,
      project: work.repo.fullName,
      identifier: String(number),
    });
    await deps.store.setLinkExternalIssue(id, link.id, deps.now());
  } catch (error) {
    const status = (error as { status?: number }).status ?? 0;
    if (status >= 400 && status < 500 && status !== 429) {
      // The GitHub issue stands; a later alert tries the link again.
      work.log.warn(
        { sentryIssueId: id, status, failure: String(error) },
        'triage: Sentry refused the external issue link',
      );
      return;
    } else throw error;
  }
  await deps.store.putMarkOnce(
    { kind: EXTERNAL_LINK_MARK, key: id, repo: work.repo.fullName, value: null },
    deps.now(),
  );
}

let lastPrune = 0;
/** Hour slots and summaries are only needed for their hour: forget them after two (at most every 10 minutes). */
async function pruneHourlyMarks(deps: TriageDeps): Promise<void> {
  if (deps.now() - lastPrune < 10 * 60_000) return;
  lastPrune = deps.now();
  for (const kind of [ISSUE_SLOT_MARK, RATE_SUMMARY_MARK])
    await deps.store.pruneMarks(kind, deps.now() - 2 * 3_600_000);
}

/** Per-repository limit of new issues per hour: a slot is a unique mark, so concurrent workers cannot overshoot. */
async function takeIssueSlot(deps: TriageDeps, work: Work): Promise<boolean> {
  await pruneHourlyMarks(deps).catch((error: unknown) =>
    work.log.warn({ failure: String(error) }, 'triage: pruning old hourly marks failed'),
  );
  const limit = work.config.limits.newIssuesPerHour;
  const hour = new Date(Math.floor(deps.now() / 3_600_000) * 3_600_000).toISOString();
  const base = `${work.repo.fullName}|${hour}`;
  for (let slot = 0; slot < limit; slot++) {
    const { created, mark } = await deps.store.putMarkOnce(
      { kind: ISSUE_SLOT_MARK, key: `${base}|${slot}`, repo: work.repo.fullName, value: work.alert.sentryIssueId },
      deps.now(),
    );
    if (created || mark.value === work.alert.sentryIssueId) return true;
  }
  await reportRateLimit(deps, work, hour, limit);
  return false;
}

async function reportRateLimit(deps: TriageDeps, work: Work, hour: string, limit: number): Promise<void> {
  const key = `${work.repo.fullName}|${hour}`;
  const entry = { title: renderIssueTitle({ sentry: work.facts, event: work.event }), url: work.facts.webUrl };
  const { created, mark } = await deps.store.putMarkOnce(
    { kind: RATE_SUMMARY_MARK, key, repo: work.repo.fullName, value: null },
    deps.now(),
  );
  work.log.warn(
    { repo: work.repo.fullName, limit, sentryIssueId: work.alert.sentryIssueId },
    'triage: new-issue limit reached',
  );
  const skipped = mark.value
    ? (JSON.parse(mark.value) as { number?: number; skipped: Array<typeof entry> })
    : { skipped: [] };
  if (skipped.skipped.some((s) => s.url === entry.url)) return;
  skipped.skipped.push(entry);
  const rendered = renderRateLimitIssue({
    hour: hour.slice(0, 16).replace('T', ' ') + ' UTC',
    limit,
    skipped: skipped.skipped,
  });
  if (created || !skipped.number) {
    const issue = await work.repo.createIssue({ ...rendered, labels: ['sentry'], assignees: [] });
    skipped.number = issue.number;
  } else {
    await work.repo.updateIssueBody(skipped.number, rendered.body);
  }
  await deps.store.setMarkValue(RATE_SUMMARY_MARK, key, JSON.stringify(skipped));
}

async function resolveCommit(work: Work, info: RepoInfo): Promise<IssueView['commit']> {
  const { event, config, repo, api } = work;
  const release = event.release ? await api.getRelease(event.release).catch(() => undefined) : undefined;
  const resolved = resolveReleaseCommit({
    release: event.release,
    configured: config.releases,
    sentry: release?.lastCommit
      ? { lastCommit: { id: release.lastCommit.id, repository: repoName(release.lastCommit) } }
      : undefined,
    repoFullName: repo.fullName,
  });
  const sha = resolved.sha ? await repo.commitSha(resolved.sha) : undefined;
  if (sha) return { sha, resolvedFrom: resolved.source };
  return { sha: await repo.commitSha(info.defaultBranch), resolvedFrom: 'default-branch' };
}

async function buildView(work: Work, info: RepoInfo): Promise<IssueView> {
  const { repo, config, event } = work;
  const commit = await resolveCommit(work, info);
  const tree = commit.sha ? await repo.tree(commit.sha).catch(() => undefined) : undefined;
  // Sentry lists frames oldest first: the crashing frame is last, and shown first.
  const mapped = mapFrames(event.frames, config.paths, tree).reverse();
  const frames: ShownFrame[] = [];
  for (const [i, f] of mapped.entries()) {
    if (i >= TOP_FRAMES || !commit.sha) {
      frames.push(f);
      continue;
    }
    const text = await repo.file(f.path, commit.sha);
    if (text !== undefined) {
      const lines = text.split('\n');
      const start = Math.max(1, f.line - CONTEXT_LINES);
      const end = Math.min(lines.length, f.line + CONTEXT_LINES);
      frames.push({ ...f, code: { start, lines: lines.slice(start - 1, end), source: 'repo' } });
    } else if (f.frame.context) {
      const c = f.frame.context;
      frames.push({
        ...f,
        code: { start: f.line - c.pre.length, lines: [...c.pre, c.line, ...c.post], source: 'event' },
      });
    } else frames.push(f);
  }
  const top = frames[0];
  const owners =
    top && commit.sha ? ownersFor(await repo.codeowners(commit.sha), top.path) : { owners: [], assignees: [] };
  const suspects =
    commit.sha && commit.resolvedFrom !== 'default-branch' ? await suspectCommits(work, commit.sha, frames) : [];
  return {
    sentry: work.facts,
    event,
    repo: { fullName: info.fullName, htmlUrl: info.htmlUrl, defaultBranch: info.defaultBranch },
    commit,
    frames,
    suspects,
    owners: { ...owners, path: top?.path },
  };
}

/** Commits of this release (since the previous release with commits, when Sentry knows it) touching the top frames' files. */
async function suspectCommits(work: Work, sha: string, frames: ShownFrame[]): Promise<SuspectCommit[]> {
  const { repo, api, event, facts } = work;
  const paths = [...new Set(frames.slice(0, TOP_FRAMES).map((f) => f.path))];
  if (paths.length === 0) return [];
  let inRelease: Set<string> | undefined;
  if (event.release) {
    const previous = await api.previousReleaseWithCommits(event.release, facts.project).catch(() => undefined);
    const base = previous?.lastCommit?.id ? await repo.commitSha(previous.lastCommit.id) : undefined;
    if (base && base !== sha) inRelease = await repo.commitsBetween(base, sha);
  }
  const bySha = new Map<string, SuspectCommit>();
  for (const path of paths) {
    for (const c of await repo.commitsTouching(path, sha, 10)) {
      if (inRelease && !inRelease.has(c.sha)) continue;
      if (!bySha.has(c.sha)) bySha.set(c.sha, { ...c, pulls: [] });
    }
  }
  const newest = [...bySha.values()].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '')).slice(0, 5);
  for (const c of newest) c.pulls = await repo.pullsOf(c.sha);
  return newest;
}

async function waitForLink(deps: TriageDeps, id: string, signal: AbortSignal): Promise<Link | undefined> {
  const deadline = deps.now() + (deps.waitForLinkMs ?? 10_000);
  while (deps.now() < deadline && !signal.aborted) {
    await new Promise((r) => setTimeout(r, 100));
    const link = await deps.store.getLink(id);
    if (!link) return undefined; // the creator gave up its claim; the retry claims afresh
    if (link.githubIssueNumber !== PENDING) return link;
  }
  return undefined;
}

function alertEnabled(config: TriageConfig, alert: Alert): boolean {
  if (alert.kind === 'issue') return config.alerts.issues;
  if (alert.kind === 'event_alert') return config.alerts.eventAlerts;
  return config.alerts.errors;
}

async function fetchIssue(api: SentryApi, id: string, log: Log): Promise<Record<string, unknown> | undefined> {
  try {
    return (await api.getIssue(id)) as unknown as Record<string, unknown>;
  } catch (error) {
    log.warn({ sentryIssueId: id, failure: String(error) }, 'triage: could not read the Sentry issue; using the event');
    return undefined;
  }
}

async function fetchLatestEvent(api: SentryApi, id: string, log: Log): Promise<unknown> {
  try {
    return await api.getLatestEvent(id);
  } catch (error) {
    const status = (error as { status?: number }).status ?? 0;
    if (status === 404) {
      log.warn({ sentryIssueId: id }, 'triage: Sentry has no event for this issue; opening it without a stack trace');
      return undefined;
    }
    throw error;
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const count = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
};

/** Sentry serializes a commit's repository as an object with a name (older servers: the name). */
function repoName(commit: { repository?: unknown }): string | undefined {
  const r = commit.repository;
  return typeof r === 'string' ? r : isObj(r) ? text(r['name']) : undefined;
}

function projectSlug(issue: Obj | undefined): string | undefined {
  return isObj(issue?.['project']) ? text(issue['project']['slug']) : undefined;
}

function permalinkOf(issue: Obj | undefined): string | undefined {
  return text(issue?.['web_url']) ?? text(issue?.['permalink']);
}

/** Issue facts cut to about what the issue shows, before they are scrubbed. */
function boundFacts(facts: SentryIssueFacts): SentryIssueFacts {
  // With room past each limit, so that a secret straddling it reaches the scrubber whole.
  const cut = (text: string | undefined, max: number) =>
    text === undefined ? text : truncate(text, max + SCRUB_MARGIN);
  return {
    ...facts,
    shortId: cut(facts.shortId, 100),
    project: truncate(facts.project, 100),
    title: cut(facts.title, 300),
    culprit: cut(facts.culprit, 300),
    level: cut(facts.level, 20),
    firstSeen: cut(facts.firstSeen, 40),
    lastSeen: cut(facts.lastSeen, 40),
  };
}

function issueFacts(issue: Obj | undefined, alert: Alert, project: string, webUrl: string): SentryIssueFacts {
  const i = issue ?? {};
  return {
    id: alert.sentryIssueId,
    shortId: text(i['shortId']),
    webUrl,
    project,
    title: text(i['title']),
    culprit: text(i['culprit']),
    level: text(i['level']),
    firstSeen: text(i['firstSeen']),
    lastSeen: text(i['lastSeen']),
    count: count(i['count']),
    userCount: count(i['userCount']),
  };
}
