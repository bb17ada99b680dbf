import { expect, Page, test } from '@playwright/test';
import { ADMIN, expectAccessible, expectNoPageOverflow, hydrated, linkIn, login, mailsTo } from './helpers';

// Runs last: the platform has members from the earlier specs. The limit is
// set to exactly the members counted, so every seat is taken, and lifted
// again at the end.
async function openVentes(page: Page, tab: string) {
  const ventes = page.getByRole('navigation', { name: 'Groupes' }).getByRole('link', { name: /^Ventes/ });
  await page.goto(`${await ventes.getAttribute('href')}/users/${tab}`);
  await hydrated(page);
}

async function setSeatLimit(page: Page, limit: string) {
  await page.goto('/settings/platform');
  await hydrated(page);
  await page.getByLabel('Limite de places').fill(limit);
  await page.getByRole('button', { name: 'ENREGISTRER' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Paramètres enregistrés.' })).toBeVisible();
}

test.describe.serial('guests, members and the seat limit', () => {
  let holderPage = '';

  test('a guest is offered the learner role only; a member takes a seat', async ({ page }) => {
    await login(page, ADMIN.email, ADMIN.password);
    await expect(page).toHaveURL('/');
    await openVentes(page, 'create');
    await page.getByLabel('Prénom').fill('Marthe');
    await page.getByLabel('Nom', { exact: true }).fill('Gautier');
    await page.getByLabel('E-mail', { exact: true }).fill('marthe@exemple.fr');
    await page.getByLabel('Mot de passe', { exact: true }).fill('une place pour marthe');
    await page.getByLabel('Confirmer le mot de passe').fill('une place pour marthe');
    // Choosing Invité greys out every role but Apprenant.
    await page.locator('summary', { hasText: 'Options' }).click();
    await page.getByLabel(/^Invité/).check();
    await expect(page.getByLabel('Animateur')).toBeDisabled();
    await expect(page.getByLabel('Apprenant')).toBeEnabled();
    await expect(page.getByText('Un invité n\'a que le rôle Apprenant.')).toBeVisible();
    await page.getByLabel(/^Membre/).check();
    await expect(page.getByLabel('Animateur')).toBeEnabled();
    await page.getByRole('button', { name: 'CRÉER COMPTE' }).click();
    const result = page.locator('.results.ok');
    await expect(result).toContainText('Compte créé : Marthe Gautier');
    await result.getByRole('link', { name: 'Voir la fiche' }).click();
    await expect(page.getByRole('heading', { name: 'Marthe Gautier' })).toBeVisible();
    holderPage = page.url();
  });

  test('with every seat taken, an invitee completes the form and waits; the admins get one mail', async ({ page }) => {
    await login(page, ADMIN.email, ADMIN.password);
    await expect(page).toHaveURL('/');
    await page.goto('/settings/platform');
    await hydrated(page);
    const usage = await page.locator('#seat-limit-usage').innerText();
    const used = usage.match(/(\d+)/)![1];
    await setSeatLimit(page, used);
    await expect(page.locator('#seat-limit-usage')).toHaveText(`Places : ${used} / ${used}`);
    await expectAccessible(page);
    await expectNoPageOverflow(page);

    // INVITER says the seats and how many the typed addresses would use.
    await openVentes(page, 'invite');
    await page.getByLabel('Adresses e-mail').fill('marguerite@exemple.fr');
    const seats = page.locator('.seat-line');
    await expect(seats).toContainText(`Places : ${used} / ${used}`);
    await expect(seats).toContainText('Cette action en utilisera au plus 1.');
    await expect(seats).toContainText('Aucune place libre');
    // A guest takes no seat: choosing Invité lifts the warning, Membre brings it back.
    await page.locator('summary', { hasText: 'Options' }).click();
    await page.getByLabel(/^Invité/).check();
    await expect(seats).not.toContainText('Aucune place libre');
    await expect(seats).not.toContainText('Cette action en utilisera');
    await page.getByLabel(/^Membre/).check();
    await expect(seats).toContainText('Aucune place libre');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'INVITER' }).click();
    await expect(page.locator('.result-list li').first()).toContainText('Invitation envoyée');

    const [invitation] = await mailsTo('marguerite@exemple.fr');
    const link = linkIn(invitation, '/invitation\\?token=');
    await page.context().clearCookies();
    await page.goto(link);
    await hydrated(page);
    await page.getByLabel('Prénom').fill('Marguerite');
    await page.getByLabel('Nom', { exact: true }).fill('Perey');
    await page.getByLabel('Mot de passe', { exact: true }).fill('radioactivité artificielle');
    await page.getByLabel('Confirmer le mot de passe').fill('radioactivité artificielle');
    await page.getByRole('button', { name: 'ACTIVER MON COMPTE' }).click();
    await expect(page.getByRole('heading', { name: 'Votre compte est presque prêt' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('dès qu\'une place se libérera');
    await expectAccessible(page);
    await expectNoPageOverflow(page);
    // The link shows the same page again, without the form.
    await page.goto(link);
    await expect(page.getByRole('heading', { name: 'Votre compte est presque prêt' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'ACTIVER MON COMPTE' })).toHaveCount(0);

    const told = await mailsTo(ADMIN.email);
    const waiting = told.filter((m) => m.subject === 'Une personne attend une place');
    expect(waiting).toHaveLength(1);
    expect(waiting[0].text).toContain('Marguerite Perey (marguerite@exemple.fr)');
  });

  test('the Invitations tab shows who waits; turning a member into a guest lets the invitee in', async ({ page }) => {
    await login(page, ADMIN.email, ADMIN.password);
    await expect(page).toHaveURL('/');
    await openVentes(page, 'invitations?status=awaiting_seat');
    const row = page.getByRole('row').filter({ hasText: 'marguerite@exemple.fr' });
    await expect(row).toContainText('En attente d\'une place');
    await expect(row.getByRole('button', { name: 'Activer' })).toBeVisible();
    await expectAccessible(page);
    await expectNoPageOverflow(page);

    await page.goto(holderPage);
    await hydrated(page);
    await page.getByRole('button', { name: 'Passer en invité' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Passé en invité' })).toBeVisible();
    await expect(page.locator('.title-row .badge')).toHaveText('Invité');
    await expect(page.getByRole('button', { name: 'Passer en membre' })).toBeVisible();
    await expectAccessible(page);
    await expectNoPageOverflow(page);

    const opened = (await mailsTo('marguerite@exemple.fr', 2)).filter((m) => m.subject === 'Votre compte est ouvert');
    expect(opened).toHaveLength(1);
    await page.context().clearCookies();
    await login(page, 'marguerite@exemple.fr', 'radioactivité artificielle');
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('heading', { name: 'Bienvenue, Marguerite' })).toBeVisible();
  });

  test('back to member: refused while no seat is free, with the count; lifting the limit lets it through', async ({ page }) => {
    await login(page, ADMIN.email, ADMIN.password);
    await expect(page).toHaveURL('/');
    await page.goto(holderPage);
    await hydrated(page);
    await page.getByRole('button', { name: 'Passer en membre' }).click();
    await expect(page.getByRole('alert')).toContainText('Aucune place libre');
    await expect(page.locator('.title-row .badge')).toHaveText('Invité');
    await setSeatLimit(page, '');
    await expect(page.locator('#seat-limit-usage')).toContainText('pas de limite');
    await page.goto(holderPage);
    await hydrated(page);
    await page.getByRole('button', { name: 'Passer en membre' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Passé en membre' })).toBeVisible();
    await expect(page.locator('.title-row .badge')).toHaveText('Membre');
  });
});
