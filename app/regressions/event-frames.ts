// The in-app frames of a Sentry event as repository paths, crashing frame first — what suspect ranking needs.
// Event normalisation and path mapping are triage's (one implementation for both payload shapes).
import { normalizeEvent } from '../triage/event.ts';
import { mapFrames, type PathMapping } from '../triage/paths.ts';
import type { SuspectFrame } from './suspects.ts';

export interface EventFacts {
  release: string | undefined;
  exceptionType: string | undefined;
  exceptionValue: string | undefined;
  /** Crashing frame first. */
  frames: SuspectFrame[];
}

export function eventFacts(rawEvent: unknown, mappings: readonly PathMapping[] = [], maxFrames = 5): EventFacts {
  const event = normalizeEvent(rawEvent);
  const frames = mapFrames(event.frames, mappings)
    .reverse()
    .slice(0, maxFrames)
    .map((m) => ({ path: m.path, line: m.line, function: m.frame.function }));
  return {
    release: event.release,
    exceptionType: event.exceptionType,
    exceptionValue: event.exceptionValue,
    frames,
  };
}
