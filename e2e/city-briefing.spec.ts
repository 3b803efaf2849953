import { readFile } from 'node:fs/promises';
import { expect, test } from './contract';
import { fitsWidth, lastMonth, shot, signInAs } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

// The city user (济南市重点项目服务中心, a reader) downloads last month's 通报 of 济南市 over its three districts from
// 月度填报, as Word and as a workbook.
test('the city user downloads last month’s 通报 of 济南市 from 月度填报, as Word and as Excel', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'city', '/reporting-periods');
  await expect(page.getByTestId('briefing-download')).toHaveText(/下载月度通报/);
  await expect(page.getByTestId('briefing-download-xlsx')).toHaveText(/Excel/);
  // The list holds the three districts' months: each row says whose it is.
  const districts = page.getByTestId('period-district');
  await expect(districts.first()).toBeVisible();
  expect(new Set(await districts.allTextContents())).toEqual(new Set(['天桥区', '槐荫区', '历城区']));
  await shot(page, '480-city-briefing-button-desktop');

  const { year, month } = lastMonth();
  const [word] = await Promise.all([page.waitForEvent('download'), page.getByTestId('briefing-download').click()]);
  expect(word.suggestedFilename()).toBe(`济南市重点项目建设情况通报-${year}年${month}月.docx`);
  const file = await readFile(await word.path());
  expect(file.length).toBeGreaterThan(5_000);
  expect(file.subarray(0, 2).toString('latin1')).toBe('PK');

  const [book] = await Promise.all([page.waitForEvent('download'), page.getByTestId('briefing-download-xlsx').click()]);
  expect(book.suggestedFilename()).toBe(`济南市重点项目建设情况通报-${year}年${month}月.xlsx`);
  expect((await readFile(await book.path())).subarray(0, 2).toString('latin1')).toBe('PK');
  await shot(page, '481-city-briefing-downloaded-desktop');

  await page.setViewportSize(PHONE);
  await expect(page.getByTestId('briefing-download')).toBeVisible();
  await expect(page.getByTestId('briefing-download-xlsx')).toBeVisible();
  await fitsWidth(page);
  await shot(page, '482-city-briefing-button-phone');
});
