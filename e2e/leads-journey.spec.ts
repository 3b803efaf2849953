import type { Page } from '@playwright/test';
import { expect as baseExpect, test } from './contract';
import { E2E_PASSWORD, inputOf, pick, shot, signIn, fitsWidth, openFromMenu } from './helpers';

// The machine that runs the journeys is shared and slow: each page's data may take a while to arrive.
const expect = baseExpect.configure({ timeout: 20_000 });

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

/** Moves the lead to the next stage from its page (confirming) and waits for the stage tag to say so. */
async function moveTo(page: Page, stage: string, label: string) {
  await page.getByTestId(`lead-move-${stage}`).click();
  await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
  await expect(page.getByTestId('lead-stage').first()).toHaveText(label);
}

test('a lead is recorded, followed up, moved through the stages and signed into a project that shows it', async ({ page }) => {
  test.setTimeout(240_000);
  const name = `高端装备再制造产业园项目${Date.now().toString(36)}`;

  // The investment promotion centre opens its board: the demo's pipeline by stage, overdue clocks flagged.
  await page.setViewportSize(DESKTOP);
  await signIn(page, 'invest', E2E_PASSWORD);
  await openFromMenu(page, 'leads');
  await expect(page).toHaveURL(/\/leads$/);
  // The whole pipeline loads at once: under load it can take a while.
  await expect(page.getByTestId('lead-column-negotiating').getByTestId('lead-card').first()).toBeVisible({ timeout: 40_000 });
  await expect(page.getByTestId('lead-overdue').first()).toBeVisible();
  await fitsWidth(page);
  await shot(page, '150-leads-board');

  // Only overdue leads.
  await page.getByTestId('lead-filter-overdue').click();
  await expect(page.getByTestId('lead-card').filter({ hasNot: page.getByTestId('lead-overdue') })).toHaveCount(0);
  await expect(page.getByTestId('lead-card').first()).toBeVisible();
  await page.getByTestId('lead-filter-overdue').click();

  // A new lead from a referral.
  await page.getByTestId('lead-add').click();
  const form = page.getByTestId('lead-form');
  await expect(form).toBeVisible();
  await page.getByTestId('lead-name').fill(name);
  await pick(page, page.getByTestId('lead-enterprise'), '华岳重工集团有限公司');
  await pick(page, page.getByTestId('lead-method'), '以商招商');
  await pick(page, page.getByTestId('lead-leader'), '刘志强（副区长）');
  await inputOf(page, 'lead-investment').fill('150000');
  await inputOf(page, 'lead-land').fill('100');
  await page.getByTestId('lead-save').click();
  await expect(page.getByTestId('lead-title')).toHaveText(name);
  await expect(page.getByTestId('lead-facts')).toContainText('华岳重工集团有限公司');
  await expect(page.getByTestId('lead-facts')).toContainText('15.00');

  // The first contact, logged.
  await page.getByTestId('lead-follow-up-add').click();
  await expect(page.getByTestId('lead-follow-up-form')).toBeVisible();
  await page.getByTestId('lead-follow-up-text').fill('电话联系企业投资部，了解再制造产线的用地和厂房需求');
  await page.getByTestId('lead-follow-up-next').fill('安排实地考察');
  await page.getByTestId('lead-follow-up-ok').click();
  await expect(page.getByTestId('lead-follow-ups')).toContainText('了解再制造产线的用地和厂房需求');
  await expect(page.locator('.ant-modal-wrap:visible')).toHaveCount(0);
  await shot(page, '151-lead-followed-up');

  // Out of order is impossible from the page: only the next stage and 终止 are offered.
  await expect(page.getByTestId('lead-sign')).toHaveCount(0);
  await moveTo(page, 'assessed', '已研判');
  await moveTo(page, 'site_visit', '考察');
  await moveTo(page, 'negotiating', '洽谈');

  // Signing: contract value and date, into the planning pool.
  await page.getByTestId('lead-sign').click();
  await expect(page.getByTestId('lead-sign-form')).toBeVisible();
  await inputOf(page, 'lead-contract-value').fill('120000');
  await expect(inputOf(page, 'lead-contract-value')).toHaveValue('120000');
  await page.getByTestId('lead-sign-ok').click();
  await expect(page.getByTestId('lead-stage').first()).toHaveText('已签约');
  await expect(page.getByTestId('lead-project')).toContainText(name);
  await shot(page, '152-lead-signed');

  // The project it became: its attraction track lists the lead.
  await page.getByTestId('lead-project').getByRole('link').click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]+\?track=attraction/);
  await expect(page.getByTestId('project-leads')).toContainText(name);
  await expect(page.getByTestId('project-leads')).toContainText('华岳重工集团有限公司');
  await expect(page.getByTestId('project-leads')).toContainText('12.00');
  await shot(page, '153-project-attraction-track');
  await page.getByTestId('project-lead-link').click();
  await expect(page.getByTestId('lead-title')).toHaveText(name);

  // On a phone: the board is a list, and the lead page fits the screen.
  await page.setViewportSize(PHONE);
  const leadUrl = page.url();
  await page.goto('/leads');
  await expect(page.getByTestId('lead-list').getByTestId('lead-card').first()).toBeVisible();
  await fitsWidth(page);
  await shot(page, '154-phone-leads');
  await page.goto(leadUrl);
  await expect(page.getByTestId('lead-title')).toHaveText(name);
  await fitsWidth(page);
  await shot(page, '155-phone-lead');
});
