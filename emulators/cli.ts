// `npm run emulator -- <sentry|github> [flags]`: starts one emulator standalone and serves until killed.
// Each emulator folder has a main.ts exporting `main(argv: string[]): Promise<void>`.
const [name, ...argv] = process.argv.slice(2);
const known = ['sentry', 'github'];
if (!name || !known.includes(name)) {
  console.error(`usage: npm run emulator -- <${known.join('|')}> [--port N] [--token T]`);
  process.exit(2);
}
const { main } = (await import(`./${name}/main.ts`)) as { main: (argv: string[]) => Promise<void> };
await main(argv);
