import { expect, Page, test } from '@playwright/test';
import * as fs from 'node:fs';
import { ADMIN, expectAccessible, expectNoPageOverflow, hydrated, linkIn, login, mailsTo, shot } from './helpers';

/** Opens `+ → Utilisateur → Importer` on Ventes, signed in as the admin. */
async function openImport(page: Page) {
  await login(page, ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL('/');
  const ventes = page.getByRole('navigation', { name: 'Groupes' }).getByRole('link', { name: /^Ventes/ });
  await page.goto(`${await ventes.getAttribute('href')}/users/invite`);
  await hydrated(page);
  await page.getByRole('navigation', { name: 'Ajouter des utilisateurs' }).getByRole('link', { name: 'Importer' }).click();
  await expect(page.getByRole('heading', { name: 'Importer des utilisateurs' })).toBeVisible();
  await hydrated(page);
}

/** The wizard's step as its own URL, whatever the import's id. */
async function expectStep(page: Page, step: string) {
  await expect(page).toHaveURL(new RegExp(`/users/import/\\d+\\?step=${step}`));
  await hydrated(page);
}

test.describe.serial('the import wizard', () => {
  test('the templates download with the columns and an explanation sheet', async ({ page }) => {
    await openImport(page);
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger modele-import.csv' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe('modele-import.csv');
    const text = fs.readFileSync(await csv.path(), 'utf8');
    expect(text.split(/\r?\n/)[0]).toBe(
      '\uFEFFemail,first_name,last_name,language,groups,roles,admin,type,deletion_date,matricule',
    );
    expect(text).toContain('marie.curie@exemple.fr');
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger modele-import.xlsx' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe('modele-import.xlsx');
    expect(fs.readFileSync(await xlsx.path()).subarray(0, 2).toString()).toBe('PK');
    await shot(page, 'import-upload');
    await expectAccessible(page);
    await expectNoPageOverflow(page);
  });

  test('a file chosen with the picker is previewed row by row, corrected in place and run', async ({ page }) => {
    await openImport(page);
    // The template, filled as an admin would: one good row per person, a
    // duplicate, a bad address, an unknown group.
    const file = [
      'email,first_name,last_name,language,groups,roles,admin,type,deletion_date,matricule',
      'eve@exemple.fr,Ève,Curie,fr,,,,,,12',
      'frederic@exemple.fr,Frédéric,Joliot,en,Acme › Ventes,Apprenant,,,,',
      'EVE@exemple.fr ,Ève,Bis,,,,,,,',
      'pierre@@exemple.fr,Pierre,Auger,,,,,,,',
      'lise@exemple.fr,Lise,Meitner,,Marseille,,,,,',
    ].join('\n');
    await page.getByLabel(/Déposez le fichier ici/).setInputFiles({
      name: 'equipe.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(file, 'utf8'),
    });
    await page.getByRole('button', { name: 'ENVOYER LE FICHIER' }).click();
    await expectStep(page, 'columns');
    await expect(page.getByRole('combobox', { name: 'email' })).toHaveValue('email');
    await expect(page.getByRole('combobox', { name: 'matricule' })).toHaveValue('custom:matricule');
    await shot(page, 'import-columns');
    await expectAccessible(page);
    await expectNoPageOverflow(page);

    await page.getByRole('link', { name: /Aperçu/ }).click();
    await expectStep(page, 'preview');
    const counts = page.getByRole('list', { name: 'Afficher' });
    await expect(counts).toContainText('Invitations 2');
    await expect(counts).toContainText('Doublons 1');
    await expect(counts).toContainText('Erreurs 2');
    await expect(page.getByRole('row').filter({ hasText: /EVE@exemple\.fr/ })).toContainText('Doublon de la ligne 2');
    await expect(page.getByRole('row').filter({ hasText: 'pierre@@exemple.fr' })).toContainText('Adresse invalide');
    await expect(page.getByRole('row').filter({ hasText: 'lise@exemple.fr' }).locator('.verdict-text')).toHaveText('Groupe inconnu « marseille »');
    await shot(page, 'import-preview');
    await expectAccessible(page);
    await expectNoPageOverflow(page);

    // The filter keeps the errors only; one is corrected in place.
    await counts.getByRole('link', { name: /Erreurs/ }).click();
    await expect(page).toHaveURL(/verdict=error/);
    await hydrated(page);
    await expect(page.locator('tbody tr')).toHaveCount(2);
    const pierre = page.getByRole('row').filter({ hasText: 'pierre@@exemple.fr' });
    await pierre.getByText('Corriger').click();
    await pierre.getByLabel('email').fill('pierre@exemple.fr');
    await pierre.getByRole('button', { name: 'VÉRIFIER' }).click();
    await expect(page.locator('tbody tr')).toHaveCount(1);
    await expect(counts).toContainText('Invitations 3');

    await page.getByRole('link', { name: /Options et lancement/ }).click();
    await expectStep(page, 'options');
    await expect(page.getByLabel(/^Inviter :/)).toBeChecked();
    await expect(page.getByText('La ligne en erreur sera ignorée.')).toBeVisible();
    await shot(page, 'import-options');
    await expectAccessible(page);
    await expectNoPageOverflow(page);
    await page.getByRole('button', { name: 'IMPORTER' }).click();

    await expectStep(page, 'report');
    await expect(page.getByRole('status').filter({ hasText: 'Import terminé' })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('list', { name: 'Afficher' })).toContainText('Invitations 3');
    await expect(page.getByRole('row').filter({ hasText: 'frederic@exemple.fr' })).toContainText('Invitation envoyée par e-mail');
    await shot(page, 'import-report');
    await expectAccessible(page);
    await expectNoPageOverflow(page);

    const [report] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Rapport (CSV)' }).click(),
    ]);
    expect(report.suggestedFilename()).toBe('equipe-rapport.csv');
    const lines = fs.readFileSync(await report.path(), 'utf8').split(/\r?\n/);
    expect(lines[0]).toBe('\uFEFFLigne,E-mail,Résultat,Détail');
    expect(lines.find((l) => l.includes('lise@exemple.fr'))).toContain('Groupe inconnu');
  });

  test('the invitees are mailed in their language and one completes the first-login form', async ({ page }) => {
    const [frederic] = await mailsTo('frederic@exemple.fr');
    expect(frederic.subject).toBe('Ada Lovelace invites you to Onboard');
    const [eve] = await mailsTo('eve@exemple.fr');
    expect(eve.subject).toBe('Ada Lovelace vous invite sur Onboard');
    await page.goto(linkIn(eve, '/invitation\\?token='));
    await hydrated(page);
    await expect(page.getByLabel('E-mail', { exact: true })).toHaveValue('eve@exemple.fr');
    await page.getByLabel('Prénom').fill('Ève');
    await page.getByLabel('Nom', { exact: true }).fill('Curie');
    await page.getByLabel('Mot de passe', { exact: true }).fill('radioactivité artificielle');
    await page.getByLabel('Confirmer le mot de passe').fill('radioactivité artificielle');
    await page.getByRole('button', { name: 'ACTIVER MON COMPTE' }).click();
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('heading', { name: 'Bienvenue, Ève' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Vos groupes' })).toContainText('Acme › Ventes — Apprenant');
  });

  test('a file dropped on the zone is read, a column re-mapped, and the import listed', async ({ page }) => {
    await openImport(page);
    // French Excel's CSV: semicolons, and a header nobody recognises.
    const file = 'Adresse pro;Prénom;Nom\r\nmaria@exemple.fr;Maria;Goeppert\r\n';
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'labo.csv', { type: 'text/csv' }));
      return dt;
    }, file);
    await page.locator('label.drop-zone').dispatchEvent('drop', { dataTransfer });
    await expectStep(page, 'columns');
    await expect(page.getByRole('alert')).toContainText('Aucune colonne n\'est l\'adresse e-mail');
    await page.getByRole('combobox', { name: 'Adresse pro' }).selectOption('email');
    await page.getByRole('button', { name: 'ENREGISTRER LES COLONNES' }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.getByRole('link', { name: /Fichier/ }).click();
    await expectStep(page, 'file');
    await expect(page.locator('p.read-as')).toContainText('CSV · UTF-8 · Point-virgule');
    await shot(page, 'import-file');
    await expectAccessible(page);
    await expectNoPageOverflow(page);

    await page.getByRole('navigation', { name: "Fil d'Ariane" }).getByRole('link', { name: 'Importer' }).click();
    await expect(page.getByRole('heading', { name: 'Importer des utilisateurs' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Ajouter des utilisateurs' }).getByRole('link', { name: 'Imports' }).click();
    await expect(page).toHaveURL(/\/users\/imports$/);
    const history = page.getByRole('table');
    await expect(history.getByRole('row').filter({ hasText: 'equipe.csv' })).toContainText('Terminé');
    await expect(history.getByRole('row').filter({ hasText: 'labo.csv' })).toContainText('En préparation');
    await shot(page, 'import-history');
    await expectAccessible(page);
    await expectNoPageOverflow(page);
  });
});
