// Benchmark: the bytes a browser downloads for the first pages — the
// sign-in page and a group page — on a first visit (empty cache) and a
// repeat visit (same browser), read from Chromium's network log
// (`encodedDataLength`: what crossed the wire, headers included), and the
// size of every file of the site's /pkg/ (raw, gzip, brotli).
//
// Run by scripts/bench-bytes, which builds the release and starts it:
//   node bench/first-page-bytes.mjs <base-url> <site-root> <admin-email> <admin-password>
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright';

const [base, siteRoot, email, password] = process.argv.slice(2);
if (!password) {
  console.error('usage: first-page-bytes.mjs <base-url> <site-root> <admin-email> <admin-password>');
  process.exit(2);
}

const kb = (n) => `${(n / 1024).toFixed(1).padStart(8)} KiB`;

// ---------------------------------------------------------- files of /pkg/
const pkg = path.join(siteRoot, 'pkg');
const files = fs.readdirSync(pkg).filter((f) => !f.endsWith('.gz') && !f.endsWith('.br')).sort();
const size = (name) => (fs.existsSync(path.join(pkg, name)) ? fs.statSync(path.join(pkg, name)).size : NaN);
const sizes = (f) => [size(f), size(`${f}.gz`), size(`${f}.br`)];
const line = (name, [raw, gz, br]) => console.log(`  ${name.padEnd(72)} ${kb(raw)} ${kb(gz)} ${kb(br)}`);
// The first piece and the files of the page, then each lazy screen's
// piece, then the pieces lazy screens share (many small ones) summed.
console.log(`files of ${pkg} (raw / gzip / brotli):`);
const shared = files.filter((f) => f.startsWith('chunk_'));
for (const f of files.filter((f) => !f.startsWith('chunk_'))) line(f, sizes(f));
const total = shared.map(sizes).reduce((a, b) => a.map((x, i) => x + b[i]), [0, 0, 0]);
line(`${shared.length} shared pieces (chunk_*.wasm), in all`, total);
for (const f of shared.sort((a, b) => size(b) - size(a)).slice(0, 5)) line(`  largest: ${f}`, sizes(f));

// ------------------------------------------------------------ the browser
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** Opens `url` in `page` and sums what crossed the wire until hydration. */
async function visit(page, url) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const byId = new Map();
  cdp.on('Network.responseReceived', (e) => {
    byId.set(e.requestId, { url: e.response.url, fromCache: e.response.fromDiskCache || e.response.fromMemoryCache, status: e.response.status, bytes: 0 });
  });
  // A memory-cache hit says so in its own event.
  const servedFromCache = new Set();
  cdp.on('Network.requestServedFromCache', (e) => servedFromCache.add(e.requestId));
  cdp.on('Network.loadingFinished', (e) => {
    const entry = byId.get(e.requestId);
    if (entry) {
      entry.bytes = e.encodedDataLength;
      entry.fromCache ||= servedFromCache.has(e.requestId);
    }
  });
  await page.goto(url);
  await page.locator('body[data-hydrated="true"]').waitFor({ state: 'attached', timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  await cdp.detach();
  const entries = [...byId.values()];
  const total = entries.reduce((sum, e) => sum + e.bytes, 0);
  return { total, entries };
}

function report(title, { total, entries }) {
  console.log(`${title}: ${kb(total)} on the wire, ${entries.length} responses`);
  for (const e of entries) {
    const name = new URL(e.url).pathname;
    console.log(`    ${String(e.status).padEnd(4)} ${name.padEnd(44)} ${kb(e.bytes)}${e.fromCache ? ' (cache)' : ''}`);
  }
}

const context = await browser.newContext({ locale: 'fr-FR' });
const page = await context.newPage();
report('sign-in page, first visit', await visit(page, `${base}/login`));
report('sign-in page, repeat visit', await visit(page, `${base}/login`));

const signIn = await context.request.post(`${base}/api/auth/login`, {
  headers: { Origin: base },
  form: { 'input[identifier]': email, 'input[password]': password },
});
if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()}`);
// The first group of the tree (the demo's Acme), as the home links it.
await page.goto(`${base}/`);
const href = await page.locator('a[href^="/groups/"]').first().getAttribute('href');
const groupUrl = `${base}${href.split('/').slice(0, 3).join('/')}`;

const fresh = await browser.newContext({ locale: 'fr-FR', storageState: await context.storageState() });
const groupPage = await fresh.newPage();
report(`group page ${new URL(groupUrl).pathname}, first visit`, await visit(groupPage, groupUrl));
report('group page, repeat visit', await visit(groupPage, groupUrl));
await browser.close();
