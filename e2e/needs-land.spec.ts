import { expect, test } from './contract';
import { fitsWidth, shot, signInAs } from './helpers';

// 需要新增用地 is 是 / 否 / 未填: a new project starts 未填 (not "no"), and the office states it in the form.
test('the office sees a new project’s land need as not stated, and states it in the form as 是', async ({ page }) => {
  await signInAs(page, 'office', '/projects');
  await page.getByTestId('project-create').click();
  const form = page.getByTestId('project-form');
  await expect(form).toBeVisible();
  const needsLand = page.getByTestId('project-needs-land');
  await needsLand.scrollIntoViewIfNeeded();
  await expect(needsLand.locator('.ant-radio-button-wrapper-checked')).toHaveText('未填');
  await expect(form).toContainText('未填时不能进入实施库');
  await shot(page, '450-needs-land-new-form');
  await page.getByTestId('project-name').fill('用地需求测试项目');
  await page.getByTestId('project-save').click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}/);
  const details = page.getByTestId('planning-details');
  await expect(details).toContainText('需要新增用地未填');

  await page.getByTestId('project-edit').click();
  await needsLand.scrollIntoViewIfNeeded();
  await needsLand.getByText('是', { exact: true }).click();
  await expect(needsLand.locator('.ant-radio-button-wrapper-checked')).toHaveText('是');
  await shot(page, '451-needs-land-stated');
  await page.getByTestId('project-save').click();
  await expect(form).toBeHidden();
  await expect(details).toContainText('需要新增用地是');

  // On a phone the three choices fit beside each other in the form.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('project-edit').click();
  await needsLand.scrollIntoViewIfNeeded();
  await expect(needsLand.locator('.ant-radio-button-wrapper-checked')).toHaveText('是');
  await fitsWidth(page);
  await shot(page, '452-needs-land-phone');
});
