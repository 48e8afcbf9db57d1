/**
 * Wire-level parity with the real sentry-cli 3.8.0: the same release flow through src/sentry and through sentry-cli,
 * each against a small recording server, must send the same release, commits (with patch sets), bundle manifest,
 * bundle files and deploy. Independent of the emulator, so it pins the protocol on its own.
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SentryClient } from '../../src/sentry/index.ts';
import { runReleaseFlow } from './client-flow.ts';
import { makeBuiltTree, makeGitRepo, sentryCli } from './fixtures.ts';
import { type LocalServer, type RecordedRequest, sendJson, startLocalServer, testAgents } from './local-server.ts';

const TOKEN = `sntryu_${'3c'.repeat(32)}`;
const VERSION = 'web@2.1.0';

interface Recorder {
  server: LocalServer;
  bodies: Array<{ method: string; path: string; json: unknown }>;
  bundles: Array<Map<string, Buffer>>;
  chunkParts: string[];
}

function readZip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      zip.on('error', reject);
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const parts: Buffer[] = [];
          stream.on('data', (c: Buffer) => parts.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(parts));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}

async function startRecorder(): Promise<Recorder> {
  const blobs = new Map<string, Buffer>();
  const rec: Recorder = { server: undefined as unknown as LocalServer, bodies: [], bundles: [], chunkParts: [] };
  const release = { version: VERSION, dateCreated: new Date().toISOString(), projects: [{ slug: 'web', name: 'web' }] };
  rec.server = await startLocalServer(async (req: RecordedRequest, res: ServerResponse) => {
    const path = req.pathname;
    const isJson = req.headers['content-type'] === 'application/json';
    // sentry-cli leaves `@` raw, src/sentry percent-encodes it; both name the same release.
    if (isJson)
      rec.bodies.push({ method: req.method, path: decodeURIComponent(path), json: JSON.parse(req.body.toString()) });
    if (path.endsWith('/chunk-upload/') && req.method === 'GET') {
      return sendJson(res, 200, {
        url: `${rec.server.url}/api/0/organizations/acme/chunk-upload/`,
        chunkSize: 8388608,
        chunksPerRequest: 64,
        maxRequestSize: 33554432,
        concurrency: 1,
        hashAlgorithm: 'sha1',
        compression: ['gzip'],
        accept: ['release_files', 'artifact_bundles', 'artifact_bundles_v2'],
      });
    }
    if (path.endsWith('/chunk-upload/')) {
      const form = await new Response(req.body, {
        headers: { 'content-type': req.headers['content-type']! },
      }).formData();
      for (const [name, value] of form.entries()) {
        const file = value as File;
        const raw = gunzipSync(Buffer.from(await file.arrayBuffer()));
        rec.chunkParts.push(name);
        if (createHash('sha1').update(raw).digest('hex') !== file.name)
          return sendJson(res, 400, { error: 'Checksum mismatch' });
        blobs.set(file.name, raw);
      }
      return sendJson(res, 200, undefined);
    }
    if (path.endsWith('/artifactbundle/assemble/')) {
      const body = JSON.parse(req.body.toString()) as { checksum: string; chunks: string[] };
      const missing = body.chunks.filter((c) => !blobs.has(c));
      if (missing.length) return sendJson(res, 200, { state: 'not_found', missingChunks: missing });
      const bytes = Buffer.concat(body.chunks.map((c) => blobs.get(c)!));
      if (createHash('sha1').update(bytes).digest('hex') !== body.checksum) {
        return sendJson(res, 200, { state: 'error', detail: 'Reported checksum mismatch', missingChunks: [] });
      }
      // sentry-cli counts zip offsets from the start of the file (SYSB header included); a zip simply appended to
      // the header is also accepted by Sentry (Python's zipfile copes with both), so try both.
      const entries = await readZip(bytes).catch(() => readZip(bytes.subarray(8)));
      rec.bundles.push(entries);
      return sendJson(res, 200, { state: 'ok', detail: null, missingChunks: [] });
    }
    if (path.endsWith('/repos/')) return sendJson(res, 200, []);
    if (path.endsWith('/previous-with-commits/')) return sendJson(res, 200, {});
    if (path.endsWith('/deploys/')) {
      return sendJson(res, 201, {
        id: '1',
        environment: 'production',
        name: 'prod-1',
        url: null,
        dateStarted: null,
        dateFinished: null,
      });
    }
    if (path.endsWith('/releases/') && req.method === 'POST') return sendJson(res, 201, release);
    sendJson(res, 200, release);
  });
  return rec;
}

function bodyOf(rec: Recorder, method: string, suffix: string, has: string): Record<string, unknown> {
  const found = rec.bodies.find(
    (b) => b.method === method && b.path.endsWith(suffix) && has in (b.json as Record<string, unknown>),
  );
  expect(found, `${method} …${suffix} with "${has}"`).toBeDefined();
  return found!.json as Record<string, unknown>;
}

describe('parity with sentry-cli 3.8.0 on the wire', () => {
  let repo: string;
  let tree: string;
  let viaCli: Recorder;
  let viaClient: Recorder;
  const agents = testAgents();

  beforeAll(async () => {
    repo = await makeGitRepo();
    tree = await mkdtemp(join(tmpdir(), 'faultline-sentry-parity-'));
    await cp(await makeBuiltTree(), tree, { recursive: true });
    const offline = { url: 'http://127.0.0.1:9', token: TOKEN, org: 'acme', project: 'web' };
    await sentryCli(['sourcemaps', 'inject', tree], offline);

    viaCli = await startRecorder();
    const cli = { url: viaCli.server.url, token: TOKEN, org: 'acme', project: 'web', cwd: repo };
    await sentryCli(['releases', 'new', VERSION], cli);
    await sentryCli(['releases', 'set-commits', VERSION, '--local'], cli);
    await sentryCli(['sourcemaps', 'upload', tree, '--release', VERSION, '--wait', '--no-rewrite'], cli);
    await sentryCli(['releases', 'finalize', VERSION], cli);
    await sentryCli(['deploys', 'new', '-r', VERSION, '-e', 'production', '-n', 'prod-1'], cli);

    viaClient = await startRecorder();
    const client = new SentryClient({ url: viaClient.server.url, token: TOKEN, org: 'acme', agents });
    await runReleaseFlow(client, {
      version: VERSION,
      project: 'web',
      repo,
      tree,
      files: ['app.js', 'app.js.map', 'vendor.js'],
      chunkSize: 300,
      deployName: 'prod-1',
    });
  });

  afterAll(async () => {
    await viaCli?.server.close();
    await viaClient?.server.close();
    agents.close();
  });

  it('creates the same release', () => {
    const pick = (b: Record<string, unknown>) => ({ version: b.version, projects: b.projects });
    expect(pick(bodyOf(viaClient, 'POST', '/releases/', 'version'))).toEqual(
      pick(bodyOf(viaCli, 'POST', '/releases/', 'version')),
    );
  });

  it('sends the same commits with the same patch sets', () => {
    const commits = bodyOf(viaClient, 'PUT', `/releases/${VERSION}/`, 'commits').commits;
    expect(commits).toHaveLength(4);
    expect(commits).toEqual(bodyOf(viaCli, 'PUT', `/releases/${VERSION}/`, 'commits').commits);
  });

  it('uploads gzip chunks and a bundle with the same manifest entries and file bytes', () => {
    expect(viaCli.bundles).toHaveLength(1);
    expect(viaClient.bundles).toHaveLength(1);
    expect(new Set(viaClient.chunkParts)).toEqual(new Set(['file_gzip']));
    expect(viaClient.chunkParts.length).toBeGreaterThan(1);
    const [cliBundle, clientBundle] = [viaCli.bundles[0]!, viaClient.bundles[0]!];
    const manifest = (b: Map<string, Buffer>) => JSON.parse(b.get('manifest.json')!.toString());
    const cliManifest = manifest(cliBundle);
    const clientManifest = manifest(clientBundle);
    expect(clientManifest.files).toEqual(cliManifest.files);
    for (const key of ['org', 'project', 'release']) expect(clientManifest[key]).toBe(cliManifest[key]);
    expect([...clientBundle.keys()].sort()).toEqual([...cliBundle.keys()].sort());
    for (const [name, bytes] of cliBundle) if (name !== 'manifest.json') expect(clientBundle.get(name)).toEqual(bytes);
    const assemble = bodyOf(viaClient, 'POST', '/artifactbundle/assemble/', 'checksum');
    expect({ projects: assemble.projects, version: assemble.version }).toEqual({
      projects: bodyOf(viaCli, 'POST', '/artifactbundle/assemble/', 'checksum').projects,
      version: bodyOf(viaCli, 'POST', '/artifactbundle/assemble/', 'checksum').version,
    });
  });

  it('finalizes and records the same deploy', () => {
    const release = `/releases/${VERSION}/`;
    expect(typeof bodyOf(viaClient, 'PUT', release, 'dateReleased').dateReleased).toBe('string');
    const deploy = (r: Recorder) => {
      const b = bodyOf(r, 'POST', '/deploys/', 'environment');
      return { environment: b.environment, name: b.name, url: b.url };
    };
    expect(deploy(viaClient)).toEqual(deploy(viaCli));
  });
});
