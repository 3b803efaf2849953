import type { Page } from '@playwright/test';
import { expect, test } from './contract';
import { E2E_PASSWORD, shot, signIn, signOut } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

/** The page is no wider than the screen: a table too wide scrolls inside its card, never the whole page. */
async function fitsWidth(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'horizontal page scroll').toBeLessThanOrEqual(0);
}

/** Takes a step from the matter's page, with its text when the step asks for one, and waits for the new state. */
async function step(page: Page, path: string, status: string, text?: string) {
  await page.getByTestId(`matter-step-${path}`).click();
  if (text) {
    await page.getByTestId('matter-step-text').fill(text);
    // (antd writes a two-character button 确 定, so the dialog's primary button is taken by its kind.)
    await page.getByRole('dialog').locator('button.ant-btn-primary').click();
  }
  await expect(page.getByTestId('matter-status').first()).toHaveAttribute('data-status', status);
}

test('a matter goes round the loop: the unit answers on a phone, the office sends it back, the unit answers again, the office closes it', async ({
  page,
}) => {
  test.setTimeout(240_000);

  // A clerk of 北园街道, on his phone, finds a matter his unit is working on.
  await page.setViewportSize(PHONE);
  await signIn(page, 'unit', E2E_PASSWORD);
  await page.getByTestId('menu-toggle').click();
  await page.getByTestId('menu-matters').click();
  await expect(page).toHaveURL(/\/matters$/);
  const row = page
    .getByTestId('matter-row')
    .filter({ has: page.locator('[data-testid="matter-status"][data-status="in_progress"]') })
    .first();
  await expect(row).toBeVisible();
  await fitsWidth(page);
  await shot(page, '70-phone-matters-board');
  await row.click();
  await expect(page.getByTestId('matter-title')).toBeVisible();
  const url = page.url();
  await fitsWidth(page);
  await shot(page, '71-phone-matter');
  await step(page, 'feedback', 'answered', '已协调供电公司完成线路迁改');
  await step(page, 'submit-review', 'under_review');
  await expect(page.getByTestId('matter-step-close')).toHaveCount(0);
  await shot(page, '72-phone-matter-submitted');
  await signOut(page);

  // The project office reviews it at its desk: sends it back with the reason.
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'office', E2E_PASSWORD);
  await page.goto(url);
  await expect(page.getByTestId('matter-step-close')).toBeVisible();
  await step(page, 'send-back', 'in_progress', '现场复核仍未恢复供电，请继续办理');
  await expect(page.locator('[data-testid="matter-entry"][data-kind="send_back"]').last()).toContainText('现场复核仍未恢复供电');
  await shot(page, '73-desktop-matter-sent-back');
  await signOut(page);

  // The clerk answers again; the office closes it (销号), and the timeline tells the whole story.
  await page.setViewportSize(PHONE);
  await signIn(page, 'unit', E2E_PASSWORD);
  await page.goto(url);
  await step(page, 'feedback', 'answered', '线路已恢复供电，施工正常');
  await step(page, 'submit-review', 'under_review');
  await signOut(page);
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'office', E2E_PASSWORD);
  await page.goto(url);
  await step(page, 'close', 'closed');
  await expect(page.locator('[data-testid="matter-entry"][data-kind="close"]')).toHaveCount(1);
  await shot(page, '74-desktop-matter-closed');

  // The board's overdue matters, each with how far it has escalated.
  await page.getByTestId('menu-matters').click();
  await page.getByTestId('matter-filter-overdue').click();
  await expect(page.getByTestId('matter-overdue').first()).toBeVisible();
  // (The escalation job ran when the server started: the overdue ones have reached a level.)
  await expect(page.getByText(/单位主要负责人|分管领导|主要领导/).first()).toBeVisible();
  await shot(page, '75-desktop-matters-overdue');
});
