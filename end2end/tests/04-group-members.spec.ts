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

  // The editor opens in a dialog with room for its forms.
  const edit = lea.getByRole('button', { name: 'Modifier les rôles de Léa Martin' });
  const dialog = page.getByRole('dialog', { name: 'Modifier les rôles de Léa Martin' });
  await edit.click();
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Animateur').check();
  await expectAccessible(page);
  await expectNoPageOverflow(page);
  await dialog.getByRole('button', { name: 'ENREGISTRER' }).click();
  await expect(dialog).toBeHidden();
  // The outcome shows on the member's row, right under it.
  const note = lea.locator('xpath=following-sibling::tr[1]');
  await expect(note).toHaveClass(/row-note/);
  await expect(note.getByRole('status')).toHaveText('Rôles enregistrés.');
  await expect(lea).toContainText('Animateur, Apprenant');

  // Saved for good: still there after a reload.
  await page.reload();
  await hydrated(page);
  await expect(lea).toContainText('Animateur, Apprenant');
  // Escape closes the dialog and changes nothing.
  await edit.click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(edit).toBeFocused();
  // One editor serves every row: a box ticked then cancelled is unticked
  // when the editor opens again.
  await edit.click();
  await dialog.getByLabel("Administrateur d'utilisateurs").check();
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialog).toBeHidden();
  await edit.click();
  await expect(dialog.getByLabel("Administrateur d'utilisateurs")).not.toBeChecked();
  await expect(dialog.getByLabel('Animateur')).toBeChecked();
  await page.keyboard.press('Escape');
  // Removing is asked again before it happens.
  await edit.click();
  await dialog.getByRole('button', { name: 'Retirer du groupe' }).click();
  await expect(dialog).toContainText('Retirer Léa Martin de ce groupe ?');
  await dialog.getByRole('button', { name: 'CONFIRMER' }).click();
  await expect(page.locator('.toast')).toContainText('Retiré du groupe.');
  await expect(lea).toHaveCount(0);

  // Still a member of Paris Centre, where she was invited.
  await page.getByRole('navigation', { name: 'Groupes' }).getByRole('link', { name: /^Paris Centre/ }).click();
  await expect(page.getByRole('heading', { name: 'Paris Centre' })).toBeVisible();
  const inParis = page.getByRole('row').filter({ hasText: 'lea@exemple.fr' });
  await expect(inParis).toContainText('Apprenant');

  // A selection is of the people on screen: it does not follow to another group.
  await inParis.getByRole('checkbox', { name: 'Sélectionner Léa Martin' }).check();
  await expect(page.locator('.member-bulk')).toBeVisible();
  await page.getByRole('navigation', { name: 'Groupes' }).getByRole('link', { name: /^Ventes/ }).click();
  await expect(page.getByRole('heading', { name: 'Ventes' })).toBeVisible();
  await expect(page.locator('.member-bulk')).toHaveCount(0);
});
