// `npm run bench -- <name> [flags]`: runs bench/<name>.ts, which exports `main(argv: string[]): Promise<void>`.
import { readdirSync } from 'node:fs';

const here = new URL('.', import.meta.url);
const names = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts'))
  .map((f) => f.slice(0, -3));
const [name, ...argv] = process.argv.slice(2);
if (!name || !names.includes(name)) {
  console.error(`usage: npm run bench -- <${names.join('|') || 'name'}> [flags]`);
  process.exit(2);
}
const { main } = (await import(`./${name}.ts`)) as { main: (argv: string[]) => Promise<void> };
await main(argv);
