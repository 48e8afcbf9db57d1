/** Issues, events, comments and external-issue links (filled in below). */
import type { EmulatorContext } from './context.ts';
import type { Route } from './http.ts';

export function issueRoutes(_emu: EmulatorContext): Route[] {
  return [];
}
