import { expect, test } from './contract';
import { fitsWidth, shot, signInAs, signOut } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

test('the office sets a target for 北园街道, an actual is entered, and the clerk reads completion against time on his phone', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const name = `加装电梯（E2E ${Date.now().toString(36)}）`;

  // The office at its desk: the year's published indicators, then a new one owned by 北园街道.
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'office', '/targets');
  await expect(page).toHaveURL(/\/targets$/);
  await expect(page.getByTestId('indicator-standing-地区生产总值增长')).toContainText('增长');
  await shot(page, '130-targets-desktop');
  await page.getByTestId('indicator-add').click();
  await page.getByTestId('indicator-name').fill(name);
  await page.getByTestId('indicator-target').fill('10');
  await page.getByTestId('indicator-owner').click();
  await page.keyboard.type('北园街道');
  await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '北园街道办事处' }).first().click();
  await page.getByTestId('indicator-form-save').click();
  await expect(page.getByTestId(`indicator-standing-${name}`)).toHaveText('暂无实际数');

  // An actual for this month: half the target.
  await page.getByTestId(`indicator-enter-${name}`).click();
  await page.getByTestId('actual-value').fill('5');
  await page.getByTestId('actual-note').fill('已完成5部，竣工验收单已归档');
  await page.getByTestId('actual-form-save').click();
  await expect(page.getByTestId(`indicator-standing-${name}`)).toHaveText(
    /^完成年度目标的50\.0%，(快于时间进度\d+\.\d个百分点|慢于时间进度\d+\.\d个百分点|与时间进度持平)$/,
  );
  await shot(page, '131-targets-desktop-entered');
  await signOut(page);

  // The 北园 clerk on his phone sees his unit's indicators only, worded the same way.
  await page.setViewportSize(PHONE);
  await signInAs(page, 'unit', '/targets');
  const table = page.getByTestId('indicators-table');
  await expect(table).toContainText(name);
  await expect(table).toContainText('完成年度目标的50.0%');
  await expect(table).not.toContainText('地区生产总值增长');
  await fitsWidth(page);
  await shot(page, '132-targets-phone');
  await page.goto('/livelihood');
  await expect(page.getByTestId('commitments-table')).toContainText('加装既有住宅电梯');
  await fitsWidth(page);
  await shot(page, '133-livelihood-phone');
  await signOut(page);
});
