/** `faultline sourcemaps check`: the report object on the edge cases and on real builds, and both renderings. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkMappings,
  decodeMapBytes,
  type RegularMap,
  renderReportMarkdown,
  renderReportText,
  type SourcemapReport,
  validateSourcemaps,
} from '../../src/sourcemaps/index.ts';
import { edgeFixtures, REPO, removeCopies } from './helpers.ts';

let edge: SourcemapReport;
let dir: string;

beforeAll(async () => {
  dir = await edgeFixtures();
  edge = await validateSourcemaps(dir, { requireDebugIds: false });
});
afterAll(removeCopies);

const filesWith = (r: SourcemapReport, kind: string) =>
  r.findings
    .filter((f) => f.kind === kind)
    .map((f) => f.file.slice(dir.length + 1))
    .sort();

describe('validateSourcemaps', () => {
  it('reports each kind of broken map on the file it concerns, and nothing on the good ones', () => {
    expect(filesWith(edge, 'missing-map')).toEqual(['.hidden.js', 'injected.js', 'nomap.js']);
    expect(filesWith(edge, 'map-not-found')).toEqual(['missing.js']);
    expect(filesWith(edge, 'invalid-map')).toEqual(['embedded-bad.js']);
    expect(filesWith(edge, 'mapping-outside-script')).toEqual(['embedded-charset.js', 'stale.js']);
    expect(filesWith(edge, 'unresolved-sources')).toEqual(['source-root.js']);
    const flagged = new Set(edge.findings.map((f) => f.file));
    for (const good of ['plain.js', 'strict.js', 'embedded.js', 'guess/foo.min.js', 'split/code/page.js', 'indexed.js'])
      expect(flagged.has(`${dir}/${good}`), good).toBe(false);
    expect(edge.ok).toBe(false);
  });

  it('counts scripts, maps and how each map was found', () => {
    const kinds = new Map(edge.files.map((f) => [f.path.slice(dir.length + 1), f.mapKind]));
    expect(kinds.get('plain.js')).toBe('external');
    expect(kinds.get('embedded.js')).toBe('embedded');
    expect(kinds.get('guess/foo.min.js')).toBe('guessed');
    expect(kinds.get('nomap.js')).toBe('none');
    expect(edge.scriptsWithDebugId).toBe(1);
    expect(edge.scripts).toBe(edge.files.length);
  });

  it('passes a real published build with maps (bootstrap dist/js)', async () => {
    const r = await validateSourcemaps(`${REPO}/node_modules/bootstrap/dist/js`);
    expect(r.findings).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.scriptsWithMap).toBe(r.scripts);
    expect(r.files.every((f) => f.mappingsChecked > 0 && f.sourcesResolved === f.sources)).toBe(true);
  });

  it('flags scripts without a debug ID when asked to, and a path with no scripts', async () => {
    const r = await validateSourcemaps(`${dir}/guess`, { requireDebugIds: true });
    expect(r.findings.map((f) => f.kind)).toEqual(['no-debug-id', 'no-debug-id']);
    const empty = await validateSourcemaps(`${dir}/split/maps`);
    expect(empty.findings.map((f) => f.kind)).toEqual(['no-files']);
  });
});

describe('checkMappings', () => {
  const map = decodeMapBytes(
    Buffer.from(JSON.stringify({ version: 3, sources: ['a.ts'], names: [], mappings: 'AAAA,EAAE;AACA' })),
  ) as RegularMap;
  it('accepts mappings inside the script and source', () => {
    expect(checkMappings(map, [3, 1], [[5, 5]], 10)).toEqual({ checked: 3, outsideScript: 0, outsideSource: 0 });
  });
  it('flags generated positions past the script and original positions past the source', () => {
    expect(checkMappings(map, [1], [[5, 5]], 10)).toMatchObject({ outsideScript: 2 });
    expect(checkMappings(map, [3, 1], [[1]], 10)).toMatchObject({ outsideSource: 2 });
  });
});

describe('report rendering', () => {
  it('renders text with one block per kind, each with its fix', () => {
    const text = renderReportText(edge).join('\n');
    expect(text).toMatch(/^Source map check: 30 scripts/);
    expect(text).toContain('✗ No source map (3)');
    expect(text).toContain('fix: turn on source maps in the bundler');
    expect(text).toContain(`${dir}/missing.js: names missing.js.map, which is not in the build`);
  });

  it('renders markdown with a summary table and collapsed, escaped problem lists', () => {
    const md = renderReportMarkdown(edge, 2);
    expect(md).toContain('| scripts | size | with a map | map files | with a debug ID | problems |');
    expect(md).toContain('<details><summary><b>No source map</b> (3)');
    expect(md).toContain('| … | 1 more |');
    expect(
      md
        .split('\n')
        .filter((l) => l.startsWith('| `'))
        .every((l) => l.split(' | ').length === 2),
    ).toBe(true);
  });

  it('says so when everything is fine', () => {
    const ok: SourcemapReport = { ...edge, findings: [], ok: true };
    expect(renderReportText(ok)).toContain('✓ no problems found');
    expect(renderReportMarkdown(ok)).toContain('### Source maps ✅');
  });
});
