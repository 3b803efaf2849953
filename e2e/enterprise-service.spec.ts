import type { Page } from '@playwright/test';
import { composeUscc } from '../common/domain/uscc';
import { expect, test } from './contract';
import type { Locator } from '@playwright/test';
import { fitsWidth, inputOf, openFromMenu, pick, shot, signInAs, signOut } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

/**
 * Picks one option of a Select or TreeSelect by typing and clicking its match, then waits (long: the machine is loaded)
 * for the drop-down to close — a multiple select is closed with Escape once the option shows as selected.
 */
async function choose(page: Page, field: Locator, text: string) {
  await field.scrollIntoViewIfNeeded();
  await field.click();
  await page.keyboard.type(text);
  const dropdown = page.locator('.ant-select-dropdown:visible');
  const option = dropdown
    .getByTitle(text, { exact: true })
    .or(dropdown.locator('.ant-select-item-option').filter({ hasText: text }))
    .first();
  await option.click();
  if (((await field.getAttribute('class')) ?? '').includes('ant-select-multiple')) {
    await expect(option).toHaveClass(/ant-select-item-option-selected/);
    await page.keyboard.press('Escape');
  }
  await expect(dropdown).toHaveCount(0);
}

test('the service centre registers an enterprise, records a visit whose demand reaches the matters board, and pushes a policy to it', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36).slice(-4).toUpperCase();
  // The same name as a demo enterprise's once its legal form is dropped: a possible duplicate (each run has a fresh database).
  const name = '济南北园智能装备（集团）有限公司';
  const uscc = composeUscc('91', '370105', `MA7E2E${String(Date.now() % 97).padStart(2, '0')}`);
  const wrongCheck = uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');
  // The visit is recorded today (China Standard Time), as the form defaults.
  const visitDay = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

  // 企业库 at the desk: the demo's register, with its tags and listing stages.
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'office', '/enterprises');
  await expect(page).toHaveURL(/\/enterprises$/);
  await expect(page.getByTestId('enterprise-row').first()).toBeVisible();
  await expect(page.getByText('拟上市 · 辅导备案').first()).toBeVisible();
  await fitsWidth(page);
  await shot(page, '160-desktop-enterprise-register');

  // A new enterprise with its USCC mistyped at the check character: the message names position 18 and what it should be.
  await page.getByTestId('enterprise-create').click();
  await inputOf(page, 'enterprise-name').fill(name);
  await inputOf(page, 'enterprise-uscc').fill(wrongCheck);
  await choose(page, page.getByTestId('enterprise-tags'), '专精特新');
  // Its headquarters from all China by a piece of the name (cities before their districts), offered in full.
  await pick(page, page.getByTestId('enterprise-hq'), '深圳');
  await expect(page.getByTestId('enterprise-hq')).toContainText('广东省深圳市');
  await page.getByTestId('enterprise-save').click();
  const form = page.getByTestId('enterprise-form');
  await expect(form).toContainText('第 18 位（校验码）应为');
  await expect(form).toContainText(`“${uscc[17]}”`);
  await shot(page, '161-desktop-enterprise-uscc-error');
  await inputOf(page, 'enterprise-uscc').fill(uscc);
  await expect(inputOf(page, 'enterprise-uscc')).toHaveValue(uscc);
  await expect(form).not.toContainText('第 18 位（校验码）应为');
  await page.getByTestId('enterprise-save').click();
  await expect(form).toBeHidden();
  // Saved; its name is close to a demo enterprise's, which the page points out.
  const warning = page.getByTestId('enterprise-similar-warning');
  await expect(warning).toContainText('济南北园智能装备有限公司');
  await shot(page, '162-desktop-enterprise-similar-warning');

  // Its page, then a visit recorded there with one demand for 北园街道.
  await page.getByTestId('enterprise-search').locator('input').fill('智能装备（集团）');
  await page.getByTestId('enterprise-search').locator('input').press('Enter');
  await page.getByTestId('enterprise-link').filter({ hasText: name }).click();
  await expect(page.getByTestId('enterprise-title')).toHaveText(name);
  await expect(page.getByTestId('enterprise-facts')).toContainText(uscc);
  await expect(page.getByTestId('enterprise-facts')).toContainText('深圳市');
  await page.getByTestId('enterprise-record-visit').click();
  const visitForm = page.getByTestId('visit-form');
  await expect(visitForm).toBeVisible();
  await inputOf(page, 'visit-visitors').fill('李科长');
  await inputOf(page, 'visit-visitors').press('Enter');
  await inputOf(page, 'visit-purpose').fill('了解企业扩产计划和用工需求');
  await page.getByTestId('visit-notes').fill('企业计划新上一条装配线，需新增技术工人 60 名。');
  await page.getByTestId('visit-add-demand').click();
  const demandTitle = `技术工人招聘困难${stamp}`;
  await inputOf(page, 'visit-demand-title').fill(demandTitle);
  await page.getByTestId('visit-demand-description').fill('企业需招聘数控技术工人 60 名，请协助对接职业院校。');
  await choose(page, page.getByTestId('visit-demand-category'), '人才');
  await choose(page, page.getByTestId('visit-demand-lead-unit'), '北园街道办事处');
  await shot(page, '163-desktop-record-visit');
  await page.getByTestId('visit-save').click();
  await expect(visitForm).toBeHidden();
  const demand = page.getByTestId('enterprise-visits').getByTestId('visit-demand');
  await expect(demand).toContainText(demandTitle);
  await expect(demand.getByTestId('matter-status')).toHaveAttribute('data-status', 'assigned');
  await fitsWidth(page);
  await shot(page, '164-desktop-enterprise-page-visit');

  // The demand is a matter on the board, as 企业诉求, assigned to 北园街道.
  await openFromMenu(page, 'matters');
  await choose(page, page.getByTestId('matter-filter-source'), '企业诉求');
  await expect(page.getByTestId('matter-row').filter({ hasText: demandTitle })).toContainText('北园街道');
  // Its page names the visit it was raised in and leads back to the enterprise, whose visits list it.
  await page.getByTestId('matter-row').filter({ hasText: demandTitle }).click();
  const fromVisit = page.getByTestId('matter-facts').getByTestId('matter-source-visit');
  await expect(page.getByTestId('matter-facts')).toContainText('来自走访');
  await expect(fromVisit).toHaveText(`${name} ${visitDay}`);
  await shot(page, '595-desktop-matter-from-visit');
  await fromVisit.click();
  await expect(page.getByTestId('enterprise-title')).toHaveText(name);
  await expect(page.getByTestId('enterprise-visits').getByTestId('visit-demand')).toContainText(demandTitle);

  // 惠企政策: a policy for 专精特新 local enterprises fits the new one; pushed to it, then its application recorded.
  await openFromMenu(page, 'policies');
  await expect(page.getByTestId('policy-card').first()).toBeVisible();
  await page.getByTestId('policy-create').click();
  await inputOf(page, 'policy-title').fill(`天桥区专精特新企业研发补助（${stamp}）`);
  await inputOf(page, 'policy-issuer').fill('天桥区工业和信息化局');
  await page.getByTestId('policy-body').fill('对专精特新中小企业新购研发设备给予 10% 补助。');
  await choose(page, page.getByTestId('policy-tags'), '专精特新');
  await page.getByTestId('policy-save').click();
  await expect(page.getByTestId('policy-heading')).toContainText(stamp);
  const fit = page.getByTestId('policy-fits').locator('tr').filter({ hasText: name });
  await expect(fit).toBeVisible();
  await fit.locator('input[type="checkbox"]').check();
  await expect(page.getByTestId('policy-push')).toBeEnabled();
  await page.getByTestId('policy-push').click();
  const delivery = page.getByTestId('policy-deliveries').locator('tr').filter({ hasText: name });
  await expect(delivery).toContainText('已告知');
  await expect(fit).toContainText('已告知');
  await fitsWidth(page);
  await shot(page, '165-desktop-policy-pushed');
  await delivery.getByTestId('delivery-applied').click();
  await expect(delivery).toContainText('已申报');
  await shot(page, '166-desktop-policy-applied');
  await signOut(page);

  // The 北园 clerk on his phone: the demand on his board, the register as cards, the enterprise's history.
  await page.setViewportSize(PHONE);
  await signInAs(page, 'unit', '/');
  await page.getByTestId('menu-toggle').click();
  await openFromMenu(page, 'matters');
  await expect(page.getByTestId('matter-row').filter({ hasText: demandTitle })).toBeVisible();
  await fitsWidth(page);
  await shot(page, '167-phone-demand-on-board');
  // He handles the demand but the visit is the centre's: its page says where it came from, in words, without a link.
  await page.getByTestId('matter-row').filter({ hasText: demandTitle }).click();
  await expect(page.getByTestId('matter-source-visit')).toHaveText(`${name} ${visitDay}`);
  await expect(page.locator('a[data-testid="matter-source-visit"]')).toHaveCount(0);
  await fitsWidth(page);
  await shot(page, '596-phone-matter-from-visit-words');
  await page.getByTestId('menu-toggle').click();
  await openFromMenu(page, 'enterprises');
  await expect(page.getByTestId('enterprise-card').first()).toBeVisible();
  await fitsWidth(page);
  await shot(page, '168-phone-enterprise-register');
  await page.getByTestId('menu-toggle').click();
  await openFromMenu(page, 'visits');
  await expect(page.getByTestId('visit-card').first()).toBeVisible();
  await fitsWidth(page);
  await shot(page, '169-phone-visits');
});

test('a unit downloads its visits as a sheet from the visits page, and is offered the visits template and import', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'unit', '/visits');
  await page.getByTestId('visit-sheets').click();
  for (const item of ['导出走访记录（按当前筛选）', '下载走访导入模板', '导入走访…']) {
    await expect(page.getByRole('menuitem', { name: item })).toBeVisible();
  }
  await shot(page, '345-desktop-visits-sheets-menu');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: '导出走访记录（按当前筛选）' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^走访记录-\d{4}-\d{2}-\d{2}\.xlsx$/);
  // The import page sits under 走访服务 (企业服务), set to visits; a phone shows it whole.
  await page.getByTestId('visit-sheets').click();
  await page.getByRole('menuitem', { name: '导入走访…' }).click();
  await expect(page).toHaveURL(/\/visits\/import\?kind=visits/);
  await expect(page.getByTestId('menu-visits').first()).toHaveClass(/ant-menu-item-selected/);
  await expect(page.getByText('每行登记一次走访，企业诉求每行一条交办')).toBeVisible();
  await page.setViewportSize(PHONE);
  await fitsWidth(page);
  await shot(page, '346-phone-visits-import');
});
