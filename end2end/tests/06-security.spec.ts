import { expect, Page, test } from '@playwright/test';
import { ADMIN, expectAccessible, expectNoPageOverflow, hydrated, linkIn, mailsTo } from './helpers';

// Runs after the earlier specs: the admin exists and the demo tree is
// Acme (privé) › Ventes (public) › Paris Centre (public), Acme › Support.
// Accounts and invitations the story starts from are set up through the
// HTTP API; what is under test is walked in the browser.

const PASSWORD = 'une autre phrase longue';

/** A signed-in server-function call from the page's own session. */
async function api(page: Page, endpoint: string, form: Record<string, string>) {
  const response = await page.request.post(`/api/${endpoint}`, { form });
  expect(response.status(), `${endpoint}: ${await response.text()}`).toBe(200);
  return response.json();
}

/** Signs in through the API (the sign-in form is walked in 01): no
 * navigation races the test's own. Then opens the home page. */
async function signIn(page: Page, email: string, password: string) {
  const response = await page.request.post('/api/auth/login', {
    form: { 'input[identifier]': email, 'input[password]': password },
  });
  expect(response.status(), `sign-in of ${email}`).toBe(200);
  await page.goto('/');
  await hydrated(page);
}

async function groupId(page: Page, name: RegExp): Promise<string> {
  const link = page.getByRole('navigation', { name: 'Groupes' }).getByRole('link', { name }).first();
  const href = await link.getAttribute('href');
  return href!.split('/').pop()!;
}

// Server functions take one argument, `input`: each form field is posted
// as `input[<field>]`.
async function createAccount(page: Page, group: string, email: string, firstName: string, role: string) {
  await api(page, 'accounts/create', {
    'input[group_id]': group,
    'input[first_name]': firstName,
    'input[last_name]': 'Test',
    'input[email]': email,
    'input[password]': PASSWORD,
    'input[password_confirm]': PASSWORD,
    [`input[groups][${group}]`]: 'on',
    [`input[roles][${role}]`]: 'on',
    'input[language]': 'fr',
    'input[account_type]': 'member',
  });
}

test.describe.serial('no admin hands out more than they may grant', () => {
  const ids: Record<string, string> = {};

  test('the platform admin sets the scene', async ({ page }) => {
    await signIn(page, ADMIN.email, ADMIN.password);
    ids.paris = await groupId(page, /^Paris Centre/);
    ids.ventes = await groupId(page, /^Ventes/);
    ids.support = await groupId(page, /^Support/);
    await createAccount(page, ids.paris, 'ugo@exemple.fr', 'Ugo', 'user_admin');
    await createAccount(page, ids.ventes, 'gaston@exemple.fr', 'Gaston', 'group_admin');
    const invited = await api(page, 'invitations/invite', {
      'input[group_id]': ids.support,
      'input[emails]': 'xavier@exemple.fr',
      'input[roles][group_admin]': 'on',
      'input[platform_admin]': 'on',
      'input[language]': 'fr',
      'input[account_type]': 'member',
    });
    expect(JSON.stringify(invited)).toContain('Invited');
  });

  test('a user admin whose grant was merged in may only withdraw it', async ({ page }) => {
    await signIn(page, 'ugo@exemple.fr', PASSWORD);
    await page.goto(`/groups/${ids.paris}/users/invite`);
    await hydrated(page);
    await page.getByLabel('Adresses e-mail').fill('xavier@exemple.fr');
    await page.getByRole('button', { name: 'INVITER' }).click();
    await expect(page.locator('.result-list li')).toContainText('Déjà invitée : ajoutée à');

    await page.goto(`/groups/${ids.paris}/users/invitations`);
    await hydrated(page);
    const row = page.getByRole('row').filter({ hasText: 'xavier@exemple.fr' });
    await expect(row).toContainText('+ des droits que vous ne pouvez pas donner');
    await expect(row.getByRole('button', { name: 'Copier le lien' })).toHaveCount(0);
    await expect(row.getByRole('button', { name: "Renvoyer l'invitation" })).toHaveCount(0);
    await expectAccessible(page);
    await expectNoPageOverflow(page);
    await row.getByRole('button', { name: 'Retirer mes groupes et rôles' }).click();
    await row.getByRole('alertdialog').getByRole('button', { name: 'CONFIRMER' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Vos groupes et rôles ont été retirés' }),
    ).toBeVisible();
    // No grant of theirs is left in it: it is out of their tab.
    await expect(row).toHaveCount(0);
  });

  test('what the inviter may no longer grant is dropped at acceptance, and said', async ({ browser }) => {
    // One browser context per person, each with its own session.
    const newPage = async () => (await browser.newContext()).newPage();
    const gaston = await newPage();
    await signIn(gaston, 'gaston@exemple.fr', PASSWORD);
    await api(gaston, 'invitations/invite', {
      'input[group_id]': ids.ventes,
      'input[emails]': 'yves@exemple.fr',
      'input[roles][user_admin]': 'on',
      'input[language]': 'fr',
      'input[account_type]': 'member',
    });
    await gaston.close();

    const admin = await newPage();
    await signIn(admin, ADMIN.email, ADMIN.password);
    await admin.goto(`/groups/${ids.ventes}`);
    await hydrated(admin);
    const row = admin.getByRole('row').filter({ hasText: 'gaston@exemple.fr' });
    await row.getByRole('button', { name: /^Modifier les rôles de/ }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Retirer du groupe' }).click();
    await dialog.getByRole('button', { name: 'CONFIRMER' }).click();
    await expect(admin.getByRole('status').filter({ hasText: 'Retiré du groupe.' })).toBeVisible();
    await admin.close();

    const page = await newPage();
    const [mail] = await mailsTo('yves@exemple.fr');
    await page.goto(linkIn(mail, '/invitation\\?token='));
    await hydrated(page);
    await page.getByLabel('Prénom').fill('Yves');
    await page.getByLabel('Nom', { exact: true }).fill('Dupont');
    await page.getByLabel('Mot de passe', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Confirmer le mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'ACTIVER MON COMPTE' }).click();

    await expect(page.getByRole('heading', { name: 'Votre compte est activé' })).toBeVisible();
    await expect(page.getByRole('status')).toContainText("Acme › Ventes — Administrateur d'utilisateurs");
    await expectAccessible(page);
    await expectNoPageOverflow(page);
    await page.getByRole('link', { name: 'Continuer' }).click();
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('navigation', { name: 'Groupes' }).getByRole('link', { name: /^Ventes/ })).toHaveCount(0);
    await page.close();
  });
});
