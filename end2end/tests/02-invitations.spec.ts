import { expect, test } from '@playwright/test';
import { ADMIN, expectAccessible, expectNoPageOverflow, hydrated, linkIn, login, mailsTo } from './helpers';

// Runs after 01-foundation.spec.ts: the admin exists and the demo tree is
// Acme (privé) › Ventes (public) › Paris Centre (public).
test.describe.serial('invite by e-mail', () => {
  let leaLink = '';

  test('an admin invites two addresses from the panel and sees one outcome per address', async ({ page }) => {
    await login(page, ADMIN.email, ADMIN.password);
    await expect(page).toHaveURL('/');
    await page.getByRole('navigation', { name: 'Groupes' }).getByRole('link', { name: /^Paris Centre/ }).click();
    await expect(page.getByRole('heading', { name: 'Paris Centre' })).toBeVisible();
    await page.getByLabel('Ajouter').click();
    await page.getByRole('link', { name: 'Utilisateur', exact: true }).click();
    // Like the Invitations tab: the breadcrumb links back by the whole path,
    // the title names the group.
    await expect(page.getByRole('heading', { level: 1, name: 'Ajouter des utilisateurs — Paris Centre' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: "Fil d'Ariane" }).getByRole('link')).toHaveText('Acme › Ventes › Paris Centre');
    await hydrated(page);
    await expectAccessible(page);
    await expectNoPageOverflow(page);

    await page.getByLabel('Adresses e-mail').fill('Léa Martin <lea@exemple.fr>; noe@exemple.fr, pas-une-adresse');
    await expect(page.getByLabel('Apprenant')).toBeChecked();
    await page.getByRole('button', { name: 'INVITER' }).click();

    const results = page.locator('.result-list');
    await expect(results.locator('li')).toHaveCount(3);
    await expect(results.locator('li').nth(0)).toContainText('lea@exemple.fr');
    await expect(results.locator('li').nth(0)).toContainText('Invitation envoyée');
    await expect(results.locator('li').nth(1)).toContainText('noe@exemple.fr');
    await expect(results.locator('li').nth(2)).toContainText('Adresse invalide : il manque le @');
    // A summary by outcome; only the invalid entry stays in the field, to correct.
    await expect(page.locator('.result-summary')).toHaveText('2 invitées · 1 invalide');
    await expect(page.getByLabel('Adresses e-mail')).toHaveValue('pas-une-adresse');
    await expectAccessible(page);
    await expectNoPageOverflow(page);
  });

  test('each invitee receives a French mail with a link', async () => {
    const [lea] = await mailsTo('lea@exemple.fr');
    const [noe] = await mailsTo('noe@exemple.fr');
    for (const mail of [lea, noe]) {
      expect(mail.subject).toBe('Ada Lovelace vous invite sur Onboard');
      expect(mail.text).toContain('Acme › Ventes › Paris Centre');
    }
    leaLink = linkIn(lea, '/invitation\\?token=');
  });

  test('the invitee completes the first-login form and lands signed in, in the right groups', async ({ page }) => {
    await page.goto(leaLink);
    await hydrated(page);
    await expect(page.getByRole('heading', { name: 'Bienvenue sur Onboard' })).toBeVisible();
    await expect(page.getByLabel('E-mail', { exact: true })).toHaveValue('lea@exemple.fr');
    await expect(page.getByLabel('E-mail', { exact: true })).not.toBeEditable();
    await expectAccessible(page);
    await expectNoPageOverflow(page);
    await page.getByLabel('Prénom').fill('Léa');
    await page.getByLabel('Nom', { exact: true }).fill('Martin');
    await page.getByLabel('Mot de passe', { exact: true }).fill('un mot de passe solide');
    // A confirmation that differs is said under it; nothing typed is lost.
    await page.getByLabel('Confirmer le mot de passe').fill('un mot de passe solido');
    await page.getByRole('button', { name: 'ACTIVER MON COMPTE' }).click();
    await expect(page.locator('#password_confirm-error')).toHaveText('Les deux mots de passe ne sont pas identiques.');
    await expect(page.getByLabel('Confirmer le mot de passe')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Prénom')).toHaveValue('Léa');
    await expectAccessible(page);
    await page.getByLabel('Confirmer le mot de passe').fill('un mot de passe solide');
    await page.getByRole('button', { name: 'ACTIVER MON COMPTE' }).click();

    await expect(page).toHaveURL('/');
    // A home made for someone who administers nothing: their groups and profile.
    await expect(page.getByRole('heading', { name: 'Bienvenue, Léa' })).toBeVisible();
    const groups = page.getByRole('region', { name: 'Vos groupes' });
    await expect(groups).toContainText('Acme › Ventes › Paris Centre — Apprenant');
    await expect(groups).toContainText('Acme — Apprenant');
    const profile = page.getByRole('region', { name: 'Votre profil' });
    await expect(profile).toContainText('Léa Martin');
    await expect(profile).toContainText('lea@exemple.fr');
    await expect(profile).toContainText('Français');
    await expect(page.getByText('pour voir ses utilisateurs')).toHaveCount(0);
    await expectAccessible(page);
    await expectNoPageOverflow(page);
    const sidebar = page.getByRole('navigation', { name: 'Groupes' });
    // Learner of Paris Centre (public), so of Ventes (public) and Acme (private, included).
    for (const name of ['Acme', 'Ventes', 'Paris Centre']) {
      await expect(sidebar.getByRole('link', { name: new RegExp(`^${name}`) })).toBeVisible();
    }
    await expect(sidebar.getByRole('link', { name: /^Support/ })).toHaveCount(0);
  });

  test('reusing the link shows that it was already used', async ({ page }) => {
    await page.goto(leaLink);
    await expect(page.getByRole('heading', { name: 'Invitation indisponible' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('déjà été utilisée');
    await expectAccessible(page);
    await expectNoPageOverflow(page);
  });

  test('the new member shows in the users of the group and of its ancestors', async ({ page }) => {
    await login(page, ADMIN.email, ADMIN.password);
    await expect(page).toHaveURL('/');
    for (const name of ['Paris Centre', 'Ventes', 'Acme']) {
      await page.getByRole('navigation', { name: 'Groupes' }).getByRole('link', { name: new RegExp(`^${name}`) }).click();
      await expect(page.getByRole('heading', { name })).toBeVisible();
      const row = page.getByRole('row').filter({ hasText: 'lea@exemple.fr' });
      await expect(row).toContainText('Léa Martin');
      await expect(row).toContainText('Apprenant');
      await expect(row).toContainText('Actif');
    }
  });
});

test.describe('a third language', () => {
  test('the switch offers Nederlands and the sign-in page speaks Dutch', async ({ page }) => {
    await page.goto('/login');
    await hydrated(page);
    await page.getByRole('button', { name: 'NL' }).click();
    await expect(page.getByRole('heading', { name: 'Aanmelden' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expectAccessible(page);
    await expectNoPageOverflow(page);
    await page.getByRole('button', { name: 'FR' }).click();
    await expect(page.getByRole('heading', { name: 'Connexion' })).toBeVisible();
  });

  test('an invitation in Dutch is mailed in Dutch and opens in Dutch', async ({ page, browser }) => {
    await login(page, ADMIN.email, ADMIN.password);
    await expect(page).toHaveURL('/');
    await page.getByRole('navigation', { name: 'Groupes' }).getByRole('link', { name: /^Paris Centre/ }).click();
    await page.getByLabel('Ajouter').click();
    await page.getByRole('link', { name: 'Utilisateur', exact: true }).click();
    await hydrated(page);
    await page.getByLabel('Adresses e-mail').fill('jan@voorbeeld.be');
    await page.getByText('Options').click();
    await page.getByLabel("Langue de l'invité").selectOption({ label: 'Nederlands' });
    await page.getByRole('button', { name: 'INVITER' }).click();
    await expect(page.locator('.result-list li')).toContainText('Invitation envoyée');
    const [mail] = await mailsTo('jan@voorbeeld.be');
    expect(mail.subject).toBe('Ada Lovelace nodigt u uit op Onboard');
    expect(mail.text).toContain('Acme › Ventes › Paris Centre');
    expect(mail.text).toContain('Open deze link om de uitnodiging te aanvaarden:');
    expect(mail.html).toContain('<html lang="nl">');

    // The first-login page speaks the invitation's language to a visitor
    // who chose none, and the switch still changes it.
    const invitee = await (await browser.newContext()).newPage();
    await invitee.goto(linkIn(mail, '/invitation\\?token='));
    await hydrated(invitee);
    await expect(invitee.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(invitee.getByRole('heading', { name: 'Welkom bij Onboard' })).toBeVisible();
    await expect(invitee.getByRole('button', { name: 'MIJN ACCOUNT ACTIVEREN' })).toBeVisible();
    await expectAccessible(invitee);
    await invitee.getByRole('button', { name: 'FR' }).click();
    await expect(invitee.getByRole('heading', { name: 'Bienvenue sur Onboard' })).toBeVisible();
  });
});
