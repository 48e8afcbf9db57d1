// "Create once" for GitHub objects the sync owns (a mirrored comment, a PR comment, an incident issue): a mark is
// claimed before the GitHub call and holds the object's id after it. A claim names its job, so that job's retry
// carries on (after looking for what the failed attempt may have created), while another job waits its turn.
import type { SyncStore } from './services.ts';

/** A claim left pending this long is taken over: its job died between claiming and storing the id. */
export const STALE_CLAIM_MS = 2 * 60_000;
const PENDING = 'pending:';

export type Claim =
  /** The object exists: `value` is what was stored (its id). */
  | { state: 'done'; value: string }
  /** Ours to create. `fresh` false: an earlier attempt may have created it — look for it before creating. */
  | { state: 'ours'; fresh: boolean }
  /** Another job is creating it right now. */
  | { state: 'busy' };

export async function claimOnce(
  store: SyncStore,
  mark: { kind: string; key: string; repo: string },
  claimant: string | number,
  now: number,
): Promise<Claim> {
  const pending = `${PENDING}${claimant}@${now}`;
  const { mark: held, created } = await store.putMarkOnce({ ...mark, value: pending }, now);
  if (created) return { state: 'ours', fresh: true };
  if (held.value && !held.value.startsWith(PENDING)) return { state: 'done', value: held.value };
  const [holder, since] = (held.value ?? '').slice(PENDING.length).split('@');
  if (holder === String(claimant)) return { state: 'ours', fresh: false };
  if (now - Number(since ?? held.createdAt) < STALE_CLAIM_MS) return { state: 'busy' };
  // Take over a dead job's claim: deleting is atomic, so of several takers exactly one re-claims.
  if (!(await store.deleteMark(mark.kind, mark.key))) return { state: 'busy' };
  const retaken = await store.putMarkOnce({ ...mark, value: pending }, now);
  return retaken.created ? { state: 'ours', fresh: false } : { state: 'busy' };
}

/** Thrown when another job holds the claim: retried shortly, by which time that job has stored the id. */
export class ClaimBusyError extends Error {
  override name = 'ClaimBusyError';
  readonly retryAfterMs = 1_000;
}
