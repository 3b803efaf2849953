import type { Locator, Page } from '@playwright/test';
import { expect, test } from './contract';
import { fitsWidth, shot, signInAs } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
/** The colours of the points: red, yellow, green, grey by warning; the pools' colours. */
const POINT_COLOURS = {
  warning: ['#f5222d', '#faad14', '#52c41a', '#8c8c8c'],
  pool: ['#722ed1', '#1677ff', '#fa8c16', '#52c41a', '#8c8c8c'],
};

/** The number in the map's summary (图上 N 个项目). */
async function placedCount(page: Page) {
  const text = (await page.getByTestId('map-summary').textContent()) ?? '';
  return Number(/图上\s*(\d+)\s*个项目/.exec(text)?.[1] ?? Number.NaN);
}

/**
 * The screen positions (CSS pixels, relative to the map) of the canvas pixels drawn in one of the colours: the
 * points as a person sees them, found by looking at the picture rather than asking the chart.
 */
async function colouredSpots(map: Locator, colours: string[], skipTop = 0): Promise<{ x: number; y: number }[]> {
  return map.evaluate(
    (element, [hexes, top]) => {
      const canvas = element.querySelector('canvas');
      const context = canvas?.getContext('2d');
      if (!canvas || !context) return [];
      const wanted = hexes.map((hex) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)));
      const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
      const ratio = canvas.width / canvas.getBoundingClientRect().width;
      const spots: { x: number; y: number }[] = [];
      // The legend's swatches along the bottom (56 px) share the colours: only the map above them counts.
      const above = height - 56 * ratio;
      // The layers' legend along the top likewise, when the caller says how tall it is.
      for (let y = Math.ceil(top * ratio); y < above; y += 2) {
        for (let x = 0; x < width; x += 2) {
          const i = (y * width + x) * 4;
          if (wanted.some(([r, g, b]) => data[i] === r && data[i + 1] === g && data[i + 2] === b))
            spots.push({ x: x / ratio, y: y / ratio });
        }
      }
      return spots;
    },
    [colours, skipTop] as const,
  );
}

/** The session's CSRF token, for putting back through the API what the journey changed. */
async function csrfToken(page: Page) {
  return ((await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string }).csrfToken;
}

test('the office sees the projects on the map by colour, filters them, opens one and places its point', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'office', '/map');
  await expect(page).toHaveURL(/\/map$/);
  const map = page.getByTestId('region-map');
  await expect(map).toBeVisible();
  await expect(page.getByTestId('map-summary')).toContainText('图上');
  const all = await placedCount(page);
  expect(all).toBeGreaterThan(20);
  // The legend names the colours, and the points are drawn in them.
  await expect.poll(async () => (await colouredSpots(map, POINT_COLOURS.warning)).length).toBeGreaterThan(20);
  await shot(page, '110-map-by-warning');

  // The list's pool filter: fewer points, and the address carries it like the list's.
  await page.getByTestId('project-pool-filter').getByText('实施库').click();
  await expect(page).toHaveURL(/pool=implementing/);
  await expect.poll(() => placedCount(page)).toBeLessThan(all);
  const implementing = await placedCount(page);
  expect(implementing).toBeGreaterThan(0);
  await page.getByTestId('map-colour-by').getByText('按项目库').click();
  await expect(page).toHaveURL(/colour=pool/);
  await expect.poll(async () => (await colouredSpots(map, ['#fa8c16'])).length).toBeGreaterThan(0);
  await shot(page, '111-map-implementing-by-pool');

  // One project searched by name is one point; clicking it opens the project.
  // The points' text: one line a project, `id,lon,lat,warning,pool,investment,name`.
  const { rows } = (await (await page.request.get('/api/v1/map/projects?pool=implementing')).json()) as { rows: string };
  const first = (rows.split('\n')[0] ?? '').split(',');
  const [id, name] = [first[0] ?? '', first.slice(6).join(',')];
  await page.getByTestId('project-search').locator('input').fill(name);
  await page.getByTestId('project-search').locator('input').press('Enter');
  await expect.poll(() => placedCount(page)).toBe(1);
  let spots: { x: number; y: number }[] = [];
  await expect
    .poll(async () => {
      spots = await colouredSpots(map, ['#fa8c16']);
      return spots.length;
    })
    .toBeGreaterThan(0);
  const centre = spots[Math.floor(spots.length / 2)] ?? { x: 0, y: 0 };
  await map.click({ position: centre });
  await expect(page).toHaveURL(new RegExp(`/projects/${id}$`));

  // Placing the project: 标注位置, a click in the middle of its district, 保存.
  const before = (await (await page.request.get(`/api/v1/projects/${id}`)).json()) as { longitude: number; latitude: number };
  const placement = page.getByTestId('project-placement');
  await expect(placement).toContainText('经度');
  await placement.getByTestId('place-point').click();
  await expect(placement).toContainText('在地图上点击项目所在位置');
  const placementMap = page.getByTestId('placement-map');
  const box = await placementMap.boundingBox();
  await placementMap.click({ position: { x: (box?.width ?? 300) / 2, y: (box?.height ?? 300) / 2 } });
  await placement.getByTestId('placement-save').click();
  await expect(page.getByText('位置已保存')).toBeVisible();
  const after = (await (await page.request.get(`/api/v1/projects/${id}`)).json()) as {
    longitude: number;
    latitude: number;
    version: number;
  };
  expect([after.longitude, after.latitude]).not.toEqual([before.longitude, before.latitude]);
  expect(after.longitude).toBeGreaterThan(116.8);
  expect(after.longitude).toBeLessThan(117.3);
  await expect(page.getByTestId('placement-point')).toHaveText(new RegExp(`经度 ${after.longitude.toFixed(6)}`));
  await shot(page, '112-project-placed');

  // The journeys share one database: the project goes back where it was.
  const restored = await page.request.patch(`/api/v1/projects/${id}`, {
    data: { longitude: before.longitude, latitude: before.latitude, version: after.version },
    headers: { 'x-csrf-token': await csrfToken(page) },
  });
  expect(restored.status()).toBe(200);
});

test('on a phone the map fits the screen with its filters in a drawer', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await signInAs(page, 'office', '/map');
  const map = page.getByTestId('region-map');
  await expect(map).toBeVisible();
  await expect.poll(async () => (await colouredSpots(map, POINT_COLOURS.warning)).length).toBeGreaterThan(20);
  // Polled: right after a resize the page takes a moment to lay itself out for the new width.
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), {
      message: 'horizontal page scroll',
    })
    .toBeLessThanOrEqual(0);
  await shot(page, '113-map-phone');
});

/** The bubbles' inner disc (web/src/modules/map/utils/map-option.ts): a grid cell of the server's. */
const BUBBLE = '#2f54eb';

/**
 * Asks the map's projects as a province's map would have them: grid cells whatever the count (`maxPoints=0`; the demo
 * district's 133 projects are otherwise points). Answers the grid levels the page asked for, in order.
 */
async function askForCells(page: Page) {
  const zooms: number[] = [];
  await page.route('**/api/v1/map/projects?**', (route) => {
    const address = new URL(route.request().url());
    address.searchParams.set('maxPoints', '0');
    zooms.push(Number(address.searchParams.get('zoom') ?? Number.NaN));
    return route.continue({ url: address.toString() });
  });
  return zooms;
}

test('past 2,000 projects in view the map draws bubbles of counts by colour, and a click on one zooms into it', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'office', '/');
  const { placed } = (await (await page.request.get('/api/v1/map/projects')).json()) as { placed: number };
  const zooms = await askForCells(page);
  await page.goto('/map');
  const map = page.getByTestId('region-map');
  await expect(page.getByTestId('map-cells-hint')).toBeVisible();
  // The bubbles count every project the points would show.
  await expect.poll(() => placedCount(page)).toBe(placed);
  let bubbles: { x: number; y: number }[] = [];
  await expect
    .poll(async () => {
      bubbles = await colouredSpots(map, [BUBBLE]);
      return bubbles.length;
    })
    .toBeGreaterThan(20);
  // Their rings in the warning colours.
  expect((await colouredSpots(map, POINT_COLOURS.warning)).length).toBeGreaterThan(20);
  await shot(page, '640-map-bubbles');
  // A click on the biggest bubble zooms in: the page asks again, for a finer grid.
  const asked = zooms.length;
  const first = zooms[0] ?? 0;
  await map.click({ position: densest(bubbles) });
  await expect.poll(() => zooms.length).toBeGreaterThan(asked);
  expect(zooms[zooms.length - 1]).toBeGreaterThan(first);
  await expect.poll(async () => (await colouredSpots(map, [BUBBLE])).length).toBeGreaterThan(0);
  await shot(page, '641-map-bubbles-zoomed');

  await page.setViewportSize(PHONE);
  await page.goto('/map');
  await expect(page.getByTestId('map-cells-hint')).toBeVisible();
  await expect.poll(async () => (await colouredSpots(page.getByTestId('region-map'), [BUBBLE])).length).toBeGreaterThan(10);
  await fitsWidth(page);
  await shot(page, '642-map-bubbles-phone');
});

/** The parcels' colours by status (web/src/modules/map/utils/map-option.ts), none of them a point's colour. */
const PARCEL_COLOURS = { reserve: '#8d6e63', available: '#13c2c2', supplied: '#3f51b5' };
/** The layers' legend along the top of the map, kept out of the search for coloured spots. */
const LAYER_LEGEND = 40;
type MapCarriers = {
  parks: { name: string; outline: unknown }[];
  parcels: { code: string; name: string; status: keyof typeof PARCEL_COLOURS; areaMu: number; parkName: string | null; outline: unknown }[];
};

/** The middle of the densest patch of spots: a place well inside a drawn parcel rather than on its edge. */
function densest(spots: { x: number; y: number }[]) {
  let best = spots[0] ?? { x: 0, y: 0 };
  let most = -1;
  for (const spot of spots) {
    const near = spots.filter((o) => Math.abs(o.x - spot.x) <= 6 && Math.abs(o.y - spot.y) <= 6).length;
    if (near > most) [best, most] = [spot, near];
  }
  return best;
}

const STATUS_WORDS = { reserve: '储备', available: '待供', supplied: '已供' };

/** Clicks the available parcel drawn largest and checks the card against the API: number, 亩, status, park. */
async function openAvailableParcel(page: Page, map: Locator, carriers: MapCarriers) {
  let spots: { x: number; y: number }[] = [];
  await expect
    .poll(async () => {
      spots = await colouredSpots(map, [PARCEL_COLOURS.available], LAYER_LEGEND);
      return spots.length;
    })
    .toBeGreaterThan(10);
  await map.click({ position: densest(spots) });
  const card = page.getByTestId('map-parcel-card');
  await expect(card).toBeVisible();
  const code = /地块\s*(\S+)/.exec((await card.locator('.ant-card-head-title').textContent()) ?? '')?.[1];
  const parcel = carriers.parcels.find((p) => p.code === code);
  expect(parcel, `the card's parcel ${code}`).toBeDefined();
  if (!parcel) return card;
  expect(parcel.status).toBe('available');
  await expect(card).toContainText(parcel.name);
  await expect(card).toContainText(`${parcel.areaMu.toLocaleString()} 亩`);
  await expect(card).toContainText(STATUS_WORDS[parcel.status]);
  await expect(card).toContainText(parcel.parkName ?? '不在园区内');
  return card;
}

test('the parks and parcels are layers of the map: switched on in the address, coloured by status, a parcel clicked says what it is', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize(DESKTOP);
  await signInAs(page, 'office', '/map');
  const map = page.getByTestId('region-map');
  await expect.poll(async () => (await colouredSpots(map, POINT_COLOURS.warning)).length).toBeGreaterThan(20);
  // Off by default: no parcel drawn.
  expect(await colouredSpots(map, Object.values(PARCEL_COLOURS), LAYER_LEGEND)).toEqual([]);
  const carriers = (await (await page.request.get('/api/v1/map/carriers')).json()) as MapCarriers;
  expect(carriers.parks.length).toBeGreaterThan(0);
  expect(carriers.parcels.length).toBeGreaterThan(0);

  const layers = page.getByTestId('map-layers');
  await layers.getByText('园区').click();
  await layers.getByText('地块').click();
  await expect(page).toHaveURL(/layers=projects%2Cparks%2Cparcels|layers=projects,parks,parcels/);
  await expect(page.getByTestId('map-carriers-summary')).toHaveText(`园区 ${carriers.parks.length} 个，地块 ${carriers.parcels.length} 个`);
  // Each status that has parcels is drawn in its colour, and named in words in the legend.
  for (const status of ['reserve', 'available', 'supplied'] as const) {
    if (!carriers.parcels.some((p) => p.status === status && p.outline)) continue;
    await expect
      .poll(async () => (await colouredSpots(map, [PARCEL_COLOURS[status]], LAYER_LEGEND)).length, { message: status })
      .toBeGreaterThan(0);
  }
  await shot(page, '220-map-layers-projects-parks-parcels');

  // Without the projects' points, a parcel clicked shows its card.
  await layers.getByText('项目').click();
  await expect(page).toHaveURL(/layers=parks%2Cparcels|layers=parks,parcels/);
  await expect(page.getByTestId('map-summary')).not.toContainText('图上');
  await openAvailableParcel(page, map, carriers);
  await shot(page, '221-map-parcel-card');

  // The address keeps the layers: reloading draws the same.
  await page.reload();
  await expect(page.getByTestId('map-layers').getByRole('checkbox', { name: '地块' })).toBeChecked();
  await expect(page.getByTestId('map-layers').getByRole('checkbox', { name: '项目' })).not.toBeChecked();
  await expect
    .poll(async () => (await colouredSpots(page.getByTestId('region-map'), [PARCEL_COLOURS.available], LAYER_LEGEND)).length)
    .toBeGreaterThan(0);
  await shot(page, '222-map-parks-parcels-only');
});

test('on a phone the layers switch fits and a parcel’s card sits over the map', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(PHONE);
  await signInAs(page, 'office', '/map?layers=parks,parcels');
  const map = page.getByTestId('region-map');
  await expect(map).toBeVisible();
  await expect(page.getByTestId('map-layers')).toBeVisible();
  await fitsWidth(page);
  await shot(page, '223-map-layers-phone');
  const carriers = (await (await page.request.get('/api/v1/map/carriers')).json()) as MapCarriers;
  const card = await openAvailableParcel(page, map, carriers);
  const [cardBox, mapBox] = [await card.boundingBox(), await map.boundingBox()];
  expect(cardBox?.width ?? 0).toBeLessThanOrEqual(390);
  expect((cardBox?.y ?? 0) + (cardBox?.height ?? 0)).toBeLessThanOrEqual((mapBox?.y ?? 0) + (mapBox?.height ?? 0) + 1);
  await fitsWidth(page);
  await shot(page, '224-map-parcel-card-phone');
});
