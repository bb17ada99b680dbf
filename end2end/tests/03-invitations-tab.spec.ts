import { expect, Page, test } from '@playwright/test';
import { ADMIN, advanceClock, expectAccessible, expectNoPageOverflow, hydrated, linkIn, login, mailsTo } from './helpers';

// Runs after 02-invitations.spec.ts (noe@exemple.fr is still pending).
/** The URL of the Ventes group, read from the sidebar. */
async function ventes(page: Page): Promise<string> {
  const link = page.getByRole('navigation', { name: 'Groupes' }).getByRole('link', { name: /^Ventes/ });
  return (await link.getAttribute('href'))!;
}

async function openTab(page: Page, signIn = true) {
  if (signIn) {
    await login(page, ADMIN.email, ADMIN.password);
    await expect(page).toHaveURL('/');
  }
  await page.goto(`${await ventes(page)}/users/invitations`);
  // The title says where one is: the tab, of which group, under its path.
  await expect(page.getByRole('heading', { level: 1, name: 'Invitations — Ventes' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: "Fil d'Ariane" })).toHaveText(/Acme › Ventes.*Invitations/);
  await hydrated(page);
  await page.locator('.table-wrap[data-ready="true"]').waitFor();
}

function row(page: Page, email: string) {
  return page.getByRole('row').filter({ hasText: email });
}

test.describe.serial('the Invitations tab', () => {
  test('an admin invites four more people, and the tab lists them with their mail state', async ({ page }) => {
    await login(page, ADMIN.email, ADMIN.password);
    await expect(page).toHaveURL('/');
    await page.goto(`${await ventes(page)}/users/invite`);
    await hydrated(page);
    await page.getByLabel('Adresses e-mail').fill('a1@exemple.fr a2@exemple.fr a3@exemple.fr gone@exemple.fr');
    await page.getByRole('button', { name: 'INVITER' }).click();
    await expect(page.locator('.result-list li')).toHaveCount(4);
    await mailsTo('gone@exemple.fr');

    await openTab(page, false);
    for (const email of ['noe@exemple.fr', 'a1@exemple.fr', 'gone@exemple.fr']) {
      await expect(row(page, email)).toContainText('En attente');
    }
    await expect(row(page, 'lea@exemple.fr')).toHaveCount(0); // accepted: gone from the tab
    await expect(row(page, 'a1@exemple.fr')).toContainText('Envoyé');
    await expectAccessible(page);
    await expectNoPageOverflow(page);
  });

  test('cancelling one kills its link', async ({ page }) => {
    const [mail] = await mailsTo('gone@exemple.fr');
    const link = linkIn(mail, '/invitation\\?token=');
    await openTab(page);
    await row(page, 'gone@exemple.fr').getByRole('button', { name: "Annuler l'invitation" }).click();
    // One row is confirmed too: "Garder" keeps it, CONFIRMER cancels.
    const question = row(page, 'gone@exemple.fr').getByRole('alertdialog');
    await expect(question).toContainText("Annuler l'invitation de gone@exemple.fr ?");
    await expectAccessible(page);
    await question.getByRole('button', { name: 'Garder' }).click();
    await expect(question).toHaveCount(0);
    await expect(row(page, 'gone@exemple.fr')).toBeVisible();
    await row(page, 'gone@exemple.fr').getByRole('button', { name: "Annuler l'invitation" }).click();
    await row(page, 'gone@exemple.fr').getByRole('alertdialog').getByRole('button', { name: 'CONFIRMER' }).click();
    await expect(page.locator('.toast')).toContainText('Invitation annulée.');
    await expect(row(page, 'gone@exemple.fr')).toHaveCount(0);
    await page.goto(link);
    await expect(page.getByRole('alert')).toContainText('a été annulée');
  });

  test('re-sending one mails a new link and only that one works', async ({ page }) => {
    const [first] = await mailsTo('noe@exemple.fr', 1);
    const oldLink = linkIn(first, '/invitation\\?token=');
    // Past the once-a-minute limit on re-sends.
    await advanceClock(2);
    await openTab(page);
    await row(page, 'noe@exemple.fr').getByRole('button', { name: "Renvoyer l'invitation" }).click();
    // The outcome shows on the row it is about, right under it.
    const note = row(page, 'noe@exemple.fr').locator('xpath=following-sibling::tr[1]');
    await expect(note).toHaveClass(/row-note/);
    await expect(note.getByRole('status')).toContainText('Invitation renvoyée : le nouveau lien remplace les précédents.');
    const mails = await mailsTo('noe@exemple.fr', 2);
    const newLink = linkIn(mails[mails.length - 1], '/invitation\\?token=');
    expect(newLink).not.toBe(oldLink);
    await page.goto(oldLink);
    await expect(page.getByRole('alert')).toContainText('remplacé');
    await page.goto(newLink);
    await expect(page.getByRole('heading', { name: 'Bienvenue sur Onboard' })).toBeVisible();
  });

  test('copying a link issues a fresh one, and the mailed one keeps working', async ({ page }) => {
    const [mail] = await mailsTo('a2@exemple.fr', 1);
    const mailed = linkIn(mail, '/invitation\\?token=');
    await openTab(page);
    await row(page, 'a2@exemple.fr').getByRole('button', { name: 'Copier le lien' }).click();
    const issued = row(page, 'a2@exemple.fr').locator('xpath=following-sibling::tr[1]').locator('.copied-link');
    await expect(issued).toContainText('Le lien envoyé par e-mail reste valable');
    const copied = await page.locator('#issued-link').inputValue();
    expect(copied).toMatch(/\/invitation\?token=/);
    expect(copied).not.toBe(mailed);
    await issued.getByRole('button', { name: 'COPIER', exact: true }).click();
    await expect(issued).toContainText('Copié.');
    await expectAccessible(page);
    await expectNoPageOverflow(page);
    for (const link of [mailed, copied]) {
      await page.goto(link);
      await expect(page.getByRole('heading', { name: 'Bienvenue sur Onboard' })).toBeVisible();
    }
  });

  test('a bulk re-send of three, confirmed with its count, sends three mails', async ({ page }) => {
    await openTab(page);
    for (const email of ['a1@exemple.fr', 'a2@exemple.fr', 'a3@exemple.fr']) {
      await row(page, email).getByRole('checkbox').check();
    }
    await expect(page.getByText('3 sélectionnées')).toBeVisible();
    await page.getByRole('button', { name: 'Renvoyer la sélection' }).click();
    await expect(page.getByRole('alertdialog')).toContainText('3 invitations');
    await expectAccessible(page);
    await expectNoPageOverflow(page);
    await page.getByRole('button', { name: 'CONFIRMER' }).click();
    await expect(page.getByRole('status').first()).toContainText('3 traitées');
    for (const email of ['a1@exemple.fr', 'a2@exemple.fr', 'a3@exemple.fr']) {
      await mailsTo(email, 2);
    }

    // At once again: the once-a-minute limit holds them back, and says so.
    await page.locator('.table-wrap[data-ready="true"]').waitFor();
    for (const email of ['a1@exemple.fr', 'a2@exemple.fr', 'a3@exemple.fr']) {
      await row(page, email).getByRole('checkbox').check();
    }
    await page.getByRole('button', { name: 'Renvoyer la sélection' }).click();
    await page.getByRole('button', { name: 'CONFIRMER' }).click();
    // A run that did nothing says so, and is not shown as a success.
    const nothing = page.locator('.feedback').getByRole('status');
    await expect(nothing).toContainText('0 traitée · 3 ignorées');
    await expect(nothing).toHaveClass(/form-warning/);
    // Only the latest outcome shows: the earlier ones do not pile up.
    await expect(page.locator('.feedback [role="status"]')).toHaveCount(1);
    await expect(page.locator('.row-note')).toHaveCount(0);
  });

  test('after thirty days the filter "Expirée" lists the expired invitations', async ({ page }) => {
    await advanceClock(31 * 24 * 60);
    await openTab(page);
    await page.getByLabel('Statut').selectOption({ label: 'Expirée' });
    await page.getByRole('button', { name: 'FILTRER' }).click();
    await expect(page).toHaveURL(/status=expired/);
    for (const email of ['noe@exemple.fr', 'a1@exemple.fr']) {
      await expect(row(page, email)).toContainText('Expirée');
    }
    await expectAccessible(page);
    await expectNoPageOverflow(page);

    // Narrowed to one group (named by its path) and one inviter.
    await page.locator('.table-wrap[data-ready="true"]').waitFor();
    await page.getByLabel('Groupe', { exact: true }).selectOption({ label: 'Acme › Ventes › Paris Centre' });
    await page.getByLabel('Invité par', { exact: true }).selectOption({ label: `${ADMIN.firstName} ${ADMIN.lastName}` });
    await page.getByRole('button', { name: 'FILTRER' }).click();
    await expect(page).toHaveURL(/group=\d+/);
    await expect(page).toHaveURL(/inviter=\d+/);
    await page.locator('.table-wrap[data-ready="true"]').waitFor();
    await expect(row(page, 'noe@exemple.fr')).toContainText('Expirée');
    await expect(row(page, 'a1@exemple.fr')).toHaveCount(0);
  });
});
