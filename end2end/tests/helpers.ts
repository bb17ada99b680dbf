import { expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const ADMIN = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@exemple.fr',
  password: 'une longue phrase secrète',
};

/** The one-time link the server wrote when it found no platform admin. */
export function setupLink(): string {
  const file = path.join(process.env.ONBOARD_E2E_DATA_DIR!, 'setup-link.txt');
  return fs.readFileSync(file, 'utf8').trim();
}

/** Fails on any axe-core violation of the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Waits until the wasm has hydrated the page, so clicks reach Leptos. */
export async function hydrated(page: Page) {
  if (process.env.ONBOARD_E2E_DEBUG && !(page as any).__logging) {
    (page as any).__logging = true;
    page.on('console', (m) => console.log('CONSOLE', m.type(), m.text().slice(0, 600)));
    page.on('pageerror', (e) => console.log('PAGEERROR', e.message.slice(0, 400)));
  }
  await page.locator('body[data-hydrated="true"]').waitFor({ state: 'attached' });
}

/** Signs in through the form. A sign-in that succeeds ends with a full
 * load of home (`go_home_after`), which may start after the router has
 * already shown `/`: unless `refused`, this waits for that load and its
 * hydration, so that the test's next `goto` cannot be interrupted by it. */
export async function login(page: Page, identifier: string, password: string, { refused = false } = {}) {
  await page.goto('/login');
  await hydrated(page);
  await page.getByLabel('E-mail ou identifiant').fill(identifier);
  await page.getByLabel('Mot de passe').fill(password);
  const loaded = refused ? null : page.waitForEvent('load');
  await page.getByRole('button', { name: 'SE CONNECTER' }).click();
  if (loaded) {
    await loaded;
    await hydrated(page);
  }
}

export type ReceivedMail = { subject: string; text: string; html: string; to: { address: string }[] };

/** Every mail MailDev received so far. */
export async function receivedMails(): Promise<ReceivedMail[]> {
  const response = await fetch(`${process.env.ONBOARD_E2E_MAIL_API}/email`);
  return (await response.json()) as ReceivedMail[];
}

/** Waits for the mails sent to `address` (at least `count`) and returns them, oldest first. */
export async function mailsTo(address: string, count = 1): Promise<ReceivedMail[]> {
  let found: ReceivedMail[] = [];
  await expect
    .poll(
      async () => {
        found = (await receivedMails()).filter((m) => m.to.some((t) => t.address === address));
        return found.length;
      },
      { timeout: 20_000, message: `mail to ${address}` },
    )
    .toBeGreaterThanOrEqual(count);
  return found;
}

/** The first link of a mail's text part that contains `fragment`. */
export function linkIn(mail: ReceivedMail, fragment: string): string {
  const match = mail.text.match(new RegExp(`https?://\\S*${fragment}\\S*`));
  if (!match) throw new Error(`no link with ${fragment} in: ${mail.text}`);
  return match[0];
}

/** Moves the server's clock forward (browser-test builds only). */
export async function advanceClock(minutes: number) {
  const port = process.env.ONBOARD_E2E_PORT ?? '3100';
  const response = await fetch(`http://127.0.0.1:${port}/test/advance-clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `minutes=${minutes}`,
  });
  expect(response.ok).toBeTruthy();
}

/**
 * No page scrolls sideways, on a laptop (1280 px) or a phone (390 px): a
 * wide table scrolls inside its own frame. Leaves the viewport at 1280×800.
 */
export async function expectNoPageOverflow(page: Page) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 800 });
    await expect
      .poll(
        () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        { message: `horizontal overflow at ${width} px on ${page.url()}`, timeout: 2_000 },
      )
      .toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/**
 * With ONBOARD_E2E_SHOTS=<dir>, saves the page at 1280 and 390 px wide
 * (full page) as <dir>/<name>-<width>.png, for a person to look at.
 */
export async function shot(page: Page, name: string) {
  const dir = process.env.ONBOARD_E2E_SHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: path.join(dir, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}
