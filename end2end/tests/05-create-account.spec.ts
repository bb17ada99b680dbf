import { expect, Page, test } from '@playwright/test';
import { ADMIN, expectAccessible, expectNoPageOverflow, hydrated, linkIn, login, mailsTo } from './helpers';

/** Opens `+ → Utilisateur → Créer un compte` on Ventes, signed in as the admin. */
async function openCreatePanel(page: Page) {
  await login(page, ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL('/');
  const ventes = page.getByRole('navigation', { name: 'Groupes' }).getByRole('link', { name: /^Ventes/ });
  await page.goto(`${await ventes.getAttribute('href')}/users/invite`);
  await hydrated(page);
  await page.getByRole('link', { name: 'Créer un compte' }).click();
  await expect(page.getByRole('button', { name: 'CRÉER COMPTE' })).toBeVisible();
  await hydrated(page);
}

test.describe.serial('creating accounts directly', () => {
  test('a platform admin defines a custom field', async ({ page }) => {
    await login(page, ADMIN.email, ADMIN.password);
    await expect(page).toHaveURL('/');
    await page.goto('/settings/fields');
    await hydrated(page);
    await expect(page.getByText('Aucun champ personnalisé pour l\'instant.')).toBeVisible();
    await page.getByLabel('Libellé (français)').fill('Matricule');
    await page.getByLabel('Libellé (anglais)').fill('Employee number');
    await page.getByLabel('Clé').fill('matricule');
    await page.getByLabel('Type').selectOption({ label: 'Nombre' });
    await page.getByRole('button', { name: 'AJOUTER LE CHAMP' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Champ ajouté.' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: 'Employee number' })).toContainText('Nombre');
    await expectAccessible(page);
    await expectNoPageOverflow(page);
  });

  test('an account in two groups gets a set-password mail, and its link signs the person in', async ({ page }) => {
    await openCreatePanel(page);
    await page.getByLabel('Prénom').fill('Paul');
    await page.getByLabel('Nom', { exact: true }).fill('Langevin');
    await page.getByLabel('E-mail', { exact: true }).fill('paul@exemple.fr');
    await page.getByLabel('Envoyer ces nouveaux identifiants par e-mail').check();

    // Ventes is chosen already; add Support through the chooser.
    const chooser = page.locator('.group-chooser');
    await expect(chooser.locator('.chip')).toHaveText([/Acme › Ventes/]);
    await chooser.getByText('Ajouter des groupes').click();
    await chooser.getByLabel('Rechercher un groupe').fill('supp');
    await chooser.getByLabel('Support').check();
    await expectAccessible(page);
    await expectNoPageOverflow(page);
    await chooser.getByRole('button', { name: 'VALIDER' }).click();
    await expect(chooser.locator('.chip')).toHaveText([/Acme › Support/, /Acme › Ventes/]);

    // A custom field is checked by type, and the message names it.
    await page.getByLabel('Matricule').fill('douze');
    await page.getByRole('button', { name: 'CRÉER COMPTE' }).click();
    await expect(page.getByRole('alert')).toContainText('corrigez les champs signalés');
    await expect(page.locator('#custom-matricule-error')).toContainText('un nombre est attendu');
    await page.getByLabel('Matricule').fill('1 234');
    await page.getByRole('button', { name: 'CRÉER COMPTE' }).click();
    const result = page.locator('.results.ok');
    await expect(result).toContainText('Compte créé : Paul Langevin');
    await expect(result).toContainText('Un e-mail lui a été envoyé');
    await expectAccessible(page);
    await expectNoPageOverflow(page);

    // The user's page shows the groups and the value, and offers a re-send.
    await result.getByRole('link', { name: 'Voir la fiche' }).click();
    await expect(page.getByRole('heading', { name: 'Paul Langevin' })).toBeVisible();
    await expect(page.locator('.group-roles')).toContainText('Acme › Support — Apprenant');
    await expect(page.locator('.group-roles')).toContainText('Acme › Ventes — Apprenant');
    await expect(page.getByLabel('Matricule')).toHaveValue('1234');
    await expect(page.getByText('Mot de passe pas encore choisi')).toBeVisible();
    await expectAccessible(page);
    await expectNoPageOverflow(page);

    const [mail] = await mailsTo('paul@exemple.fr');
    expect(mail.subject).toBe('Votre compte Onboard est prêt : choisissez votre mot de passe');
    expect(mail.text).toContain('Votre identifiant : paul@exemple.fr');
    const link = linkIn(mail, '/set-password\\?token=');

    await page.context().clearCookies();
    await page.goto(link);
    await hydrated(page);
    await expect(page.getByRole('heading', { name: 'Choisissez votre mot de passe' })).toBeVisible();
    await expect(page.getByLabel('Identifiant')).toHaveValue('paul@exemple.fr');
    await expectAccessible(page);
    await expectNoPageOverflow(page);
    await page.getByLabel('Mot de passe', { exact: true }).fill('ondes et particules');
    await page.getByLabel('Confirmer le mot de passe').fill('ondes et particules');
    await page.getByRole('button', { name: 'ENREGISTRER ET SE CONNECTER' }).click();
    await expect(page).toHaveURL('/');
    const sidebar = page.getByRole('navigation', { name: 'Groupes' });
    await expect(sidebar.getByRole('link', { name: /^Ventes/ })).toBeVisible();
    await expect(sidebar.getByRole('link', { name: /^Support/ })).toBeVisible();

    // The link works once.
    await page.goto(link);
    await expect(page.getByRole('alert')).toContainText('Ce lien a déjà servi');
  });

  test('a refused form says why on each field, all at once, and keeps what was typed', async ({ page }) => {
    await openCreatePanel(page);
    await page.getByLabel('Prénom').fill('Irène');
    await page.getByLabel('Nom', { exact: true }).fill('Joliot');
    await page.getByLabel('E-mail', { exact: true }).fill('irene@exemple');
    await page.getByLabel('Mot de passe', { exact: true }).fill('court');
    await page.getByLabel('Confirmer le mot de passe').fill('court');
    await page.getByLabel('Apprenant').uncheck();
    await page.getByRole('button', { name: 'CRÉER COMPTE' }).click();

    await expect(page.getByRole('alert')).toContainText('corrigez les champs signalés');
    await expect(page.locator('#email-error')).toHaveText('Adresse e-mail invalide.');
    await expect(page.locator('#password-error')).toHaveText('Le mot de passe doit faire au moins 8 caractères.');
    await expect(page.locator('#roles-error')).toHaveText('Cochez au moins un rôle.');
    await expect(page.getByLabel('E-mail', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Prénom')).not.toHaveAttribute('aria-invalid', 'true');
    // Nothing typed is lost.
    await expect(page.getByLabel('Prénom')).toHaveValue('Irène');
    await expect(page.getByLabel('E-mail', { exact: true })).toHaveValue('irene@exemple');
    await expectAccessible(page);
    await expectNoPageOverflow(page);

    // Corrected, it goes through, and the errors are gone.
    await page.getByLabel('E-mail', { exact: true }).fill('irene@exemple.fr');
    await page.getByLabel('Mot de passe', { exact: true }).fill('radioactivite artificielle');
    await page.getByLabel('Confirmer le mot de passe').fill('radioactivite artificielle');
    await page.getByLabel('Apprenant').check();
    await page.getByLabel('Matricule').fill('7');
    await page.getByRole('button', { name: 'CRÉER COMPTE' }).click();
    await expect(page.locator('.results.ok')).toContainText('Compte créé : Irène Joliot');
    await expect(page.locator('.field-error')).toHaveCount(0);
  });

  test('an account without an e-mail address signs in with its login name and the password shown once', async ({ page }) => {
    await openCreatePanel(page);
    await page.getByLabel('Prénom').fill('Jean');
    await page.getByLabel('Nom', { exact: true }).fill('Sansmail');
    await page.getByLabel("Pas d'adresse e-mail").check();
    await expect(page.getByLabel('E-mail', { exact: true })).toBeHidden();
    await page.getByLabel('Identifiant', { exact: true }).fill('Jean.Sansmail');
    await page.getByRole('button', { name: 'CRÉER COMPTE' }).click();
    const result = page.locator('.results.ok');
    await expect(result).toContainText('Compte créé : Jean Sansmail');
    await expect(result.locator('code.login')).toHaveText('jean.sansmail');
    await expect(result).toContainText('il ne sera plus jamais affiché');
    const password = (await result.locator('code.password').textContent())!.trim();
    expect(password).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    await expectAccessible(page);
    await expectNoPageOverflow(page);

    await page.context().clearCookies();
    await login(page, 'jean.sansmail', password);
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('navigation', { name: 'Groupes' }).getByRole('link', { name: /^Ventes/ })).toBeVisible();
  });

  test("an existing account is added to more groups from the user's page", async ({ page }) => {
    // Creating Paul again says the account exists and links to his page.
    await openCreatePanel(page);
    await page.getByLabel('Prénom').fill('Paul');
    await page.getByLabel('Nom', { exact: true }).fill('Langevin');
    await page.getByLabel('E-mail', { exact: true }).fill('paul@exemple.fr');
    await page.getByLabel('Envoyer ces nouveaux identifiants par e-mail').check();
    await page.getByRole('button', { name: 'CRÉER COMPTE' }).click();
    const existing = page.locator('.results.info');
    await expect(existing).toContainText("Ouvrez sa fiche pour l'ajouter à des groupes");
    await existing.getByRole('link', { name: 'Paul Langevin' }).click();
    await expect(page.getByRole('heading', { name: 'Paul Langevin' })).toBeVisible();
    await hydrated(page);

    const form = page.locator('.add-to-groups form');
    await expect(form.getByRole('heading', { name: 'Ajouter à des groupes' })).toBeVisible();
    await expect(form.locator('.group-chooser')).toContainText('Aucun groupe choisi.');
    await form.getByText('Ajouter des groupes').click();
    await form.getByLabel('Rechercher un groupe').fill('par');
    await form.getByLabel('Paris Centre').check();
    await form.getByRole('button', { name: 'VALIDER' }).click();
    await expect(form.locator('.chip')).toHaveText([/Acme › Ventes › Paris Centre/]);
    await form.getByLabel('Apprenant').uncheck();
    await form.getByLabel('Animateur').check();
    await expectAccessible(page);
    await expectNoPageOverflow(page);
    await form.getByRole('button', { name: 'AJOUTER', exact: true }).click();

    await expect(page.getByRole('status')).toContainText('Ajouté à Acme › Ventes › Paris Centre comme Animateur');
    await expect(page.locator('.group-roles')).toContainText('Acme › Ventes › Paris Centre — Animateur');
    await expect(page.locator('.group-roles')).toContainText('Acme › Support — Apprenant');
    // A blank form for the next addition.
    await expect(form.locator('.group-chooser')).toContainText('Aucun groupe choisi.');
    await expect(form.getByLabel('Apprenant')).toBeChecked();
    await expectAccessible(page);
    await expectNoPageOverflow(page);
  });
});
