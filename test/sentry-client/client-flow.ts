/** The sentry-cli release flow (new → set-commits --local → sourcemaps upload --wait → finalize → deploy) via src/sentry. */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SentryClient } from '../../src/sentry/index.ts';
import { type BundleFile, buildArtifactBundle, sha1Hex, splitIntoChunks } from './artifact-bundle.ts';
import { localCommits, readDebugId } from './fixtures.ts';

/** The files of an injected tree as sentry-cli bundles them: `~/name`, with debug-id and sourcemap headers. */
export async function bundleFilesOf(tree: string, names: string[]): Promise<BundleFile[]> {
  const files: BundleFile[] = [];
  for (const name of names) {
    const contents = await readFile(join(tree, name), 'utf8');
    const debugId = await readDebugId(join(tree, name));
    const headers: Record<string, string> = {};
    if (debugId) headers['debug-id'] = debugId;
    const ref = /\/\/# sourceMappingURL=(\S+)/.exec(contents)?.[1];
    if (ref) headers.sourcemap = ref;
    files.push({ url: `~/${name}`, type: name.endsWith('.map') ? 'source_map' : 'minified_source', contents, headers });
  }
  return files;
}

export interface FlowInput {
  version: string;
  project: string;
  repo: string;
  tree: string;
  files: string[];
  /** Small chunks so the upload takes several chunks and requests. */
  chunkSize?: number;
  deployName?: string;
}

export interface FlowResult {
  bundleChecksum: string;
  chunks: number;
  uploadRequests: number;
}

export async function runReleaseFlow(client: SentryClient, input: FlowInput): Promise<FlowResult> {
  const { version, project } = input;
  await client.createRelease({ version, projects: [project], dateStarted: new Date().toISOString() });

  // set-commits --local: sentry-cli names the repository after the git remote when Sentry knows no repos.
  const repos = await client.listRepos();
  const previous = await client.previousReleaseWithCommits(version);
  const commits = await localCommits(input.repo, repos.length ? repos[0]!.name : 'origin');
  const since = previous?.lastCommit?.id;
  const upTo = since ? commits.findIndex((c) => c.id === since) : -1;
  await client.updateRelease(version, { commits: upTo >= 0 ? commits.slice(0, upTo) : commits });

  const bundle = await buildArtifactBundle(await bundleFilesOf(input.tree, input.files), {
    bundleId: randomUUID(),
    org: client.org,
    project,
    release: version,
  });
  const options = await client.getChunkUploadOptions();
  const chunks = splitIntoChunks(bundle.bytes, Math.min(options.chunkSize, input.chunkSize ?? options.chunkSize));
  const body = { checksum: sha1Hex(bundle.bytes), chunks: chunks.map((c) => c.checksum), projects: [project], version };
  const first = await client.assembleArtifactBundle(body);
  const missing = chunks.filter((c) => first.missingChunks.includes(c.checksum));
  let uploadRequests = 0;
  const perRequest = Math.max(1, Math.min(options.chunksPerRequest, 2));
  for (let i = 0; i < missing.length; i += perRequest) {
    await client.uploadChunks(options, missing.slice(i, i + perRequest));
    uploadRequests++;
  }
  await client.waitForArtifactBundle(body, { pollIntervalMs: 20, maxWaitMs: 10_000 });

  await client.finalizeRelease(version);
  await client.createDeploy(version, {
    environment: 'production',
    ...(input.deployName ? { name: input.deployName } : {}),
    dateFinished: new Date().toISOString(),
  });
  return { bundleChecksum: body.checksum, chunks: chunks.length, uploadRequests };
}
