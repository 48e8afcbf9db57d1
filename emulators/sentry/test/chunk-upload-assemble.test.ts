/** Chunk upload and artifact-bundle assembly as Sentry does them (protocol notes §3, §4, §9). */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import yazl from 'yazl';
import { describe, expect, it } from 'vitest';
import { startSentryEmulator, type SentryEmulator } from '../server.ts';
import { buildArtifactBundle, sha1Hex, splitIntoChunks } from '../../../test/sentry-client/artifact-bundle.ts';
import { type Answer, call, chunkForm, org, useSentryEmulator } from './helpers.ts';

const DEBUG_ID = '2f3a7c1e-9b4d-5e6f-8a1b-3c4d5e6f7a8b';
const CHUNK = 256;
const LIMITS = { chunkSize: CHUNK, chunksPerRequest: 4, maxRequestSize: 3 * CHUNK };

async function bundle(opts: { release?: string; debugIds?: boolean; project?: string } = {}) {
  return buildArtifactBundle(
    [
      {
        url: '~/app.js',
        type: 'minified_source',
        contents: `function a(){}\n//# debugId=${DEBUG_ID}\n//# sourceMappingURL=app.js.map\n${'x'.repeat(600)}`,
        headers:
          opts.debugIds === false ? { sourcemap: 'app.js.map' } : { 'debug-id': DEBUG_ID, sourcemap: 'app.js.map' },
      },
      {
        url: '~/app.js.map',
        type: 'source_map',
        contents: JSON.stringify({ version: 3, sources: ['a.ts'], mappings: 'AAAA', debugId: DEBUG_ID }),
        headers: opts.debugIds === false ? {} : { 'Debug-Id': DEBUG_ID },
      },
    ],
    {
      bundleId: '11111111-2222-5333-8444-555555555555',
      org: 'acme',
      ...(opts.project ? { project: opts.project } : {}),
      ...(opts.release ? { release: opts.release } : {}),
    },
  );
}

async function zipOf(entries: Record<string, string>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, text] of Object.entries(entries)) zip.addBuffer(Buffer.from(text), name);
  zip.end();
  const parts: Buffer[] = [];
  for await (const c of zip.outputStream as AsyncIterable<Buffer>) parts.push(c);
  return Buffer.concat(parts);
}

describe('Sentry emulator: chunk upload and assemble', () => {
  let emu: SentryEmulator;
  const upload = (parts: Parameters<typeof chunkForm>[0]) =>
    call(emu, 'POST', org('chunk-upload/'), { body: chunkForm(parts) });
  const assemble = (body: unknown) => call(emu, 'POST', org('artifactbundle/assemble/'), { json: body });

  /** Uploads a whole file in chunks and asks for assembly until it is no longer pending. */
  async function uploadAndAssemble(bytes: Buffer, extra: Record<string, unknown> = {}): Promise<Answer> {
    const chunks = splitIntoChunks(bytes, CHUNK);
    for (const c of chunks) expect((await upload([{ name: c.checksum, data: c.data }])).status).toBe(200);
    const body = { checksum: sha1Hex(bytes), chunks: chunks.map((c) => c.checksum), projects: ['web'], ...extra };
    let res = await assemble(body);
    while (
      (res.json as { state: string }).state === 'created' ||
      (res.json as { state: string }).state === 'assembling'
    ) {
      await new Promise((r) => setTimeout(r, 5));
      res = await assemble(body);
    }
    return res;
  }

  useSentryEmulator({ chunkUpload: LIMITS }, (started) => (emu = started));

  it('announces chunk-upload options sentry-cli v2 and v3 accept, with an absolute URL back to the emulator', async () => {
    const res = await call(emu, 'GET', org('chunk-upload/'));
    expect(res.json).toMatchObject({
      url: `${emu.url}/api/0/organizations/acme/chunk-upload/`,
      chunkSize: CHUNK,
      chunksPerRequest: 4,
      maxRequestSize: 3 * CHUNK,
      hashAlgorithm: 'sha1',
      compression: ['gzip'],
      accept: expect.arrayContaining(['release_files', 'artifact_bundles', 'artifact_bundles_v2']),
    });
    expect((res.json as { concurrency: number }).concurrency).toBeLessThanOrEqual(255);
  });

  it('stores chunks sent as file and as file_gzip, keyed by the SHA-1 of the raw bytes', async () => {
    const a = Buffer.from('chunk a');
    const b = Buffer.from('chunk b');
    const res = await upload([
      { name: sha1Hex(a), data: a },
      { field: 'file_gzip', name: sha1Hex(b), data: gzipSync(b) },
    ]);
    expect(res.status).toBe(200);
    expect(emu.state().chunks).toEqual([
      { checksum: sha1Hex(a), size: a.length, field: 'file' },
      { checksum: sha1Hex(b), size: b.length, field: 'file_gzip' },
    ]);
  });

  it('refuses a checksum mismatch, an oversize chunk, an oversize request and too many chunks, storing none', async () => {
    const data = Buffer.from('payload');
    expect((await upload([{ name: '0'.repeat(40), data }])).json).toEqual({ error: 'Checksum mismatch' });
    const big = Buffer.alloc(CHUNK + 1, 1);
    expect((await upload([{ name: sha1Hex(big), data: big }])).json).toEqual({ error: 'Chunk size too large' });
    const full = Array.from({ length: 4 }, (_, i) => Buffer.alloc(CHUNK, i));
    expect((await upload(full.map((d) => ({ name: sha1Hex(d), data: d })))).json).toEqual({
      error: 'Request too large',
    });
    const small = Array.from({ length: 5 }, (_, i) => Buffer.from([i]));
    expect((await upload(small.map((d) => ({ name: sha1Hex(d), data: d })))).json).toEqual({
      error: 'Too many chunks',
    });
    expect(emu.state().chunks).toEqual([]);
  });

  it('answers not_found with the missing chunks first, then created → assembling → ok, then ok from the cache', async () => {
    // Its own emulator, holding `assembling` for 800 ms so each state stays visible to the next poll.
    const main = emu;
    emu = await startSentryEmulator({ chunkUpload: LIMITS, assembleDelayMs: 800 });
    try {
      const b = await bundle({ release: 'web@1' });
      const chunks = splitIntoChunks(b.bytes, CHUNK);
      expect(chunks.length).toBeGreaterThan(2);
      const body = {
        checksum: sha1Hex(b.bytes),
        chunks: chunks.map((c) => c.checksum),
        projects: ['web'],
        version: 'web@1',
      };
      const first = await assemble(body);
      expect(first.json).toEqual({ state: 'not_found', missingChunks: chunks.map((c) => c.checksum) });
      await upload([{ name: chunks[0]!.checksum, data: chunks[0]!.data }]);
      expect((await assemble(body)).json).toEqual({
        state: 'not_found',
        missingChunks: chunks.slice(1).map((c) => c.checksum),
      });
      for (const c of chunks.slice(1)) await upload([{ name: c.checksum, data: c.data }]);

      expect((await assemble(body)).json).toEqual({ state: 'created', missingChunks: [] });
      const next = async (from: string) => {
        for (const deadline = Date.now() + 5_000; Date.now() < deadline;) {
          const res = (await assemble(body)).json as { state: string };
          if (res.state !== from) return res;
          await new Promise((r) => setTimeout(r, 5));
        }
        throw new Error(`assembly stayed ${from}`);
      };
      expect(await next('created')).toEqual({ state: 'assembling', detail: null, missingChunks: [] });
      expect(await next('assembling')).toEqual({ state: 'ok', detail: null, missingChunks: [] });

      const [stored] = emu.state().bundles;
      expect(stored).toMatchObject({
        bundleId: b.bundleId,
        release: 'web@1',
        projects: ['web'],
        manifest: b.manifest,
      });
      expect(stored!.files.map((f) => [f.url, f.type, f.debugId])).toEqual([
        ['~/app.js', 'minified_source', DEBUG_ID],
        ['~/app.js.map', 'source_map', DEBUG_ID],
      ]);
      // Header keys are read lowercased, as Sentry's ArtifactBundleArchive does.
      expect(stored!.files[1]!.headers).toEqual({ 'debug-id': DEBUG_ID });
    } finally {
      await emu.close();
      emu = main;
    }
  });

  it('reads bundles with and without the SYSB header; the request version wins over the manifest release', async () => {
    const b = await bundle({ release: 'from-manifest', project: 'web' });
    const plainZip = b.bytes.subarray(8);
    expect((await uploadAndAssemble(plainZip)).json).toMatchObject({ state: 'ok' });
    expect(emu.state().bundles[0]!.release).toBe('from-manifest');
    emu.reset();
    expect((await uploadAndAssemble(b.bytes, { version: 'from-request', dist: '7' })).json).toMatchObject({
      state: 'ok',
    });
    expect(emu.state().bundles[0]).toMatchObject({ release: 'from-request', dist: '7' });
  });

  it('fails assembly with Sentry’s details: checksum mismatch, not a bundle, no debug ids and no release', async () => {
    const b = await bundle();
    const chunks = splitIntoChunks(b.bytes, CHUNK);
    for (const c of chunks) await upload([{ name: c.checksum, data: c.data }]);
    const wrong = { checksum: 'a'.repeat(40), chunks: chunks.map((c) => c.checksum), projects: ['web'] };
    await assemble(wrong);
    await new Promise((r) => setTimeout(r, 60));
    expect((await assemble(wrong)).json).toEqual({
      state: 'error',
      detail: 'Reported checksum mismatch',
      missingChunks: [],
    });

    expect((await uploadAndAssemble(Buffer.from('SYSB\x02\0\0\0not a zip at all'))).json).toMatchObject({
      state: 'error',
      detail: 'the bundle is invalid',
    });
    expect((await uploadAndAssemble(await zipOf({ 'files/x.js': 'x' }))).json).toMatchObject({
      detail: 'the bundle is invalid',
    });
    const anonymous = await bundle({ debugIds: false });
    expect((await uploadAndAssemble(anonymous.bytes)).json).toEqual({
      state: 'error',
      detail: 'uploading a bundle without debug ids or release is prohibited',
      missingChunks: [],
    });
    expect(emu.state().bundles).toEqual([]);
    // The outcome is cached by checksum (Sentry keeps it for 10 minutes); after a reset the same file is fine once
    // a release names it.
    expect((await uploadAndAssemble(anonymous.bytes, { version: 'web@2' })).json).toMatchObject({ state: 'error' });
    emu.reset();
    expect((await uploadAndAssemble(anonymous.bytes, { version: 'web@2' })).json).toMatchObject({ state: 'ok' });
    expect(emu.state().bundles.map((x) => x.release)).toEqual(['web@2']);
  });

  it('validates the assemble body: schema, projects, dist without a release', async () => {
    const sum = 'a'.repeat(40);
    expect((await assemble({ checksum: 'xyz', chunks: [], projects: ['web'] })).json).toEqual({
      error: 'The checksum field is required and must be a 40-character hexadecimal string.',
    });
    expect((await assemble({ checksum: sum, chunks: ['nope'], projects: ['web'] })).status).toBe(400);
    expect((await assemble({ checksum: sum, chunks: [], projects: ['web'], extra: 1 })).json).toEqual({
      error: "Additional properties are not allowed ('extra' was unexpected)",
    });
    expect((await assemble({ checksum: sum, chunks: [], projects: [] })).json).toEqual({
      error: 'You need to specify at least one project',
    });
    expect((await assemble({ checksum: sum, chunks: [], projects: ['web', 'mobile'] })).json).toEqual({
      error: 'One or more projects are invalid',
    });
    expect((await assemble({ checksum: sum, chunks: [], projects: ['web', 'web'] })).status).toBe(400);
    expect((await assemble({ checksum: sum, chunks: [], projects: ['1'] })).json).toEqual({
      state: 'not_found',
      missingChunks: [],
    });
    const data = Buffer.from('d');
    await upload([{ name: sha1Hex(data), data }]);
    expect((await assemble({ checksum: sum, chunks: [sha1Hex(data)], projects: ['web'], dist: '1' })).json).toEqual({
      error: 'You need to specify a release together with a dist',
    });
    expect(
      (await call(emu, 'POST', org('artifactbundle/assemble/'), { body: '{', contentType: 'application/json' })).json,
    ).toEqual({ error: 'Invalid json body' });
  });

  it('drops a bundle without files and still reports ok', async () => {
    const empty = await buildArtifactBundle([], { bundleId: '99999999-2222-5333-8444-555555555555', org: 'acme' });
    expect((await uploadAndAssemble(empty.bytes, { version: 'web@3' })).json).toMatchObject({ state: 'ok' });
    expect(emu.state().bundles).toEqual([]);
    expect(createHash('sha1').update(empty.bytes).digest('hex')).toBe(emu.state().assemblies[0]!.checksum);
  });
});
