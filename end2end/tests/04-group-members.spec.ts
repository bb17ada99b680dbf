import { expect, test } from '@playwright/test';
import { ADMIN, expectAccessible, expectNoPageOverflow, hydrated, login } from './helpers';

// Runs after 02-invitations.spec.ts: Léa Martin accepted her invitation into
// Paris Centre, so she is a learner of Ventes by propagation.
test('an admin changes a member\'s roles, then removes her from the group', async ({ page }) => {
  await login(page, ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL('/');
  await page.getByRole('navigation', { name: 'Groupes' }).getByRole('link', { name: /^Ventes/ }).click();
  await expect(page.getByRole('heading', { name: 'Ventes' })).toBeVisible();
  await hydrated(page);

  const lea = page.getByRole('row').filter({ hasText: 'lea@exemple.fr' });
  await expect(lea).toContainText('Apprenant');

  await lea.getByText('Modifier').click();
  await lea.getByLabel('Animateur').check();
  await expectAccessible(page);
  await expectNoPageOverflow(page);
  await lea.getByRole('button', { name: 'ENREGISTRER' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Rôles enregistrés.' })).toBeVisible();
  await expect(lea).toContainText('Animateur, Apprenant');

  // Saved for good: still there after a reload.
  await page.reload();
  await hydrated(page);
  await expect(lea).toContainText('Animateur, Apprenant');
  await lea.getByText('Modifier').click();
  await lea.getByRole('button', { name: 'Retirer du groupe' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Retiré du groupe.' })).toBeVisible();
  await expect(lea).toHaveCount(0);

  // Still a member of Paris Centre, where she was invited.
  await page.getByRole('navigation', { name: 'Groupes' }).getByRole('link', { name: /^Paris Centre/ }).click();
  await expect(page.getByRole('heading', { name: 'Paris Centre' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'lea@exemple.fr' })).toContainText('Apprenant');
});
