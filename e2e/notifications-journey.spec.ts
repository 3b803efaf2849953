import { expect, test } from './contract';
import { shot, signInAs, signOut } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

test('the bell shows unread notifications on a phone and leads to the record; the office sees a unit’s channels, switched off', async ({
  page,
}) => {
  // The unit's clerk has the demo's reminder and welcome unread (and the deadline reminders the server sent at start).
  await page.setViewportSize(PHONE);
  await signInAs(page, 'unit', '/');
  const bell = page.getByTestId('notification-bell');
  const badge = page.locator('.ant-badge-count').first();
  await expect(badge).toBeVisible();
  const unread = Number(await badge.textContent());
  expect(unread).toBeGreaterThanOrEqual(2);
  await bell.click();
  const items = page.getByTestId('notification-item');
  await expect(items.first()).toBeVisible();
  expect(await items.count()).toBe(unread);
  await shot(page, '80-inbox-phone');
  // The office's reminder goes to the reports the unit owes, and is read from then on.
  await items.filter({ hasText: '项目办提醒' }).click();
  await expect(page).toHaveURL(/\/my-reports$/);
  await expect(badge).toHaveText(String(unread - 1));
  await signOut(page);

  // The project office's own unit has a WeCom group configured but off; send test reports why it was not delivered.
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'office', '/notification-channels');
  await expect(page.getByText('区重点项目调度群（企业微信）')).toBeVisible();
  await expect(page.getByText('qyapi.weixin.qq.com · key ****')).toBeVisible();
  await shot(page, '81-unit-channels');
  await page.getByTestId('channel-add').click();
  await page.getByLabel('名称').fill('测试群');
  await page.getByLabel('Webhook 地址').fill('http://169.254.169.254/robot/send?access_token=x');
  await page
    .getByRole('button', { name: '保 存' })
    .or(page.getByRole('button', { name: '保存' }))
    .click();
  await expect(page.getByText('链路本地地址')).toBeVisible();
  await shot(page, '82-channel-refused');
});
