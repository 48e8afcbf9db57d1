// The action's own runner protocol (src/action/runner.ts): what the Actions runner reads from a step, as GitHub
// documents it. Read back with the demo's parser of GITHUB_OUTPUT, which follows the same documentation.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { EOL, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { environmentFileEntry, processRunner } from '../../src/action/runner.ts';
import { parseRunnerFile } from '../../scripts/demo/action-runner.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function files(): Promise<{ output: string; summary: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'faultline-runner-commands-'));
  dirs.push(dir);
  const output = join(dir, 'output');
  const summary = join(dir, 'summary');
  await writeFile(output, '');
  await writeFile(summary, '');
  return { output, summary };
}

describe('the runner protocol', () => {
  it('reads inputs from INPUT_<NAME> (capitals, spaces as underscores), trimmed', () => {
    const runner = processRunner({ INPUT_AUTH_TOKEN: '  secret \n', 'INPUT_URL-PREFIX': '~/x', INPUT_MY_INPUT: 'y' });
    expect(runner.input('auth_token')).toBe('secret');
    expect(runner.input('url-prefix')).toBe('~/x');
    expect(runner.input('my input')).toBe('y');
    expect(runner.input('missing')).toBe('');
  });

  it('writes commands whose values cannot break out of their line', () => {
    const lines: string[] = [];
    const runner = processRunner({}, (text) => lines.push(text));
    runner.mask('a%b\nc\rd');
    runner.warning('two\nlines');
    expect(lines.join('')).toBe(`::add-mask::a%25b%0Ac%0Dd${EOL}::warning::two%0Alines${EOL}`);
  });

  it('folds a group and closes it when the work fails', async () => {
    const lines: string[] = [];
    const runner = processRunner({}, (text) => lines.push(text));
    await expect(
      runner.group('upload', async () => {
        runner.info('inside');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(lines.join('')).toBe(`::group::upload${EOL}inside${EOL}::endgroup::${EOL}`);
  });

  it('appends outputs to GITHUB_OUTPUT as blocks any value fits in, and the summary to GITHUB_STEP_SUMMARY', async () => {
    const { output, summary } = await files();
    const runner = processRunner({ GITHUB_OUTPUT: output, GITHUB_STEP_SUMMARY: summary }, () => {});
    runner.setOutput('release', 'web@1.2.3');
    runner.setOutput('notes', 'line one\nline two=3');
    runner.setOutput('empty', '');
    expect(await runner.appendSummary('### one\n')).toBe(true);
    expect(await runner.appendSummary('two\n')).toBe(true);
    expect(parseRunnerFile(await readFile(output, 'utf8'))).toEqual({
      release: 'web@1.2.3',
      notes: 'line one\nline two=3',
      empty: '',
    });
    expect(await readFile(summary, 'utf8')).toBe('### one\ntwo\n');
  });

  it('picks another delimiter when the value holds the first one', () => {
    const made = ['EOF', 'EOF', 'END'];
    const entry = environmentFileEntry('x', 'a\nEOF\nb', () => made.shift()!);
    expect(entry.startsWith('x<<END')).toBe(true);
  });

  it('has no summary file to write to on a local run', async () => {
    expect(await processRunner({}, () => {}).appendSummary('x')).toBe(false);
  });
});
