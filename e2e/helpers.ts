import { type Locator, type Page, expect } from '@playwright/test';

/** The demo users' password in the browser tests; playwright.config.ts gives it to the server. */
export const E2E_PASSWORD = 'e2e-demo-password-2024';

/** Signs in through the sign-in page. */
export async function signIn(page: Page, username: string, password: string) {
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-username').fill(username);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
}

export async function signOut(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/**
 * Picks an option in an Ant Design Select or TreeSelect by typing and clicking the visible match, then waits for the
 * drop-down to close (a multiple select stays open: Escape closes it), so the next click is not intercepted.
 */
export async function pick(page: Page, field: Locator, text: string) {
  await field.click();
  await page.keyboard.type(text);
  const dropdown = page.locator('.ant-select-dropdown:visible');
  const option = dropdown
    .getByTitle(text, { exact: true })
    .or(dropdown.locator('.ant-select-item-option').filter({ hasText: text }))
    .first();
  await option.click();
  try {
    await expect(dropdown).toHaveCount(0, { timeout: 1500 });
  } catch {
    await page.keyboard.press('Escape');
    await expect(dropdown).toHaveCount(0);
  }
}

export const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/e2e/screens/${name}.png`, fullPage: true });

/** The text box of a field, whether the test id sits on the input itself or on Ant Design's wrapper around it. */
export const inputOf = (page: Page, testId: string) =>
  page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
