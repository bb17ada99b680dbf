// Rewrites the gzip copy of every precompressed file of a site with zopfli.
//
// `cargo leptos build --precompress` writes its gzip copies with libflate,
// whose output is about 15% larger than zlib's best level and 20% larger
// than zopfli's (the first wasm piece: 677 KB, 588 KB, 556 KB). Browsers
// that take brotli are not concerned (its copy is already at quality 11);
// a client limited to gzip downloads the difference on every first visit.
// Zopfli writes plain deflate streams that any gzip reader inflates.
//
// Usage: node tools/gzip-best.mjs target/site
import { gzipAsync } from '@gfx/zopfli';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

const root = process.argv[2];
if (!root) {
  console.error('usage: node tools/gzip-best.mjs SITE_DIR');
  process.exit(2);
}

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

const started = Date.now();
let before = 0;
let after = 0;
let count = 0;
for await (const gz of files(root)) {
  if (!gz.endsWith('.gz')) continue;
  const plain = gz.slice(0, -3);
  let source;
  try {
    source = await readFile(plain);
  } catch {
    continue; // a .gz of its own, not a precompressed copy
  }
  const old = (await stat(gz)).size;
  // Fewer iterations for large files: the gain flattens after a few and
  // the time grows with each.
  const numiterations = source.length > 256 * 1024 ? 5 : 15;
  const best = Buffer.from(await gzipAsync(source, { numiterations }));
  before += old;
  count += 1;
  if (best.length < old) {
    await writeFile(gz, best);
    after += best.length;
  } else {
    after += old;
  }
}
console.log(
  `gzip copies rewritten with zopfli: ${count} files, ${before} -> ${after} B ` +
    `(${((1 - after / Math.max(before, 1)) * 100).toFixed(1)}% less) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
