// Builds the sample web app: each src/*.ts becomes assets/<name>.js with an external source map (sources point
// back at src/, contents embedded), like a bundler's production build. Usage: node build.ts <out-dir>
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

export interface BuiltFile {
  js: string;
  map: string;
}

/** Compiles every `.ts` file of `srcDir` into `outDir/assets`; returns the written files (absolute paths). */
export async function buildWebApp(srcDir: string, outDir: string): Promise<BuiltFile[]> {
  const assets = join(outDir, 'assets');
  await mkdir(assets, { recursive: true });
  const names = (await readdir(srcDir)).filter((name) => name.endsWith('.ts')).sort();
  const built: BuiltFile[] = [];
  for (const name of names) {
    const source = await readFile(join(srcDir, name), 'utf8');
    const base = name.replace(/\.ts$/, '');
    const result = ts.transpileModule(source, {
      fileName: name,
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        sourceMap: true,
        inlineSources: true,
        rewriteRelativeImportExtensions: true,
        removeComments: true,
      },
    });
    const map = JSON.parse(result.sourceMapText ?? '{}') as { sources: string[]; file: string };
    map.file = `${base}.js`;
    map.sources = [relative(assets, join(srcDir, name)).split('\\').join('/')];
    const js = result.outputText.replace(/\/\/# sourceMappingURL=.*$/m, `//# sourceMappingURL=${base}.js.map`);
    const jsPath = join(assets, `${base}.js`);
    await writeFile(jsPath, js);
    await writeFile(`${jsPath}.map`, JSON.stringify(map));
    built.push({ js: jsPath, map: `${jsPath}.map` });
  }
  return built;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const here = dirname(fileURLToPath(import.meta.url));
  const out = resolve(process.argv[2] ?? join(here, 'dist'));
  const files = await buildWebApp(join(here, 'src'), out);
  for (const file of files) console.log(relative(process.cwd(), file.js));
}
