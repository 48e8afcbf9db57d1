// action.yml is the action's interface: every input it declares is read by the pipeline, and back.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { INPUT_NAMES } from '../../src/release/index.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const manifest = parseYaml(readFileSync(`${root}/action.yml`, 'utf8')) as {
  runs: { using: string; main: string };
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
};

describe('action.yml', () => {
  it('runs dist/index.js on node24 (no Docker, no composite install)', () => {
    expect(manifest.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('declares exactly the inputs the pipeline reads, each documented with a default', () => {
    expect(Object.keys(manifest.inputs).sort()).toEqual([...INPUT_NAMES].sort());
    for (const [name, input] of Object.entries(manifest.inputs)) {
      expect(input.description, name).toMatch(/\w{3,}/);
      expect(input.default, `${name} default`).toBeTypeOf('string');
      expect(input.required, name).toBe(false);
    }
  });

  it('keeps action-release input names and defaults', () => {
    expect(manifest.inputs.inject!.default).toBe('true');
    expect(manifest.inputs.finalize!.default).toBe('true');
    expect(manifest.inputs.set_commits!.default).toBe('auto');
    expect(manifest.inputs.github_token!.default).toBe('${{ github.token }}');
  });

  it('declares the outputs the action writes', () => {
    const source = readFileSync(`${root}/src/action/run.ts`, 'utf8');
    const written = [...source.matchAll(/runner\.setOutput\('([a-z_]+)'/g)].map((m) => m[1]);
    expect(Object.keys(manifest.outputs).sort()).toEqual([...new Set(written)].sort());
    for (const name of [
      'release',
      'bundle_id',
      'files_uploaded',
      'bytes_uploaded',
      'chunks_skipped',
      'commits',
      'deploy_id',
    ]) {
      expect(manifest.outputs[name]?.description, name).toBeTruthy();
    }
  });
});
