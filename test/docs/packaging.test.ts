// app.yml, .env.example and the Dockerfile against the code they describe. No Docker engine here, so the
// Dockerfile is checked for what would break the image: missing files, dev-only imports, root, no healthcheck.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ConfigError, loadConfig } from '../../app/config.ts';
import { REQUIRED_PERMISSIONS } from '../../app/doctor/app-checks.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('app.yml', () => {
  const manifest = parseYaml(read('app.yml')) as {
    name: string;
    default_permissions: Record<string, string>;
    default_events: string[];
    hook_attributes: { url: string };
  };

  it('asks for exactly the permissions doctor checks, no more', () => {
    expect(manifest.default_permissions).toEqual(REQUIRED_PERMISSIONS);
  });

  it('subscribes to the events the app acts on and points the hook at Probot’s route', () => {
    expect(manifest.default_events).toEqual(expect.arrayContaining(['issues', 'issue_comment']));
    expect(new URL(manifest.hook_attributes.url).pathname).toBe('/api/github/webhooks');
    expect(manifest.name).toBe('faultline');
  });
});

describe('.env.example', () => {
  it('lists every variable the app reads', () => {
    const read = new Set<string>();
    const env = new Proxy({} as NodeJS.ProcessEnv, {
      get(_target, key) {
        if (typeof key === 'string') read.add(key);
        return undefined;
      },
    });
    expect(() => loadConfig(env)).toThrow(ConfigError);
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    expect(read.size).toBeGreaterThan(10);
    expect([...read].filter((name) => !documented.has(name))).toEqual([]);
  });

  it('holds no secret values', () => {
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    for (const name of ['WEBHOOK_SECRET', 'SENTRY_CLIENT_SECRET', 'SENTRY_AUTH_TOKEN']) {
      expect(example).toMatch(new RegExp(`^${name}=$`, 'm'));
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  const pkg = JSON.parse(read('package.json')) as {
    scripts: Record<string, string>;
    dependencies: Record<string, string>;
  };

  it('is multi-stage, installs production dependencies only, and runs as a non-root user', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    const lastUser = [...dockerfile.matchAll(/^USER (\S+)/gm)].at(-1)?.[1];
    expect(lastUser).toBeDefined();
    expect(lastUser).not.toMatch(/^(root|0)$/);
  });

  it('checks health on /readyz and starts the app as `npm start` does', () => {
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n?.*\/readyz/m);
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)?.[1] ?? '[]') as string[];
    expect(cmd.join(' ')).toBe(pkg.scripts.start);
  });

  it('copies only paths that exist, and the app needs nothing outside them', () => {
    const copied = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => (m[1] ?? '').split(/\s+/));
    for (const path of copied) expect(existsSync(join(root, path)), path).toBe(true);
    const dirs = copied.filter((p) => !p.includes('.'));
    for (const file of localImportGraph(join(root, 'app/main.ts'))) {
      const rel = file.slice(root.length);
      expect(
        dirs.some((d) => rel.startsWith(`${d}/`)),
        `${rel} is imported by the app but not copied`,
      ).toBe(true);
    }
  });

  it('the app imports only production dependencies (the image has no devDependencies)', () => {
    const packages = new Set<string>();
    for (const file of localImportGraph(join(root, 'app/main.ts'))) {
      for (const spec of importsOf(file)) {
        if (spec.startsWith('.') || spec.startsWith('node:')) continue;
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec));
      }
    }
    expect(packages.size).toBeGreaterThan(2);
    expect([...packages].filter((p) => !(p in pkg.dependencies))).toEqual([]);
  });
});

/** Static and dynamic import specifiers of a TypeScript file, type-only imports excluded. */
function importsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const specs: string[] = [];
  for (const m of source.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'/gm)) {
    if (!m[2]) specs.push(m[3] ?? '');
  }
  for (const m of source.matchAll(/^\s*import\s+'([^']+)'/gm)) specs.push(m[1] ?? '');
  for (const m of source.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) specs.push(m[1] ?? '');
  return specs.filter(Boolean);
}

function localImportGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of importsOf(file)) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
    }
  };
  visit(entry);
  return [...seen];
}
