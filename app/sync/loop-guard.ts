// Recognising our own writes, so a change the app made on one side is never mirrored back (no echo loops).
// Three independent signals: Sentry names the acting integration (`actor.type: application` + its uuid), every
// text the app writes to GitHub carries a hidden marker (app/services/markers.ts), and writes are recorded just
// before they are made.

export interface SentryActor {
  type?: string;
  id?: string | number;
  name?: string;
}

/**
 * True when the webhook reports a change made through our own API calls: Sentry sends `actor.type: "application"`
 * with the integration's uuid (the app's or the installation's). `id: "sentry"` is Sentry itself (auto-resolve,
 * regressions) and is not us.
 */
export function isOwnSentryActor(actor: SentryActor | undefined, ourIds: Iterable<string>): boolean {
  if (actor?.type !== 'application' || actor.id === undefined) return false;
  const id = String(actor.id);
  if (id === 'sentry') return false;
  for (const ours of ourIds) if (ours && ours === id) return true;
  return false;
}

export interface GitHubSender {
  type?: string;
  login?: string;
}

/** True when GitHub says the app's own bot account acted (`<slug>[bot]`). */
export function isOwnGitHubSender(sender: GitHubSender | undefined, appSlug: string | undefined): boolean {
  if (!sender?.login || !appSlug) return false;
  return sender.type === 'Bot' && sender.login.toLowerCase() === `${appSlug.toLowerCase()}[bot]`;
}

/** Keys of recorded writes: one side, one object, the state we put it in. */
export const writeKey = {
  sentryStatus: (issueId: string, status: string) => `sentry:${issueId}:status:${status}`,
  sentryAssignee: (issueId: string, assignee: string) => `sentry:${issueId}:assignee:${assignee.toLowerCase()}`,
  githubState: (repo: string, issue: number, state: 'open' | 'closed') => `github:${repo}#${issue}:state:${state}`,
  githubAssignee: (repo: string, issue: number, login: string) =>
    `github:${repo}#${issue}:assignee:${login.toLowerCase()}`,
  githubUnassignee: (repo: string, issue: number, login: string) =>
    `github:${repo}#${issue}:unassignee:${login.toLowerCase()}`,
} as const;

/** How long a recorded write stands for the echo it will cause (webhooks arrive in seconds; Sentry retries in 5 min). */
export const RECORDED_WRITE_TTL_MS = 15 * 60_000;
