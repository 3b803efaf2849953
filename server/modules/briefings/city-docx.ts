import type { Locale } from '../../../common/locale';
import type { CityBriefing } from './city-data';
import { citySections } from './city-sections';
import { sectionsDocument } from './docx';
import type { Translate } from './sections';

/** The month's 通报 of a city or province over its districts (`citySections`), in the district's document style. */
export async function buildCityBriefingDocx(b: CityBriefing, t: Translate, locale: Locale): Promise<Buffer> {
  const head = { regionName: b.region.name, year: b.year, month: b.month, asOf: b.asOf, periodClosed: b.periodClosed };
  return sectionsDocument(head, t, citySections(b, t, locale));
}
