// What the app wrote to a GitHub emulator, and which planted secrets it carries.
import type { GitHubEmulator } from '../../emulators/github/server.ts';
import { plantedSecrets } from '../scrub/planted-secrets.ts';

const planted = plantedSecrets();

/** The planted secrets found in `written` (as text, and as JSON-escaped text). */
export function leakedSecrets(written: string): string[] {
  return planted
    .filter((p) => written.includes(p.secret) || written.includes(JSON.stringify(p.secret).slice(1, -1)))
    .map((p) => `${p.kind}: ${p.secret.slice(0, 12)}…`);
}

/** Everything the app wrote to GitHub: issue titles, bodies and comments, and the body of every write request. */
export function writtenToGitHub(world: { github: GitHubEmulator }): string {
  const state = world.github.state();
  const issues = state.repos.flatMap((r) =>
    r.issues.flatMap((i) => [i.title, i.body ?? '', ...i.comments.map((c) => c.body)]),
  );
  const writes = state.requests.filter((r) => r.method !== 'GET').map((r) => JSON.stringify(r.body ?? ''));
  return [...issues, ...writes].join('\n');
}
