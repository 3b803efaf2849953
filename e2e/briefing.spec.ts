import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { lastMonth, shot, signInAs } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

test('the project office downloads last month’s 通报 from 月度填报 as a Word document', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'office', '/reporting-periods');
  await expect(page.getByTestId('period-table')).toBeVisible();
  await expect(page.getByTestId('briefing-download')).toHaveText(/下载月度通报/);
  await shot(page, '140-briefing-button-desktop');

  const { year, month } = lastMonth();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('briefing-download').click()]);
  expect(download.suggestedFilename()).toBe(`天桥区重点项目建设情况通报-${year}年${month}月.docx`);
  const file = await readFile(await download.path());
  expect(file.length).toBeGreaterThan(5_000);
  expect(file.subarray(0, 2).toString('latin1')).toBe('PK');

  await page.setViewportSize(PHONE);
  await expect(page.getByTestId('briefing-download')).toBeVisible();
  await shot(page, '141-briefing-button-phone');
});
