import type { Page } from '@playwright/test';
import { expect, test } from './contract';
import { fitsWidth, inputOf, openFromMenu, pick, shot, signInAs, signOut } from './helpers';

// The ways into a lead from where an official already is: an enterprise's page, a chain map's node, a trip or fair;
// and from a lead out to the carriers that fit its needs (招商供地一体化).

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

async function openEnterprise(page: Page, name: string) {
  await openFromMenu(page, 'enterprises');
  await expect(page.getByTestId('enterprise-row').first()).toBeVisible();
  await inputOf(page, 'enterprise-search').fill(name);
  await inputOf(page, 'enterprise-search').press('Enter');
  await page.getByTestId('enterprise-link').filter({ hasText: name }).first().click();
  await expect(page.getByTestId('enterprise-title')).toHaveText(name);
}

test('from an enterprise to its lead, and from the lead to a ranked parcel', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'invest', '/');

  // 华岳重工: a lead signed and registered, and the project it became.
  await openEnterprise(page, '华岳重工集团有限公司');
  const leads = page.getByTestId('enterprise-leads');
  const registered = leads.getByTestId('enterprise-lead-item').filter({ hasText: '已注册' });
  await expect(registered).toHaveCount(1);
  await expect(leads).toContainText('责任单位');
  await expect(leads).toContainText('预计投资');
  // The project the signed lead became carries the lead's name, in its pool.
  const project = page.getByTestId('enterprise-projects').getByTestId('enterprise-project');
  await expect(project).toHaveCount(1);
  await expect(project).toContainText((await registered.getByRole('link').innerText()).trim());
  await fitsWidth(page);
  await shot(page, '530-desktop-enterprise-leads-projects');

  // 南粤智造机器人: a new lead from a fair, needing 80 亩 and 12,000 m² — matched from its page.
  await openEnterprise(page, '南粤智造机器人有限公司');
  await page.getByTestId('enterprise-leads').getByRole('link', { name: '工业机器人区域总部项目' }).click();
  await expect(page.getByTestId('lead-title')).toHaveText('工业机器人区域总部项目');
  await page.getByTestId('lead-match-carriers').click();
  await expect(page).toHaveURL(/\/carrier-match\?landMu=80&floorAreaM2=12000&industry=smart_equip&investmentWan=120000/);
  await expect(inputOf(page, 'match-land')).toHaveValue('80.00');
  await expect(page.getByTestId('match-industry')).toContainText('智能制造装备');
  const parcel = page.getByTestId('match-item').filter({ hasText: '地块' }).first();
  await expect(parcel).toContainText('面积满足：需 80 亩');
  await expect(parcel).toContainText('投资强度达标');
  await shot(page, '531-desktop-lead-matched-carriers');

  // On a phone the lead's page keeps its button, and the enterprise page its cards, without sideways scrolling.
  await page.goBack();
  await page.setViewportSize(PHONE);
  await expect(page.getByTestId('lead-match-carriers')).toBeVisible();
  await fitsWidth(page);
  await shot(page, '532-phone-lead-page');

  // A reader without lead.read (a street's clerk) sees the enterprise without the leads and projects cards.
  await signOut(page);
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'unit', '/');
  await openEnterprise(page, '华岳重工集团有限公司');
  await expect(page.getByTestId('enterprise-facts')).toBeVisible();
  await expect(page.getByTestId('enterprise-leads')).toHaveCount(0);
  await expect(page.getByTestId('enterprise-projects')).toHaveCount(0);
});

test('a chain map’s gap leads to the lead courting it, and the lead form picks its node from the map', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'invest', '/chains');
  await pick(page, page.getByTestId('chain-select'), '智能制造装备产业链');
  await page.getByTestId('chain-gap-list').getByText('中游 · 工业机器人').click();
  const drawer = page.getByTestId('chain-node-drawer');
  const nodeLeads = drawer.getByTestId('chain-node-leads');
  await expect(nodeLeads).toContainText('招商线索（1 条）');
  await expect(nodeLeads.getByTestId('chain-node-lead-item')).toContainText('工业机器人区域总部项目');
  await expect(nodeLeads.getByTestId('chain-node-lead-item')).toContainText('线索');
  await shot(page, '533-desktop-chain-node-leads');
  await nodeLeads.getByRole('link', { name: '工业机器人区域总部项目' }).click();
  await expect(page.getByTestId('lead-title')).toHaveText('工业机器人区域总部项目');
  await expect(page.getByTestId('lead-facts')).toContainText('智能制造装备 · 工业机器人');

  // Editing the lead: the node is a choice of the chain's map (gaps marked), not a typed name.
  await page.getByTestId('lead-edit').click();
  const nodePicker = page.getByTestId('lead-chain-node');
  await expect(nodePicker).toContainText('工业机器人');
  await nodePicker.click();
  await expect(page.locator('.ant-select-dropdown:visible')).toContainText('伺服电机与控制器（缺链）');
  await shot(page, '534-desktop-lead-form-node-picker');
  await page.keyboard.press('Escape');

  // On a phone the drawer takes the screen and lists the leads.
  await page.goto('/chains');
  await page.setViewportSize(PHONE);
  await pick(page, page.getByTestId('chain-select'), '智能制造装备产业链');
  await page.getByTestId('chain-node-card').filter({ hasText: '工业机器人' }).first().click();
  await expect(page.getByTestId('chain-node-leads')).toContainText('工业机器人区域总部项目');
  await shot(page, '535-phone-chain-node-leads');
});

test('trips and fairs: the list with the leads each produced, recording a trip, and a fair opening its leads', async ({ page }) => {
  test.setTimeout(180_000);
  const name = `珠三角装备制造招商小分队${Date.now().toString(36)}`;
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'invest', '/lead-events');
  await expect(page).toHaveURL(/\/lead-events$/);
  const items = page.getByTestId('lead-event-item');
  const fair = items.filter({ hasText: '国际智能制造装备博览会' });
  await expect(fair).toContainText('展会');
  await expect(fair).toContainText('济南国际会展中心');
  const produced = Number((await fair.getByTestId('lead-event-leads').innerText()).match(/\d+/)?.[0]);
  expect(produced).toBeGreaterThanOrEqual(1);
  await shot(page, '536-desktop-lead-events');

  // Recording a trip: the end before the start is refused in words; then it is listed with no leads yet.
  await page.getByTestId('lead-event-add').click();
  await inputOf(page, 'lead-event-name').fill(name);
  await inputOf(page, 'lead-event-starts').fill('2026-11-20');
  await inputOf(page, 'lead-event-starts').press('Enter');
  await inputOf(page, 'lead-event-ends').fill('2026-11-18');
  await inputOf(page, 'lead-event-ends').press('Enter');
  const places = inputOf(page, 'lead-event-places');
  for (const place of ['深圳', '东莞', '佛山']) {
    await places.fill(place);
    await places.press('Enter');
  }
  await page.getByTestId('lead-event-ok').click();
  await expect(page.getByTestId('lead-event-form')).toContainText('结束日期不能早于开始日期');
  await shot(page, '537-desktop-lead-event-form-error');
  await inputOf(page, 'lead-event-ends').fill('2026-11-23');
  await inputOf(page, 'lead-event-ends').press('Enter');
  await page.getByTestId('lead-event-ok').click();
  const trip = items.filter({ hasText: name });
  await expect(trip).toContainText('外出招商');
  await expect(trip).toContainText('深圳、东莞、佛山');
  await expect(trip.getByTestId('lead-event-leads')).toContainText('产生线索 0 条');
  // Corrected afterwards: what the trip did.
  await trip.getByTestId('lead-event-edit').click();
  await page.getByTestId('lead-event-form').locator('textarea').fill('拜访装备企业 6 家，2 家有意来访');
  await page.getByTestId('lead-event-ok').click();
  await expect(trip).toContainText('拜访装备企业 6 家，2 家有意来访');

  // The fair opens the board filtered to it: as many leads as it produced, the filter in the address.
  await fair.getByTestId('lead-event-leads').click();
  await expect(page).toHaveURL(/\/leads\?eventId=/);
  await expect(page.getByTestId('lead-filter-event')).toContainText('国际智能制造装备博览会');
  await expect(page.getByText(`${produced} 条`, { exact: true })).toBeVisible();
  await shot(page, '538-desktop-board-by-event');

  // On a phone the list reads one event under another.
  await page.goto('/lead-events?kind=fair');
  await page.setViewportSize(PHONE);
  await expect(items.first()).toContainText('展会');
  await expect(items.filter({ hasText: name })).toHaveCount(0);
  await fitsWidth(page);
  await shot(page, '539-phone-lead-events');
});
