// The in-app frames of a Sentry REST event as repository paths, crashing frame first — what suspect ranking needs.
// (Triage renders full stack traces from both payload shapes; this reads only the REST event the sync fetches.)
import type { SentryEvent, SentryExceptionValue, SentryFrame } from '../../src/sentry/index.ts';
import type { SuspectFrame } from './suspects.ts';

export interface PathMapping {
  from: string;
  to: string;
}

/** `webpack://app/./src/a.ts?x` → `src/a.ts`, then the config's prefix mappings. */
export function frameRepoPath(raw: string, mappings: readonly PathMapping[] = []): string {
  for (const { from, to } of mappings) {
    if (from && raw.startsWith(from)) return cleanPath(to + raw.slice(from.length));
  }
  return cleanPath(
    raw
      .replace(/^webpack:\/\/[^/]*\//, '')
      .replace(/^app:\/\/\/?/, '')
      .replace(/^file:\/\//, '')
      .replace(/^~\//, ''),
  );
}

const cleanPath = (path: string): string => path.replace(/[?#].*$/, '').replace(/^(?:\.\/|\/)+/, '');

export function eventRelease(event: Pick<SentryEvent, 'release' | 'tags'>): string | undefined {
  if (typeof event.release === 'string') return event.release;
  if (event.release?.version) return event.release.version;
  return event.tags?.find((t) => t.key === 'release')?.value;
}

/** The exception that was finally thrown (Sentry lists chained exceptions oldest first). */
export function crashingException(event: Pick<SentryEvent, 'entries'>): SentryExceptionValue | undefined {
  const entry = event.entries?.find((e) => e.type === 'exception') as
    { data: { values?: SentryExceptionValue[] } } | undefined;
  const values = entry?.data.values ?? [];
  return [...values].reverse().find((v) => v.stacktrace?.frames?.length) ?? values.at(-1);
}

/** In-app frames with a file and a line, mapped to repo paths, crashing frame first; node_modules skipped. */
export function suspectFrames(
  event: Pick<SentryEvent, 'entries'>,
  mappings: readonly PathMapping[] = [],
  max = 5,
): SuspectFrame[] {
  const frames: SentryFrame[] = crashingException(event)?.stacktrace?.frames ?? [];
  const out: SuspectFrame[] = [];
  for (const frame of [...frames].reverse()) {
    const raw = frame.absPath ?? frame.filename;
    if (!frame.inApp || !raw || !frame.lineNo || /(^|\/)node_modules\//.test(raw)) continue;
    out.push({ path: frameRepoPath(raw, mappings), line: frame.lineNo, function: frame.function ?? undefined });
    if (out.length >= max) break;
  }
  return out;
}
