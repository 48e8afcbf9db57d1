// README sections generated from other files must match them: CI fails when action.yml changes without
// `node docs/generate.ts`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { applySections, regenerateReadme, renderActionInputs } from '../../docs/generate.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const readme = readFileSync(`${root}/README.md`, 'utf8');
const actionYml = readFileSync(`${root}/action.yml`, 'utf8');

describe('README', () => {
  it('is exactly what docs/generate.ts makes of it (run `node docs/generate.ts` after changing action.yml)', async () => {
    expect(await regenerateReadme(readme)).toBe(readme);
  });

  it('names every input and output of action.yml in its table', () => {
    const manifest = parseYaml(actionYml) as { inputs?: object; outputs?: object };
    for (const name of [...Object.keys(manifest.inputs ?? {}), ...Object.keys(manifest.outputs ?? {})]) {
      expect(readme).toContain(`| \`${name}\``);
    }
  });

  it('would be stale after an input is added to action.yml', async () => {
    const changed = `${actionYml.trimEnd()}\n${actionYml.includes('inputs:') ? '' : 'inputs:\n'}  brand_new_input:\n    description: Something new\n    default: 'x'\n`;
    const table = renderActionInputs(changed);
    expect(table).toContain('| `brand_new_input` | `x` | Something new |');
    const regenerated = await regenerateReadme(readme, [{ name: 'action-inputs', content: table }]);
    expect(regenerated).not.toBe(readme);
  });

  it('refuses a README whose generated block is missing', () => {
    expect(() => applySections('# nothing here\n', [{ name: 'action-inputs', content: '' }])).toThrow(
      /no <!-- generated:action-inputs:start -->/,
    );
  });
});

describe('README configuration example', () => {
  it('is a valid .github/faultline.yml for triage and sync', async () => {
    const { parseRepoConfig } = await import('../../app/services/repo-config.ts');
    const { parseSyncSettings } = await import('../../app/sync/sync-config.ts');
    const block = /```yaml\n# \.github\/faultline\.yml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const doc = parseYaml(block ?? '');
    const triage = parseRepoConfig(doc);
    expect(triage.ok ? [] : triage.problems).toEqual([]);
    expect(parseSyncSettings(doc).resolveAs).toBe('resolvedInNextRelease');
  });

  it('describes every key of the schema, and only those', async () => {
    const { configRows, CONFIG_DESCRIPTIONS } = await import('../../docs/config-reference.ts');
    const keys = configRows().map((r) => r.key);
    expect(keys).toContain('sentry.org');
    expect(keys).toContain('regressions.maxPullRequests');
    expect(Object.keys(CONFIG_DESCRIPTIONS).sort()).toEqual([...keys].sort());
    for (const key of keys) expect(readme).toContain(`| \`${key}\``);
  });
});
