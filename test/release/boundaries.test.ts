// The pipeline is shared by the action and the CLI: it must not depend on the Actions toolkit or Probot.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('../../src/release/', import.meta.url));

describe('src/release', () => {
  it('imports neither @actions/* nor probot', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    const offenders = files.filter((f) => /from\s+'(@actions\/|probot)/.test(readFileSync(`${dir}${f}`, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
