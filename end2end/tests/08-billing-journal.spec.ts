import { readFileSync } from 'node:fs';
import { expect, Page, test } from '@playwright/test';
import { ADMIN, expectAccessible, expectNoPageOverflow, hydrated, login } from './helpers';

// After the seat specs: the platform has members, guests and a history of
// changes to show.
async function download(page: Page, link: ReturnType<Page['getByRole']>) {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path!) };
}

test.describe.serial('billing and the audit log', () => {
  // A browser away from the platform's zone: the log's dates follow it.
  test.use({ timezoneId: 'America/Toronto' });

  test('the billing page counts the billable members and exports the list behind a month', async ({ page }) => {
    await login(page, ADMIN.email, ADMIN.password);
    await expect(page).toHaveURL('/');
    // The sign-in's own navigation home must be over before the next one.
    await page.waitForLoadState('networkidle');
    await page.goto('/settings/platform');
    await hydrated(page);
    const used = (await page.locator('#seat-limit-usage').innerText()).match(/(\d+)/)![1];

    await page.locator('.user-menu summary').click();
    await page.getByRole('link', { name: 'Facturation' }).click();
    await expect(page).toHaveURL('/billing');
    await hydrated(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Facturation' })).toBeVisible();
    await expect(page.locator('.big-number strong')).toHaveText(used);
    // Months are the platform's, whatever the browser's zone.
    await expect(page.getByText('fuseau Europe/Paris')).toBeVisible();
    // This month's row of the history ends on today's count, and its list
    // holds as many people.
    const current = page.locator('.billing-history tbody tr').first();
    await expect(current.locator('td').nth(2)).toHaveText(used);
    await expect(page.locator('.list-header h2')).toContainText(`${used} membre`);
    await expect(page.locator('.billing-list tbody tr')).toHaveCount(Number(used));
    await expect(page.locator('.billing-list')).toContainText(ADMIN.email);
    await expect(page.locator('.chart svg rect.bar')).toHaveCount(12);
    await expectAccessible(page);
    await expectNoPageOverflow(page);

    const csv = await download(page, page.getByRole('link', { name: 'Exporter en CSV' }));
    expect(csv.name).toMatch(/^facturation-\d{4}-\d{2}\.csv$/);
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFFNom,E-mail,Facturé depuis,Comment')).toBe(true);
    expect(text).toContain(ADMIN.email);
    expect(text.trim().split('\r\n')).toHaveLength(Number(used) + 1);
    const xlsx = await download(page, page.getByRole('link', { name: 'Exporter en Excel (XLSX)' }));
    expect(xlsx.name).toMatch(/\.xlsx$/);
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');

    // A month of the history opens its own list, bookmarkable.
    await page.locator('.billing-history tbody tr').nth(1).locator('a').click();
    await expect(page).toHaveURL(/\/billing\?month=\d{4}-\d{2}$/);
    await expect(page.locator('.billing-history tr.selected')).toHaveCount(1);
  });

  test('the audit log says who did what in sentences, filters by URL and exports', async ({ page }) => {
    await login(page, ADMIN.email, ADMIN.password);
    await expect(page).toHaveURL('/');
    // The sign-in's own navigation home must be over before the next one.
    await page.waitForLoadState('networkidle');
    await page.goto('/journal');
    await hydrated(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Journal' })).toBeVisible();
    const rows = page.locator('table.journal tbody tr');
    await expect(rows.first()).toBeVisible();
    // Sentences, not codes.
    await expect(page.locator('table.journal')).not.toContainText('invitation.created');
    await expect(page.locator('table.journal')).toContainText('Invitation envoyée');
    await expect(page.getByText('Heures du fuseau America/Toronto.')).toBeVisible();
    await expectAccessible(page);
    await expectNoPageOverflow(page);

    await page.getByLabel('Action').selectOption({ label: 'Type de compte changé' });
    await page.getByLabel('Concerne (e-mail)').fill('marthe@exemple.fr');
    await page.getByRole('button', { name: 'FILTRER' }).click();
    await expect(page).toHaveURL(/action=account\.type_changed/);
    await expect(page).toHaveURL(/person=marthe%40exemple\.fr/);
    await expect(rows.first()).toContainText('Type de compte changé');
    await expect(rows.first()).toContainText('Marthe Gautier');
    await expect(page.locator('table.journal')).toContainText('Membre → Invité');
    // The same URL opened afresh shows the same filtered page.
    await page.reload();
    await expect(page.getByLabel('Action')).toHaveValue('account.type_changed');
    await expect(rows.first()).toContainText('Marthe Gautier');

    const csv = await download(page, page.getByRole('link', { name: 'Exporter en CSV' }));
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFFQuand,Qui,Action,Concerne,Groupe,Détails')).toBe(true);
    expect(text).toContain('Type de compte changé');
    expect(text).toContain('Marthe Gautier');
    expect(text).not.toContain('Invitation envoyée');

    await page.goto('/journal?from=2026-13-40');
    await expect(page.getByRole('alert')).toContainText('Date invalide');
  });
});
