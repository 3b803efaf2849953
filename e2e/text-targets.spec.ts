import { expect, test } from './contract';
import { shot, signInAs } from './helpers';

test('the office pastes a passage of a work report, edits the proposed rows and creates them', async ({ page }) => {
  test.setTimeout(180_000);
  const suffix = `（E2E ${Date.now().toString(36)}）`;
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, 'office', '/targets');
  await page.getByTestId('text-targets-open').click();
  await page
    .getByTestId('text-targets-input')
    .fill('过去一年，实现地区生产总值440.5亿元。\n今年主要预期目标：新开工项目50个以上，完成老旧小区改造12万平方米。');
  await page.getByTestId('text-targets-read').click();
  const names = page.getByTestId('text-target-name');
  await expect(names).toHaveCount(2);
  // Last year's 440.5亿元 is not proposed; each row keeps its sentence.
  const table = page.getByTestId('text-targets-drawer').locator('.ant-table');
  await expect(table).not.toContainText('440.5');
  await expect(table).toContainText('新开工项目50个以上');
  for (let i = 0; i < 2; i += 1) await names.nth(i).fill(`${await names.nth(i).inputValue()}${suffix}`);

  for (const picker of ['text-targets-owner', 'text-targets-pledge-unit']) {
    await page.getByTestId(picker).click();
    await page.keyboard.type('北园街道');
    await page.locator('.ant-select-tree-node-content-wrapper:visible', { hasText: '北园街道办事处' }).first().click();
  }
  await shot(page, '136-text-targets-desktop');
  await page.getByTestId('text-targets-confirm').click();
  await expect(page.getByTestId('text-targets-created')).toHaveText('已创建 2 项');
  await expect(page.getByTestId('text-target-error')).toHaveCount(0);
  await shot(page, '137-text-targets-created');
  // The same drawer on a phone: the table scrolls inside it.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId('text-targets-created')).toBeVisible();
  await shot(page, '138-text-targets-phone');
});
