import { describe, expect, it } from 'vitest';
import { checkAssembleAnswer, checkChunkUploadOptions, checkReleaseAnswer, type ReceivedAnswer } from './answers.ts';

const answer = (json: unknown): ReceivedAnswer => ({
  status: 200,
  endpoint: 'GET /x/',
  headers: { 'content-type': 'application/json' },
  json,
  text: JSON.stringify(json),
});

const OPTIONS = {
  url: 'https://sentry.example/api/0/organizations/acme/chunk-upload/',
  chunkSize: 8388608,
  chunksPerRequest: 64,
  maxRequestSize: 33554432,
  concurrency: 8,
  hashAlgorithm: 'sha1',
};

describe('answer shapes', () => {
  it('takes chunk-upload options with fields Sentry added later, and fills what older servers leave out', () => {
    const o = checkChunkUploadOptions(answer({ ...OPTIONS, compression: null, newField: 1 }));
    expect(o).toMatchObject({ ...OPTIONS, compression: [], accept: [] });
    expect('maxWait' in o).toBe(false);
  });

  it('names the field that is wrong', () => {
    expect(() => checkChunkUploadOptions(answer({ ...OPTIONS, chunkSize: 0 }))).toThrow(
      'JSON that is not chunk-upload options (chunkSize: expected a number > 0)',
    );
    expect(() => checkChunkUploadOptions(answer({ ...OPTIONS, accept: ['x', 2] }))).toThrow(
      '(accept.1: expected a string',
    );
    expect(() => checkAssembleAnswer(answer({ state: 'done' }))).toThrow(
      '(state: expected one of created, assembling, ok, error, not_found)',
    );
    expect(() => checkReleaseAnswer(answer({ version: 'v1', projects: [{}] }))).toThrow(
      '(projects.0.slug: expected a string',
    );
    expect(() => checkReleaseAnswer(answer([]))).toThrow('(the body: expected an object, got an array)');
  });

  it('gives an assemble answer without missing chunks an empty list', () => {
    expect(checkAssembleAnswer(answer({ state: 'ok', missingChunks: null }))).toEqual({
      state: 'ok',
      missingChunks: [],
    });
  });
});
