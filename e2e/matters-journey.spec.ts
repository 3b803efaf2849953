import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { expect, test } from './contract';
import { fitsWidth, inputOf, openFromMenu, pick, shot, signInAs, signOut } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

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
  await signInAs(page, 'unit', '/');
  await page.getByTestId('menu-toggle').click();
  await openFromMenu(page, 'matters');
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
  await signInAs(page, 'office', url);
  await expect(page.getByTestId('matter-step-close')).toBeVisible();
  await step(page, 'send-back', 'in_progress', '现场复核仍未恢复供电，请继续办理');
  await expect(page.locator('[data-testid="matter-entry"][data-kind="send_back"]').last()).toContainText('现场复核仍未恢复供电');
  await shot(page, '73-desktop-matter-sent-back');
  await signOut(page);

  // The clerk answers again; the office closes it (销号), and the timeline tells the whole story.
  await page.setViewportSize(PHONE);
  await signInAs(page, 'unit', url);
  // This time the answer carries its evidence: a photo of the site, uploaded from the step's own dialog.
  await page.getByTestId('matter-step-feedback').click();
  await page.getByTestId('matter-step-text').fill('线路已恢复供电，施工正常');
  const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#4a7' } })
    .jpeg()
    .toBuffer();
  await page
    .getByTestId('attachment-picker')
    .locator('input[type=file]')
    .setInputFiles({ name: '恢复供电现场.jpg', mimeType: 'image/jpeg', buffer: photo });
  await expect(page.getByTestId('attachment-picker').getByRole('checkbox', { name: '恢复供电现场.jpg' })).toBeChecked();
  await fitsWidth(page);
  await shot(page, '246-phone-matter-evidence');
  await page.getByRole('dialog').locator('button.ant-btn-primary').click();
  await expect(page.getByTestId('matter-status').first()).toHaveAttribute('data-status', 'answered');
  await expect(page.locator('[data-testid="matter-entry"][data-kind="feedback"]').last().getByTestId('attachment-links')).toContainText(
    '恢复供电现场.jpg',
  );
  await step(page, 'submit-review', 'under_review');
  await signOut(page);
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'office', url);
  await step(page, 'close', 'closed');
  await expect(page.locator('[data-testid="matter-entry"][data-kind="close"]')).toHaveCount(1);
  await shot(page, '74-desktop-matter-closed');

  // The board's overdue matters, each with how far it has escalated.
  await openFromMenu(page, 'matters');
  await page.getByTestId('matter-filter-overdue').click();
  await expect(page.getByTestId('matter-overdue').first()).toBeVisible();
  // (The escalation job ran when the server started: the overdue ones have reached a level.)
  await expect(page.getByText(/单位主要负责人|分管领导|主要领导/).first()).toBeVisible();
  await shot(page, '75-desktop-matters-overdue');

  // The statistics by category: the one just closed counts as resolved in the total.
  await page.getByTestId('matter-stats').click();
  await expect(page).toHaveURL(/\/matters\/stats$/);
  await page.getByTestId('matter-stats-by').getByText('问题类别').click();
  await expect(page).toHaveURL(/by=category/);
  const total = page.getByTestId('matter-stats-total');
  await expect(total).toContainText('合计');
  const resolved = Number((await total.locator('td').nth(2).textContent()) ?? '0');
  expect(resolved).toBeGreaterThan(0);
  await shot(page, '78-desktop-matter-stats');
});

test('the project office raises a problem from a project and assigns it to a bureau with a deadline', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'office', '/projects');
  await inputOf(page, 'project-search').fill('zycf');
  await page.keyboard.press('Enter');
  await page.getByTestId('project-table').getByRole('link', { name: '中央厨房产业园项目' }).click();
  await expect(page.getByTestId('project-matters')).toBeVisible();

  await page.getByTestId('matter-raise').click();
  const form = page.getByTestId('matter-raise-form');
  await expect(page.getByRole('dialog')).toContainText('提出问题：中央厨房产业园');
  // Sent empty, every required field says so, and nothing is raised.
  await page.getByTestId('matter-raise-ok').click();
  await expect(page.getByRole('dialog').getByText('此项必填').first()).toBeVisible();
  await pick(page, page.getByTestId('matter-raise-category'), '用地');
  await page.getByTestId('matter-raise-title').fill('二期用地指标尚未落实');
  await page.getByTestId('matter-raise-description').fill('二期18亩用地指标需区自然资源部门协调，影响四季度开工。');
  await pick(page, page.getByTestId('matter-raise-lead-unit'), '济南市自然资源和规划局天桥分局');
  await expect(form).toBeVisible();
  await shot(page, '76-desktop-matter-raise');
  await page.getByTestId('matter-raise-ok').click();

  // The new matter's page: assigned (交办) to the bureau, about the project, its timeline opened by the 交办 entry.
  await expect(page.getByTestId('matter-title')).toContainText('二期用地指标尚未落实');
  await expect(page.getByTestId('matter-status').first()).toHaveAttribute('data-status', 'assigned');
  await expect(page.locator('[data-testid="matter-entry"][data-kind="assign"]')).toHaveCount(1);
  await expect(page.getByText('济南市自然资源和规划局天桥分局').first()).toBeVisible();
  await expect(page.getByTestId('matter-facts')).toContainText('用地');
  await shot(page, '77-desktop-matter-raised');

  // The bureau is the wrong one: the office reassigns (改派) it to the street with the reason, kept on the timeline.
  await page.getByTestId('matter-reassign').click();
  await expect(page.getByTestId('matter-reassign-form')).toBeVisible();
  await page.getByTestId('matter-reassign-ok').click();
  await expect(page.getByRole('dialog').getByText('此项必填').first()).toBeVisible();
  await pick(page, page.getByTestId('matter-reassign-lead-unit'), '北园街道办事处');
  await page.getByTestId('matter-reassign-reason').fill('用地指标由街道先行摸底上报');
  await shot(page, '79-desktop-matter-reassign');
  await page.getByTestId('matter-reassign-ok').click();
  await expect(page.getByTestId('matter-reassign-form')).toBeHidden();
  await expect(page.getByTestId('matter-facts')).toContainText('北园街道办事处');
  const reassigned = page.locator('[data-testid="matter-entry"][data-kind="reassign"]');
  await expect(reassigned).toContainText('改派');
  await expect(reassigned).toContainText('用地指标由街道先行摸底上报');
});
