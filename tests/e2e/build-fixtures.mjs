// Builds the fixture pages into .fixtures/: each fixtures/*.js(x) entry is
// bundled with esbuild together with the real editor library it imports
// (and that library's CSS); HTML and plain CSS files are copied.

import { build } from 'esbuild';
import { cp, mkdir, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const SOURCE = join(here, 'fixtures');
export const OUT = join(here, '.fixtures');

let built = null;

/** Builds once per process; later calls reuse the first build. */
export function buildFixtures() {
  built ??= (async () => {
    await mkdir(OUT, { recursive: true });
    const files = await readdir(SOURCE);
    const entries = files.filter((f) => /\.jsx?$/.test(f)).map((f) => join(SOURCE, f));
    await build({
      entryPoints: entries,
      outdir: OUT,
      bundle: true,
      format: 'iife',
      target: 'chrome120',
      jsx: 'automatic',
      minify: true,
      legalComments: 'none',
      logLevel: 'warning',
      define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    });
    // CSS named like an entry is that entry's bundle output; keep it.
    const bundled = new Set(files.filter((f) => /\.jsx?$/.test(f)).map((f) => f.replace(/\.jsx?$/, '.css')));
    for (const file of files.filter((f) => /\.(html|css)$/.test(f) && !bundled.has(f))) {
      await cp(join(SOURCE, file), join(OUT, file));
    }
  })();
  return built;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildFixtures();
  console.log(`fixtures built in ${OUT}`);
}
