import { CDPSession, expect, Page, test } from '@playwright/test';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { RELEASE_ADMIN } from '../playwright.release.config';
import { hydrated } from '../tests/helpers';

// What a first visit of the sign-in page may download, every response
// counted as it crossed the wire (headers included). A guard against
// growth: measured 487,895 B when written (the first piece of the split
// wasm, 465,237 B of brotli; 987,388 B before the split), 446,846 B once
// the translations were compiled (424,162 B of brotli), 367,801 B once
// component types were erased (347,086 B of brotli), 344,158 B once the
// texts came as the page language's script beside the wasm (wasm 313,486 B
// of brotli), 310.8 KiB once answers and page data came in postcard
// (wasm 287,512 B of brotli). The goal, a first download under 250 KB, is
// not reached yet.
const FIRST_VISIT_BUDGET = 335 * 1024;
// The first piece's gzip copy, for clients that do not take brotli: a
// guard against growth (533,757 B when written, rewritten with zopfli;
// cargo-leptos' own copy was 652,043 B; 442,447 B with erased components;
// 400,825 B without the texts; 362,687 B without a JSON decoder).
const FIRST_PIECE_GZIP_BUDGET = 380 * 1024;

type Response = { url: string; status: number; bytes: number; encoding?: string; cacheControl?: string; cached: boolean };

/** Records every response of `page` from now on, with its bytes on the wire. */
async function recordNetwork(page: Page): Promise<{ responses: Map<string, Response>; cdp: CDPSession }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const responses = new Map<string, Response>();
  const servedFromCache = new Set<string>();
  cdp.on('Network.requestServedFromCache', (e) => servedFromCache.add(e.requestId));
  cdp.on('Network.responseReceived', (e) => {
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    responses.set(e.requestId, {
      url: e.response.url,
      status: e.response.status,
      bytes: 0,
      encoding: headers['content-encoding'],
      cacheControl: headers['cache-control'],
      cached: Boolean(e.response.fromDiskCache || e.response.fromMemoryCache),
    });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const response = responses.get(e.requestId);
    if (response) {
      response.bytes = e.encodedDataLength;
      response.cached ||= servedFromCache.has(e.requestId);
    }
  });
  return { responses, cdp };
}

/** The console errors (a panic, a hydration mismatch) and uncaught
 * exceptions of `page`. Chromium's own line for an answer with an error
 * status (a refused sign-in is a 422) is not one. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource:')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

const wasmOf = (responses: Map<string, Response>) =>
  [...responses.values()].filter((r) => new URL(r.url).pathname.endsWith('.wasm'));

test('the sign-in page hydrates from brotli, hashed, immutable files within the budget, then comes from the cache', async ({ page }) => {
  const errors = collectErrors(page);
  const { responses } = await recordNetwork(page);
  await page.goto('/login');
  await hydrated(page);
  await page.waitForLoadState('networkidle');

  // The sign-in page needs the first piece only, none split off.
  const wasm = wasmOf(responses);
  expect(wasm.length).toBe(1);
  expect(new URL(wasm[0].url).pathname).toMatch(/^\/pkg\/onboard\.[A-Za-z0-9_-]{22}\.wasm$/);
  expect(wasm[0].encoding).toBe('br');
  expect(wasm[0].cacheControl).toContain('immutable');
  // The page language's texts come beside it, hashed and compressed too.
  const texts = [...responses.values()].filter((r) => /^\/texts\/fr\.[A-Za-z0-9_-]{22}\.js$/.test(new URL(r.url).pathname));
  expect(texts.length).toBe(1);
  expect(texts[0].encoding).toBe('br');
  expect(texts[0].cacheControl).toContain('immutable');
  const firstVisit = [...responses.values()].reduce((sum, r) => sum + r.bytes, 0);
  console.log(`sign-in page, first visit: ${firstVisit} B on the wire (wasm ${wasm[0].bytes} B, texts ${texts[0].bytes} B)`);
  expect(firstVisit).toBeLessThanOrEqual(FIRST_VISIT_BUDGET);
  // The page works once hydrated: a wrong password is answered in place.
  await page.getByLabel('E-mail ou identifiant').fill(RELEASE_ADMIN.email);
  await page.getByLabel('Mot de passe').fill('pas le bon mot de passe');
  await page.getByRole('button', { name: 'SE CONNECTER' }).click();
  await expect(page.getByRole('alert')).toHaveText('Identifiant ou mot de passe incorrect.');
  expect(errors).toEqual([]);

  // A repeat visit takes the hashed files from the cache.
  responses.clear();
  await page.goto('/login');
  await hydrated(page);
  await page.waitForLoadState('networkidle');
  const again = wasmOf(responses);
  expect(again.every((r) => r.cached)).toBe(true);
  expect([...responses.values()].filter((r) => new URL(r.url).pathname.startsWith('/texts/')).every((r) => r.cached)).toBe(true);
  const repeatVisit = [...responses.values()].filter((r) => !r.cached).reduce((sum, r) => sum + r.bytes, 0);
  console.log(`sign-in page, repeat visit: ${repeatVisit} B on the wire`);
  expect(repeatVisit).toBeLessThan(firstVisit / 10);
  expect(errors).toEqual([]);
});

test('a lazy screen fetches its own piece of wasm when opened, then works; a full load of it hydrates too', async ({ page }) => {
  const errors = collectErrors(page);
  const { responses } = await recordNetwork(page);
  await page.goto('/login');
  await hydrated(page);
  await page.getByLabel('E-mail ou identifiant').fill(RELEASE_ADMIN.email);
  await page.getByLabel('Mot de passe').fill(RELEASE_ADMIN.password);
  await page.getByRole('button', { name: 'SE CONNECTER' }).click();
  await expect(page).toHaveURL('/');
  await hydrated(page);
  // Moves inside the app: the hydrated router renders the group page...
  const ventes = page.getByRole('navigation', { name: 'Groupes' }).getByRole('link', { name: /^Ventes/ });
  const href = (await ventes.getAttribute('href'))!;
  await ventes.click();
  await expect(page.getByRole('heading', { name: 'Ventes', exact: true })).toBeVisible();
  const split = () => wasmOf(responses).filter((r) => /\/pkg\/split_.*invite_panel/.test(new URL(r.url).pathname));
  expect(split()).toEqual([]);
  // ...then the invite screen, whose code arrives only now.
  await page.getByLabel('Ajouter').click();
  await page.getByRole('link', { name: 'Utilisateur', exact: true }).click();
  await expect(page).toHaveURL(`${href}/users/invite`);
  await expect.poll(() => split().length).toBe(1);
  expect(split()[0].encoding).toBe('br');
  await page.getByLabel('Adresses e-mail').fill('premiere@exemple.fr, pas-une-adresse');
  await page.getByRole('button', { name: 'INVITER' }).click();
  await expect(page.locator('.result-list li')).toHaveCount(2);
  // Written by the browser from the shipped texts, in the page's language.
  await expect(page.locator('.result-list li').first()).toContainText('Invitation envoyée');

  // A full load of another lazy screen: the server renders it, the
  // browser fetches its piece before hydrating, and the page works.
  await page.goto(`${href}/users/invitations`);
  await expect(page.getByRole('heading', { level: 1, name: 'Invitations — Ventes' })).toBeVisible();
  await hydrated(page);
  await page.locator('.table-wrap[data-ready="true"]').waitFor();
  await expect(page.getByRole('row').filter({ hasText: 'premiere@exemple.fr' })).toBeVisible();
  expect(errors).toEqual([]);
});

/** A GET with the given headers, the body as sent (not decoded). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

test('a client that takes gzip only gets the first piece in a valid gzip copy within its budget', async ({ baseURL }) => {
  const page = await rawGet(`${baseURL}/login`, { 'accept-encoding': 'identity' });
  const wasmPath = page.body.toString('utf8').match(/\/pkg\/onboard\.[A-Za-z0-9_-]{22}\.wasm/)?.[0];
  expect(wasmPath).toBeTruthy();
  const plain = await rawGet(`${baseURL}${wasmPath}`, { 'accept-encoding': 'identity' });
  const gzip = await rawGet(`${baseURL}${wasmPath}`, { 'accept-encoding': 'gzip' });
  expect(plain.status).toBe(200);
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(gzip.status).toBe(200);
  expect(gzip.headers['content-encoding']).toBe('gzip');
  expect(gzip.headers['cache-control']).toContain('immutable');
  console.log(`first piece: ${plain.body.length} B plain, ${gzip.body.length} B gzip`);
  expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
  expect(gzip.body.length).toBeLessThanOrEqual(FIRST_PIECE_GZIP_BUDGET);
});
