// Regenerates the README sections that come from other files, so they cannot drift:
//   - the action's inputs and outputs, from action.yml
//   - the .github/faultline.yml reference, from the app's repository config schema
// Usage: node docs/generate.ts          rewrite README.md
//        node docs/generate.ts --check  exit 1 and name the stale sections when README.md is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { parse as parseYaml } from 'yaml';
import { renderConfigReference } from './config-reference.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

interface ActionManifest {
  inputs?: Record<string, { description?: string; default?: unknown; required?: boolean; deprecationMessage?: string }>;
  outputs?: Record<string, { description?: string }>;
}

/** Table cells: one line, pipes escaped. */
const cell = (text: unknown): string =>
  String(text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();

export function renderActionInputs(actionYml: string): string {
  const manifest = (parseYaml(actionYml) ?? {}) as ActionManifest;
  const inputs = Object.entries(manifest.inputs ?? {});
  const outputs = Object.entries(manifest.outputs ?? {});
  const lines: string[] = [];
  if (inputs.length === 0) {
    lines.push('_action.yml declares no inputs yet._');
  } else {
    lines.push('| input | default | description |', '| --- | --- | --- |');
    for (const [name, input] of inputs) {
      const def = input.default === undefined || input.default === '' ? '' : `\`${cell(input.default)}\``;
      const required = input.required ? ' **(required)**' : '';
      const deprecated = input.deprecationMessage ? ` _Deprecated: ${cell(input.deprecationMessage)}_` : '';
      lines.push(`| \`${name}\`${required} | ${def} | ${cell(input.description)}${deprecated} |`);
    }
  }
  lines.push('');
  if (outputs.length === 0) {
    lines.push('_action.yml declares no outputs yet._');
  } else {
    lines.push('| output | description |', '| --- | --- |');
    for (const [name, output] of outputs) lines.push(`| \`${name}\` | ${cell(output.description)} |`);
  }
  return lines.join('\n');
}

export interface GeneratedSection {
  /** Marker name: the README holds `<!-- generated:NAME:start -->` … `<!-- generated:NAME:end -->`. */
  name: string;
  content: string;
}

/** Replaces each section's marked block; throws naming a section whose markers are missing. */
export function applySections(readme: string, sections: GeneratedSection[]): string {
  let out = readme;
  for (const { name, content } of sections) {
    const start = `<!-- generated:${name}:start -->`;
    const end = `<!-- generated:${name}:end -->`;
    const i = out.indexOf(start);
    const j = out.indexOf(end);
    if (i < 0 || j < i) throw new Error(`README.md has no ${start} … ${end} block for the generated ${name} section`);
    out = `${out.slice(0, i + start.length)}\n<!-- do not edit: node docs/generate.ts rewrites this block -->\n\n${content}\n\n${out.slice(j)}`;
  }
  return out;
}

export function generatedSections(): GeneratedSection[] {
  return [
    { name: 'action-inputs', content: renderActionInputs(readFileSync(`${root}/action.yml`, 'utf8')) },
    { name: 'config-reference', content: renderConfigReference() },
  ];
}

/** The README with its generated sections rewritten, formatted as `prettier --check` expects it. */
export async function regenerateReadme(readme: string, sections = generatedSections()): Promise<string> {
  const options = (await prettier.resolveConfig(`${root}/README.md`)) ?? {};
  return prettier.format(applySections(readme, sections), { ...options, parser: 'markdown' });
}

export async function main(argv: string[]): Promise<number> {
  const path = `${root}/README.md`;
  const current = readFileSync(path, 'utf8');
  const sections = generatedSections();
  const next = await regenerateReadme(current, sections);
  if (argv.includes('--check')) {
    const stale: string[] = [];
    for (const s of sections) if ((await regenerateReadme(current, [s])) !== current) stale.push(s.name);
    if (stale.length) {
      console.error(`README.md is stale in: ${stale.join(', ')}. Run: node docs/generate.ts`);
      return 1;
    }
    return 0;
  }
  if (next !== current) writeFileSync(path, next);
  console.log(next === current ? 'README.md is up to date' : 'README.md updated');
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
