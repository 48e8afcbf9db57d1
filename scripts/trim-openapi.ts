// Writes emulators/github/test/api.github.com.trimmed.json: the operations of GitHub's published OpenAPI
// description (npm @octokit/openapi) that the GitHub emulator serves, with every component they reference.
// The whole description is 385 MB installed, so the test reads this trimmed copy instead; run this script again
// (`npm run openapi:trim`) after adding an emulator route or to move to a newer description.
// The package is fetched with `npm pack` into a temporary folder, not installed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitHubWorld } from '../emulators/github/state.ts';
import { allRoutes } from '../emulators/github/routes.ts';

const PACKAGE = '@octokit/openapi@23.0.2';
export const TRIMMED = join(import.meta.dirname, '..', 'emulators', 'github', 'test', 'api.github.com.trimmed.json');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function fetchDescription(): Record<string, Json> {
  const dir = mkdtempSync(join(tmpdir(), 'faultline-openapi-'));
  try {
    const tarball = execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', dir], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop()!;
    execFileSync('tar', ['-xzf', join(dir, tarball), '-C', dir, 'package/generated/api.github.com.json']);
    return JSON.parse(readFileSync(join(dir, 'package/generated/api.github.com.json'), 'utf8')) as Record<string, Json>;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every `#/components/...` reference reachable from `start`, followed through the components themselves. */
function referencedComponents(spec: Record<string, Json>, start: Json): Map<string, Json> {
  const found = new Map<string, Json>();
  const pending: Json[] = [start];
  while (pending.length) {
    const node = pending.pop()!;
    if (Array.isArray(node)) pending.push(...node);
    else if (node && typeof node === 'object') {
      const ref = node.$ref;
      if (typeof ref === 'string' && ref.startsWith('#/components/') && !found.has(ref)) {
        const target = ref
          .slice(2)
          .split('/')
          .reduce<Json>((at, key) => (at as Record<string, Json>)[key.replace(/~1/g, '/').replace(/~0/g, '~')]!, spec);
        found.set(ref, target);
        pending.push(target);
      }
      for (const value of Object.values(node)) pending.push(value);
    }
  }
  return found;
}

function trim(spec: Record<string, Json>): Record<string, Json> {
  const allPaths = spec.paths as Record<string, Record<string, Json>>;
  const paths: Record<string, Record<string, Json>> = {};
  for (const route of allRoutes(new GitHubWorld())) {
    const op = allPaths[route.template]?.[route.method.toLowerCase()];
    if (op === undefined) continue; // the test reports a route GitHub does not describe
    (paths[route.template] ??= {})[route.method.toLowerCase()] = op;
  }
  const components: Record<string, Record<string, Json>> = {};
  for (const [ref, value] of referencedComponents(spec, paths)) {
    const [, , section, name] = ref.split('/');
    (components[section!] ??= {})[name!.replace(/~1/g, '/').replace(/~0/g, '~')] = value;
  }
  return { openapi: spec.openapi!, info: spec.info!, paths, components };
}

if (import.meta.main) {
  writeFileSync(TRIMMED, `${JSON.stringify(trim(fetchDescription()))}\n`);
  console.log(`wrote ${TRIMMED}`);
}
