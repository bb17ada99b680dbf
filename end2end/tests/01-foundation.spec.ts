import { expect, test } from '@playwright/test';
import { ADMIN, expectAccessible, expectNoPageOverflow, hydrated, login, setupLink } from './helpers';

// One walk through the platform's first minutes, in order: each step
// builds on the previous one.
test.describe.serial('a new platform', () => {
  test('the setup link creates the first platform admin, who lands signed in', async ({ page }) => {
    await page.goto(setupLink());
    await hydrated(page);
    await expect(page.getByRole('heading', { name: 'Créer le premier administrateur' })).toBeVisible();
    await expectAccessible(page);
    await expectNoPageOverflow(page);
    await page.getByLabel('Prénom').fill(ADMIN.firstName);
    await page.getByLabel('Nom', { exact: true }).fill(ADMIN.lastName);
    await page.getByLabel('E-mail', { exact: true }).fill(ADMIN.email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Confirmer le mot de passe').fill(ADMIN.password);
    await page.getByRole('button', { name: "CRÉER L'ADMINISTRATEUR" }).click();
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('heading', { name: 'Bienvenue' })).toBeVisible();
    await expectAccessible(page);
    await expectNoPageOverflow(page);

    // The link is spent.
    await page.goto(setupLink());
    await expect(page.getByText('La plateforme a déjà un administrateur')).toBeVisible();
  });

  test('a wrong password shows the error and keeps the visitor on the login page', async ({ page }) => {
    await login(page, ADMIN.email, 'pas le bon mot de passe', { refused: true });
    await expect(page.getByRole('alert')).toHaveText('Identifiant ou mot de passe incorrect.');
    await expect(page).toHaveURL(/\/login$/);
    await expectAccessible(page);
    await expectNoPageOverflow(page);
  });

  test('before the wasm loads (here: never), the sign-in form still refuses with its reason and signs in', async ({ browser }) => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await noScript.newPage();
    await page.goto('/login');
    await page.getByLabel('E-mail ou identifiant').fill(ADMIN.email);
    await page.getByLabel('Mot de passe').fill('pas le bon mot de passe');
    await page.getByRole('button', { name: 'SE CONNECTER' }).click();
    // Back on the sign-in page, the reason in place of a bare error body.
    await expect(page.getByRole('alert')).toHaveText('Identifiant ou mot de passe incorrect.');
    await expect(page).toHaveURL(/\/login\?/);
    // What was typed is still there (not the password), the cursor in the password.
    await expect(page.getByLabel('E-mail ou identifiant')).toHaveValue(ADMIN.email);
    await expect(page.getByLabel('Mot de passe')).toHaveValue('');
    await expect(page.getByLabel('Mot de passe')).toBeFocused();
    await page.getByLabel('Mot de passe').fill(ADMIN.password);
    await page.getByRole('button', { name: 'SE CONNECTER' }).click();
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('heading', { name: 'Bienvenue' })).toBeVisible();
    await noScript.close();
  });

  test('the admin signs in, sees the tree, adds a group and finds it in the sidebar', async ({ page }) => {
    await login(page, ADMIN.email.toUpperCase(), ADMIN.password);
    await expect(page).toHaveURL('/');
    const sidebar = page.getByRole('navigation', { name: 'Groupes' });
    for (const name of ['Acme', 'Ventes', 'Paris', 'Support']) {
      await expect(sidebar.getByRole('link', { name: new RegExp(`^${name}`) })).toBeVisible();
    }
    await expectAccessible(page);
    await expectNoPageOverflow(page);

    await page.getByLabel('Ajouter').click();
    await page.getByRole('link', { name: 'Groupe' }).click();
    await expect(page.getByRole('heading', { name: 'Nouveau groupe' })).toBeVisible();
    await expectAccessible(page);
    await expectNoPageOverflow(page);
    await page.getByLabel('Nom du groupe').fill('Lyon');
    await page.getByLabel('Groupe parent').selectOption({ label: 'Ventes' });
    await page.getByLabel(/^public/).check();
    await page.getByRole('button', { name: 'CRÉER LE GROUPE' }).click();

    await expect(page.getByRole('heading', { name: 'Lyon' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: "Fil d'Ariane" })).toHaveText(/Acme.*Ventes.*Lyon/);
    await expect(sidebar.getByRole('link', { name: /^Lyon/ })).toBeVisible();
    await expect(page.getByText("Ce groupe n'a pas encore d'utilisateurs.")).toBeVisible();
    await expectAccessible(page);
    await expectNoPageOverflow(page);
  });

  test('the top bar menus close on a choice, Escape and a click outside, and arrows move', async ({ page }) => {
    await login(page, ADMIN.email, ADMIN.password);
    await expect(page).toHaveURL('/');
    await hydrated(page);
    const add = page.locator('details.add-menu');
    await expect(page.locator('summary[aria-label="+ Ajouter"]')).toBeVisible();
    // Escape closes and gives the focus back to the button.
    await page.locator('summary[aria-label="+ Ajouter"]').click();
    await expect(add).toHaveAttribute('open', '');
    await page.keyboard.press('ArrowDown');
    await expect(add.getByRole('link').first()).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(add.getByRole('link').last()).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(add).not.toHaveAttribute('open', '');
    await expect(page.locator('summary[aria-label="+ Ajouter"]')).toBeFocused();
    // A click outside closes.
    await page.locator('summary[aria-label="+ Ajouter"]').click();
    await expect(add).toHaveAttribute('open', '');
    await page.locator('main').click({ position: { x: 5, y: 5 } });
    await expect(add).not.toHaveAttribute('open', '');
    // A choice closes, even though the page stays (client-side navigation).
    await page.locator('.user-menu summary').click();
    await page.getByRole('link', { name: 'Champs personnalisés' }).click();
    await expect(page).toHaveURL('/settings/fields');
    await expect(page.locator('details.user-menu')).not.toHaveAttribute('open', '');
    // The tree's toggles name their action.
    const sidebar = page.getByRole('navigation', { name: 'Groupes' });
    await sidebar.getByRole('button', { name: 'Replier Acme' }).click();
    await expect(sidebar.getByRole('button', { name: 'Déplier Acme' })).toHaveAttribute('aria-expanded', 'false');
    await sidebar.getByRole('button', { name: 'Déplier Acme' }).click();
    await expectAccessible(page);
    await expectNoPageOverflow(page);
  });

  test('a group page lists its members with roles and status', async ({ page }) => {
    await login(page, ADMIN.email, ADMIN.password);
    await expect(page).toHaveURL('/');
    await page.getByRole('navigation', { name: 'Groupes' }).getByRole('link', { name: /^Paris/ }).click();
    await expect(page.getByRole('heading', { name: 'Paris' })).toBeVisible();
    const rows = page.getByRole('row');
    await expect(rows.filter({ hasText: 'marie.curie@exemple.fr' })).toContainText('Apprenant');
    // The demo people never chose a password: they are not called active.
    await expect(rows.filter({ hasText: 'marie.curie@exemple.fr' })).toContainText('En attente du mot de passe');
    await expect(rows.filter({ hasText: 'pierre.dupont@exemple.fr' })).toBeVisible();
    await expectAccessible(page);
    await expectNoPageOverflow(page);

    // Settings: rename, then the sidebar follows without a reload.
    await page.getByRole('link', { name: 'Paramètres' }).click();
    await page.getByLabel('Nom du groupe').fill('Paris Centre');
    await page.getByRole('button', { name: 'ENREGISTRER' }).click();
    await expect(page.getByRole('status')).toHaveText('Modifications enregistrées.');
    await expect(
      page.getByRole('navigation', { name: 'Groupes' }).getByRole('link', { name: /^Paris Centre/ }),
    ).toBeVisible();
    await expectAccessible(page);
    await expectNoPageOverflow(page);
  });

  test('the mailbox, a missing page and a missing group fit the screen', async ({ page }) => {
    await login(page, ADMIN.email, ADMIN.password);
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('navigation', { name: 'Groupes' })).toBeVisible();
    await hydrated(page);
    await page.goto('/dev/mailbox');
    await hydrated(page);
    await expectAccessible(page);
    await expectNoPageOverflow(page);
    for (const missing of ['/no-such-page', '/groups/999999']) {
      const response = await page.goto(missing);
      expect(response?.status()).toBe(404);
      await expectAccessible(page);
      await expectNoPageOverflow(page);
    }
  });

  test('the language switch turns the interface to English', async ({ page }) => {
    await page.goto('/login');
    await hydrated(page);
    await page.getByRole('button', { name: 'EN' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    // The wasm writes in the page's language too: it reads the English
    // texts the page loaded beside it.
    await expect(page.locator('script[src^="/texts/en."]')).toHaveCount(1);
    await hydrated(page);
    await page.getByLabel('E-mail or login name').fill('nobody@example.com');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'SIGN IN' }).click();
    await expect(page.getByRole('alert')).toHaveText('Wrong login or password.');
    await expectAccessible(page);
    await expectNoPageOverflow(page);
  });

  test('the page names its icon and the icon is served', async ({ page }) => {
    await page.goto('/login');
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    expect(href).toBe('/favicon.svg');
    const icon = await page.request.get(href!);
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toContain('image/svg+xml');
  });

  test('signing out ends the session', async ({ page }) => {
    await login(page, ADMIN.email, ADMIN.password);
    await expect(page).toHaveURL('/');
    await page.locator('.user-menu summary').click();
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
  });

  test('the platform default language applies to visitors whose browser asks for none of ours', async ({ page, browser }) => {
    const visitor = await browser.newContext({ locale: 'de-DE', extraHTTPHeaders: { 'Accept-Language': 'de-DE,de;q=0.9' } });
    const stranger = await visitor.newPage();
    await stranger.goto('/login');
    await expect(stranger.getByRole('heading', { name: 'Connexion' })).toBeVisible();

    await login(page, ADMIN.email, ADMIN.password);
    await expect(page).toHaveURL('/');
    await page.goto('/settings/platform');
    await hydrated(page);
    await expect(page.getByRole('heading', { name: 'Paramètres de la plateforme' })).toBeVisible();
    await expect(page.getByLabel('Langue par défaut')).toHaveValue('fr');
    await expectAccessible(page);
    await expectNoPageOverflow(page);
    await page.getByLabel('Langue par défaut').selectOption('en');
    await page.getByRole('button', { name: 'ENREGISTRER' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Paramètres enregistrés.' })).toBeVisible();

    await stranger.goto('/login');
    await expect(stranger.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    // Back to French for the walks that follow.
    await page.getByLabel('Langue par défaut').selectOption('fr');
    await page.getByRole('button', { name: 'ENREGISTRER' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Paramètres enregistrés.' })).toBeVisible();
    await stranger.goto('/login');
    await expect(stranger.getByRole('heading', { name: 'Connexion' })).toBeVisible();
    await visitor.close();
  });
});
