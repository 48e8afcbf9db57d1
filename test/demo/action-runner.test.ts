import { describe, expect, it } from 'vitest';
import { inputVariable, parseRunnerFile } from '../../scripts/demo/action-runner.ts';

describe('runner files', () => {
  it('reads name=value lines and heredoc blocks, the environment-file format the action writes', () => {
    const text = [
      'release=1.0.0',
      'bundle_id<<ghadelimiter_5f2c',
      'abc',
      'def=ghi',
      'ghadelimiter_5f2c',
      'commits=2',
      '',
    ].join('\n');
    expect(parseRunnerFile(text)).toEqual({ release: '1.0.0', bundle_id: 'abc\ndef=ghi', commits: '2' });
  });

  it('names inputs as the runner does', () => {
    expect(inputVariable('set_commits')).toBe('INPUT_SET_COMMITS');
    expect(inputVariable('auth-token')).toBe('INPUT_AUTH-TOKEN');
  });
});
