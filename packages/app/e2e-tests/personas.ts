import { Page, expect } from '@playwright/test';

/** The demonstration personas of app-config.yaml. */
export const personas = [
  { user: 'claire.dubois', name: 'Claire Dubois' },
  { user: 'julien.lefebvre', name: 'Julien Lefebvre' },
  { user: 'sophie.bernard', name: 'Sophie Bernard' },
  { user: 'marc.petit', name: 'Marc Petit' },
] as const;

/** Signs in through the demonstration sign-in page and waits for home. */
export async function signInAs(page: Page, name: string) {
  await page.goto('/');
  await page
    .getByRole('button', { name: `Se connecter en tant que ${name}` })
    .click();
  await expect(
    page.getByRole('heading', { name: 'Portail Amue Cloud', level: 1 }),
  ).toBeVisible();
}
