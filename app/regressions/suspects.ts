// Which merged pull requests most likely caused a regression: those whose diff touches the files of the crash's
// in-app frames, ranked so that a PR whose hunk contains the exact crashing line comes first.
import { type HunkMatch, hunkForLine } from './diff-hunks.ts';

/** An in-app frame already mapped to a repository path; the crashing frame first. */
export interface SuspectFrame {
  path: string;
  line: number;
  function?: string | undefined;
}

export interface CandidatePullFile {
  filename: string;
  patch?: string | undefined;
}

export interface CandidatePull {
  number: number;
  title: string;
  htmlUrl: string;
  /** `owner/name` of the repository the PR was merged into. */
  baseRepo: string;
  author?: string | undefined;
  mergedAt?: string | null | undefined;
  files: CandidatePullFile[];
}

export type SuspectReason =
  'changes-crashing-line' | 'contains-frame-line' | 'neighbours-frame-line' | 'touches-frame-file';

export interface SuspectPull {
  pull: CandidatePull;
  score: number;
  reason: SuspectReason;
  /** The frame the PR's diff explains best. */
  frame: SuspectFrame;
  file: CandidatePullFile;
  /** The hunk containing or neighbouring the frame's line; undefined when the PR only touches the file elsewhere. */
  hunk: HunkMatch | undefined;
}

export interface RankOptions {
  /** Only PRs merged into this repository are suspects (never comment on another repository's PRs). */
  repo: string;
  /** At most this many (default 3). */
  max?: number;
  /** A hunk this many lines away still "neighbours" the line (default 20). */
  neighbourLines?: number;
}

/** Scores one PR against the frames: the best explanation it offers of any frame; undefined when it touches none. */
export function scorePull(
  pull: CandidatePull,
  frames: readonly SuspectFrame[],
  neighbourLines = 20,
): SuspectPull | undefined {
  let best: SuspectPull | undefined;
  frames.forEach((frame, depth) => {
    for (const file of pull.files) {
      if (!samePath(file.filename, frame.path)) continue;
      const hunk = hunkForLine(file.patch, frame.line, neighbourLines);
      const crashing = depth === 0;
      let score: number;
      let reason: SuspectReason;
      if (hunk && (hunk.changesLine || hunk.containsLine) && crashing) {
        score = hunk.changesLine ? 1000 : 900;
        reason = hunk.changesLine ? 'changes-crashing-line' : 'contains-frame-line';
      } else if (hunk && (hunk.changesLine || hunk.containsLine)) {
        score = (hunk.changesLine ? 700 : 600) - depth;
        reason = 'contains-frame-line';
      } else if (hunk) {
        score = 400 - hunk.distance - depth;
        reason = 'neighbours-frame-line';
      } else {
        score = 100 - depth;
        reason = 'touches-frame-file';
      }
      if (!best || score > best.score) best = { pull, score, reason, frame, file, hunk };
    }
  });
  return best;
}

/** The suspects, best first (ties: most recently merged first), at most `max`, only PRs of `repo`. */
export function rankSuspectPulls(
  pulls: readonly CandidatePull[],
  frames: readonly SuspectFrame[],
  opts: RankOptions,
): SuspectPull[] {
  const seen = new Set<number>();
  const scored: SuspectPull[] = [];
  for (const pull of pulls) {
    if (pull.baseRepo.toLowerCase() !== opts.repo.toLowerCase() || seen.has(pull.number)) continue;
    seen.add(pull.number);
    const suspect = scorePull(pull, frames, opts.neighbourLines);
    if (suspect) scored.push(suspect);
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      Date.parse(b.pull.mergedAt ?? '') - Date.parse(a.pull.mergedAt ?? '') ||
      b.pull.number - a.pull.number,
  );
  return scored.slice(0, Math.max(0, opts.max ?? 3));
}

const normalisePath = (path: string): string => path.replace(/^\.?\/+/, '');

/** Equal, or the frame path has an unmapped prefix the repo path lacks (`build/src/a.ts` vs `src/a.ts`). */
function samePath(repoPath: string, framePath: string): boolean {
  const a = normalisePath(repoPath);
  const b = normalisePath(framePath);
  return a === b || b.endsWith(`/${a}`);
}
