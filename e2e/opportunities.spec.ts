import type { Page } from '@playwright/test';
import { expect, test } from './contract';
import { fitsWidth, shot, signInAs, signOut } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

/** The row of the staff's table that holds the title. */
const rowOf = (page: Page, title: string) => page.locator('tr.ant-table-row').filter({ hasText: title });

/** Confirms the open Popconfirm (antd spaces a two-character button 确 定, so the primary button is taken by its kind). */
const confirmPop = (page: Page) => page.locator('.ant-popconfirm:visible .ant-btn-primary').click();

test('the city opportunity list: an enterprise reads it signed out on a phone; the investment staff draft, return, publish and withdraw', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // No script in an item's text may ever run: any dialog fails the journey.
  page.on('dialog', (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });

  // An enterprise, signed out, on a phone: from the sign-in page to the published list.
  await page.setViewportSize(PHONE);
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-opportunities').click();
  await expect(page).toHaveURL(/\/open\/opportunities$/);
  const cards = page.getByTestId('public-opportunity');
  await expect(cards.first()).toBeVisible();
  await expect(cards).toHaveCount(10);
  await expect(page.getByText('新材料产业园智慧能源管理应用场景')).toBeVisible();
  // The expired, the draft and the one in review are not there.
  await expect(page.getByText('农机装备园仓储用地（已到期）')).toHaveCount(0);
  await expect(page.getByText('中央厨房产业园冷链溯源应用场景')).toHaveCount(0);
  await expect(page.getByText('特色商贸组团临街商业用房招租')).toHaveCount(0);
  await fitsWidth(page);
  await shot(page, '180-phone-public-opportunities');
  await page.getByTestId('public-opportunity-kinds').getByText('土地').click();
  await expect(cards).toHaveCount(2);
  await page.getByRole('link', { name: '智能制造产业园标准地（约 86 亩）' }).click();
  await expect(page).toHaveURL(/\/open\/opportunities\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('public-opportunity-detail')).toContainText('投资强度不低于 350 万元/亩');
  await fitsWidth(page);
  await shot(page, '181-phone-public-opportunity');
  await page.goto('/open/opportunities/00000000-0000-4000-8000-000000000000');
  await expect(page.getByTestId('public-opportunity-missing')).toBeVisible();

  // The investment promotion centre at its desk: the list by state.
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'invest', '/opportunities');
  await expect(page).toHaveURL(/\/opportunities$/);
  await expect(rowOf(page, '新材料产业园智慧能源管理应用场景')).toBeVisible();
  await fitsWidth(page);
  await shot(page, '182-opportunities-staff-list');

  // A new item whose text carries a script: drafted, submitted, returned with a reason, edited, submitted, published.
  const title = '北园数据中心算力应用场景<script>alert(1)</script>';
  await page.getByTestId('opportunity-new').click();
  const form = page.getByTestId('opportunity-form');
  await expect(form).toBeVisible();
  await page.getByTestId('opportunity-title').fill(title);
  await page
    .getByTestId('opportunity-description')
    .fill('开放 2,000 个机柜的算力调度场景，<img src=x onerror=alert(2)> 欢迎算力服务企业参与。');
  await page.getByTestId('opportunity-location').fill('天桥区北园大街');
  await page.getByTestId('opportunity-contact-name').fill('陈静');
  await page.getByTestId('opportunity-contact-phone').fill('0531-85901234');
  await page.getByTestId('opportunity-form-ok').click();
  const row = rowOf(page, '北园数据中心算力应用场景');
  await expect(row).toBeVisible();
  await expect(row.locator('[data-testid^="opportunity-status-"]')).toHaveText('草稿');
  await row.locator('[data-testid^="opportunity-submit-"]').click();
  await expect(row.locator('[data-testid^="opportunity-status-"]')).toHaveText('待审核');
  await row.locator('[data-testid^="opportunity-return-"]').click();
  await page.getByTestId('opportunity-return-reason').fill('请补充机柜功率和电价');
  await page.getByTestId('opportunity-return-ok').click();
  await expect(row.locator('[data-testid^="opportunity-status-"]')).toHaveText('已退回');
  await expect(row.locator('[data-testid^="opportunity-reason-"]')).toContainText('请补充机柜功率和电价');
  await shot(page, '183-opportunity-returned');
  await row.locator('[data-testid^="opportunity-edit-"]').click();
  await expect(page.locator('.ant-modal-title:visible')).toHaveText('修改机会');
  await expect(page.getByTestId('opportunity-title')).toHaveValue(title);
  await page
    .getByTestId('opportunity-description')
    .fill('开放 2,000 个机柜（单柜 8 kW）的算力调度场景，<img src=x onerror=alert(2)> 欢迎算力服务企业参与。');
  await page.getByTestId('opportunity-form-ok').click();
  // The form closes only once the change is saved (the draft's own 已保存 may still be on screen).
  await expect(form).toBeHidden();
  await row.locator('[data-testid^="opportunity-submit-"]').click();
  await expect(row.locator('[data-testid^="opportunity-status-"]')).toHaveText('待审核');
  await row.locator('[data-testid^="opportunity-publish-"]').click();
  await confirmPop(page);
  await expect(row.locator('[data-testid^="opportunity-status-"]')).toHaveText('已发布');
  await expect(row).toContainText('公开中');
  await shot(page, '184-opportunity-published');

  // On the public page the script is text, shown as typed.
  await signOut(page);
  await page.goto('/open/opportunities');
  const published = page.getByTestId('public-opportunity').filter({ hasText: '北园数据中心算力应用场景' });
  await expect(published).toContainText('<script>alert(1)</script>');
  await expect(published).toContainText('<img src=x onerror=alert(2)>');
  await fitsWidth(page);
  await shot(page, '185-public-opportunities-desktop');

  // Withdrawn, it is gone from the public list (the staff's change reaches this instance's public answers at once).
  await signInAs(page, 'invest', '/opportunities');
  await page.setViewportSize(PHONE);
  await expect(row).toBeVisible();
  await fitsWidth(page);
  await shot(page, '186-phone-opportunities-staff-list');
  await row.locator('[data-testid^="opportunity-withdraw-"]').click();
  await confirmPop(page);
  await expect(row.locator('[data-testid^="opportunity-status-"]')).toHaveText('已撤回');
  await page.setViewportSize(DESKTOP);
  await signOut(page);
  await page.goto('/open/opportunities');
  await expect(page.getByTestId('public-opportunity').first()).toBeVisible();
  await expect(page.getByText('北园数据中心算力应用场景')).toHaveCount(0);
});
