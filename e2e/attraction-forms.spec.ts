import type { Page } from '@playwright/test';
import { expect, test } from './contract';
import { fitsWidth, inputOf, openFromMenu, pick, shot, signInAs, signOut } from './helpers';

// The attraction forms an official fills by names, never by ids: a park and a parcel recorded and corrected through
// their forms (the server's refusal under the field it names), and a lead's unit and owner picked by name.

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** Closes the open form by its 取消 button (an Escape pressed before the dialog holds the focus is lost). */
const cancel = (page: Page) =>
  page
    .locator('.ant-modal-wrap:visible')
    .getByRole('button', { name: /取\s*消/ })
    .click();

async function searchParcel(page: Page, text: string) {
  const search = page.getByPlaceholder('地块编号或名称');
  await search.fill(text);
  await search.press('Enter');
}

test('a park and a parcel recorded and corrected through their forms, on a desktop and a phone', async ({ page }) => {
  test.setTimeout(240_000);
  const suffix = Date.now().toString(36).slice(-5);
  const parkName = `检验检测产业园${suffix}`;
  const parcelCode = `TQ-E2E-${suffix}`;
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'invest', '/');

  // A new park: cluster and leading industries picked by name.
  await openFromMenu(page, 'parks');
  await expect(page.getByTestId('park-card').first()).toBeVisible();
  await page.getByTestId('park-add').click();
  const parkForm = page.getByTestId('park-form');
  await inputOf(page, 'park-name').fill(parkName);
  await pick(page, page.getByTestId('park-cluster'), '高科创新');
  await inputOf(page, 'park-area').fill('650');
  await pick(page, page.getByTestId('park-industries'), '智能制造装备');
  await expect(parkForm).toContainText('所属组团');
  await shot(page, '555-desktop-park-form');
  await page.getByTestId('park-ok').click();
  await expect(parkForm).toBeHidden();
  await page.getByPlaceholder('园区名称').fill(parkName);
  await page.getByPlaceholder('园区名称').press('Enter');
  const card = page.getByTestId('park-card').filter({ hasText: parkName });
  await expect(card).toContainText('高科创新');
  await expect(card).toContainText('650');
  await expect(card).toContainText('智能制造装备');

  // Corrected: the same name twice is refused under 园区名称 by the server; then the area is changed.
  await card.getByTestId('park-edit').click();
  await inputOf(page, 'park-name').fill('新材料产业园');
  await page.getByTestId('park-ok').click();
  await expect(parkForm.locator('.ant-form-item-explain-error')).toContainText('新材料产业园');
  await shot(page, '556-desktop-park-form-duplicate');
  await inputOf(page, 'park-name').fill(parkName);
  await inputOf(page, 'park-area').fill('720');
  await page.getByTestId('park-ok').click();
  await expect(parkForm).toBeHidden();
  await expect(card).toContainText('720');
  await fitsWidth(page);
  await shot(page, '557-desktop-park-card');

  // A new parcel in that park, a 标准地: an intensity of 0 is refused by the server under its field.
  await openFromMenu(page, 'parcels');
  await page.getByTestId('parcel-add').click();
  const parcelForm = page.getByTestId('parcel-form');
  await inputOf(page, 'parcel-code').fill(parcelCode);
  await inputOf(page, 'parcel-name').fill('检验检测产业园东侧地块');
  await pick(page, page.getByTestId('parcel-park'), parkName);
  await inputOf(page, 'parcel-area').fill('48.5');
  await pick(page, page.getByTestId('parcel-industries'), '智能制造装备');
  await parcelForm.getByText('待供').click();
  await page.getByTestId('parcel-standard').click();
  await inputOf(page, 'parcel-investmentIntensityWan').fill('0');
  await inputOf(page, 'parcel-taxPerMuWan').fill('30');
  await page.getByTestId('parcel-ok').click();
  await expect(parcelForm.locator('.ant-form-item-explain-error')).toContainText('大于');
  await shot(page, '558-desktop-parcel-form-error');
  await inputOf(page, 'parcel-investmentIntensityWan').fill('350');
  await page.getByTestId('parcel-ok').click();
  await expect(parcelForm).toBeHidden();
  await searchParcel(page, parcelCode);
  const row = page.getByTestId('parcels-table').locator('tr').filter({ hasText: parcelCode });
  await expect(row).toContainText('检验检测产业园东侧地块');
  await expect(row).toContainText(parkName);
  await expect(row).toContainText('待供');
  await expect(row).toContainText('投资强度 ≥ 350 万元/亩');

  // Edited: the form opens with the park by name, and a new name is saved.
  await row.getByTestId('parcel-edit').click();
  await expect(page.getByTestId('parcel-park')).toContainText(parkName);
  await expect(parcelForm).not.toContainText(UUID);
  await inputOf(page, 'parcel-name').fill('检验检测产业园东地块');
  await shot(page, '559-desktop-parcel-form-edit');
  await page.getByTestId('parcel-ok').click();
  await expect(parcelForm).toBeHidden();
  await expect(row).toContainText('检验检测产业园东地块');
  await shot(page, '560-desktop-parcel-row');

  // On a phone: the list and the form fit the screen.
  await page.setViewportSize(PHONE);
  await fitsWidth(page);
  await page.getByTestId('parcel-add').click();
  await expect(parcelForm).toBeVisible();
  await fitsWidth(page);
  await shot(page, '561-phone-parcel-form');
  await cancel(page);
  await expect(parcelForm).toBeHidden();
  await page.goto('/parks');
  await page.getByPlaceholder('园区名称').fill(parkName);
  await page.getByPlaceholder('园区名称').press('Enter');
  await expect(page.getByTestId('park-card').filter({ hasText: parkName })).toBeVisible();
  await fitsWidth(page);
  await shot(page, '562-phone-park-card');
});

test('a lead’s unit and owner are picked by name, even a unit outside the reader’s tree', async ({ page }) => {
  test.setTimeout(240_000);
  const leadName = `检测仪器区域服务中心项目${Date.now().toString(36).slice(-5)}`;
  await page.setViewportSize(DESKTOP);

  // The investment centre editing a park's lead: the unit (a park's committee, outside its tree) shows by name.
  await signInAs(page, 'invest', '/leads');
  await page.getByRole('link', { name: '工业机器人区域总部项目' }).first().click();
  await expect(page.getByTestId('lead-title')).toHaveText('工业机器人区域总部项目');
  await page.getByTestId('lead-edit').click();
  const leadForm = page.getByTestId('lead-form');
  await expect(page.getByTestId('lead-unit')).toContainText('管委会');
  await expect(page.getByTestId('lead-owner')).not.toContainText(UUID);
  await expect(leadForm).not.toContainText(UUID);
  await shot(page, '563-desktop-lead-form-unit-by-name');
  await cancel(page);
  await expect(leadForm).toBeHidden();

  // The project office records a lead for the investment centre and names its owner from that unit's people.
  await signOut(page);
  await signInAs(page, 'office', '/leads');
  await page.getByTestId('lead-add').click();
  await inputOf(page, 'lead-name').fill(leadName);
  await expect(leadForm).toContainText('不填则为本人');
  await pick(page, page.getByTestId('lead-unit'), '区投资促进中心');
  await page.getByTestId('lead-owner').click();
  const people = page.locator('.ant-select-dropdown:visible');
  await expect(people).toContainText('陈静（投资促进中心）');
  await expect(people).toContainText('李明（重点项目办）');
  await shot(page, '564-desktop-lead-owner-picker');
  await people.getByText('陈静（投资促进中心）', { exact: true }).click();
  await page.getByTestId('lead-save').click();
  await expect(leadForm).toBeHidden();

  // The new lead's page names its unit and owner; edited, the pickers start from those names.
  await expect(page.getByTestId('lead-title')).toHaveText(leadName);
  const facts = page.getByTestId('lead-facts');
  await expect(facts).toContainText('区投资促进中心');
  await expect(facts).toContainText('陈静（投资促进中心）');
  await page.getByTestId('lead-edit').click();
  await expect(page.getByTestId('lead-unit')).toContainText('区投资促进中心');
  await expect(page.getByTestId('lead-owner')).toContainText('陈静（投资促进中心）');
  await pick(page, page.getByTestId('lead-owner'), '李明（重点项目办）');
  await shot(page, '565-desktop-lead-form-edit');
  await page.getByTestId('lead-save').click();
  await expect(leadForm).toBeHidden();
  await expect(facts).toContainText('李明（重点项目办）');
  await shot(page, '566-desktop-lead-page');

  // On a phone the form's pickers fit the screen.
  await page.setViewportSize(PHONE);
  await page.getByTestId('lead-edit').click();
  await expect(page.getByTestId('lead-owner')).toContainText('李明（重点项目办）');
  await fitsWidth(page);
  await shot(page, '567-phone-lead-form');
});

test('a visit names its unit and visitors, and a policy its headquarters regions, by name', async ({ page }) => {
  test.setTimeout(240_000);
  const purpose = `了解检测设备扩产计划${Date.now().toString(36).slice(-5)}`;
  const policyTitle = `北园街道企业研发设备补助${Date.now().toString(36).slice(-5)}`;
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'invest', '/');

  // 登记走访 from the enterprise's page: the visiting unit and the platform's visitors are picked by name.
  await openFromMenu(page, 'enterprises');
  await expect(page.getByTestId('enterprise-row').first()).toBeVisible();
  await inputOf(page, 'enterprise-search').fill('华岳重工集团有限公司');
  await inputOf(page, 'enterprise-search').press('Enter');
  await page.getByTestId('enterprise-link').filter({ hasText: '华岳重工集团有限公司' }).first().click();
  await page.getByTestId('enterprise-record-visit').click();
  const visitForm = page.getByTestId('visit-form');
  await pick(page, page.getByTestId('visit-unit'), '区投资促进中心');
  await pick(page, page.getByTestId('visit-visitor-users'), '陈静（投资促进中心）');
  await inputOf(page, 'visit-purpose').fill(purpose);
  await expect(visitForm).not.toContainText(UUID);
  await shot(page, '568-desktop-visit-form-pickers');
  await page.getByTestId('visit-save').click();
  await expect(visitForm).toBeHidden();
  await expect(page.getByTestId('enterprise-visits')).toContainText(purpose);
  await expect(page.getByTestId('enterprise-visits')).toContainText('区投资促进中心 · 陈静（投资促进中心）');

  // A policy for enterprises headquartered in 北园街道 or 广东省: the conditions read the regions' names.
  await openFromMenu(page, 'policies');
  await page.getByTestId('policy-create').click();
  await inputOf(page, 'policy-title').fill(policyTitle);
  await inputOf(page, 'policy-issuer').fill('天桥区工业和信息化局');
  await page.getByTestId('policy-body').fill('对总部在北园街道的企业新购研发设备给予 10% 补助。');
  await pick(page, page.getByTestId('policy-regions'), '北园街道');
  // Beyond the district's quick choices: a province found by a piece of its name (the picker asks all China).
  await pick(page, page.getByTestId('policy-regions'), '广东省');
  await expect(page.getByTestId('policy-regions')).toContainText('北园街道');
  await shot(page, '597-desktop-policy-regions-any-province');
  await page.getByTestId('policy-save').click();
  await expect(page.getByTestId('policy-heading')).toContainText(policyTitle);
  await openFromMenu(page, 'policies');
  const card = page.getByTestId('policy-card').filter({ hasText: policyTitle });
  await expect(card).toContainText('总部在北园街道');
  // A province outside the reader's jurisdiction is named in full, not by its code.
  await expect(card).toContainText('总部在广东省');
  await expect(card).not.toContainText('370105');
  await expect(card).not.toContainText('440000');
  await page.setViewportSize(PHONE);
  await fitsWidth(page);
  await shot(page, '569-phone-policy-region-condition');
});
