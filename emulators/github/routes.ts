/** Every REST route of the emulator, in match order (more specific templates first where they overlap). */
import type { RouteSpec } from './http.ts';
import { appRoutes } from './routes-app.ts';
import { gitRoutes } from './routes-git.ts';
import { issueRoutes } from './routes-issues.ts';
import type { GitHubWorld } from './state.ts';

export function allRoutes(world: GitHubWorld): RouteSpec[] {
  return [...appRoutes(world), ...gitRoutes(world), ...issueRoutes(world)];
}
