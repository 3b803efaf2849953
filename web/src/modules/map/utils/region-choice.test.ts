import { describe, expect, it } from 'vitest';
import { pickedRegion, projectDistricts, regionOptions, seesSeveralDistricts } from './region-choice';

const districts = [
  { code: '370105', name: '天桥区', level: 'district' },
  { code: '370102', name: '历下区', level: 'district' },
];
const cities = [{ code: '370100', name: '济南市', level: 'city' }];

describe('the map’s region picker', () => {
  it('is offered to city and province readers only', () => {
    expect(seesSeveralDistricts({ dataScope: 'region', region: { code: '370100' } })).toBe(true);
    expect(seesSeveralDistricts({ dataScope: 'region', region: { code: '370000' } })).toBe(true);
    expect(seesSeveralDistricts({ dataScope: 'region', region: { code: '370105' } })).toBe(false);
    expect(seesSeveralDistricts({ dataScope: 'unit', region: { code: '370100' } })).toBe(false);
    expect(seesSeveralDistricts({ dataScope: 'region', region: { code: '370105001' } })).toBe(false);
  });

  it('offers the whole region first, then its children by code', () => {
    expect(regionOptions({ code: '370100', name: '济南市' }, districts, (name) => `${name}（全部）`)).toEqual([
      { value: '', label: '济南市（全部）' },
      { value: '370102', label: '历下区' },
      { value: '370105', label: '天桥区' },
    ]);
  });

  it('takes from the address only a child of the viewer’s region', () => {
    expect(pickedRegion('370102', districts)?.name).toBe('历下区');
    expect(pickedRegion('370103', districts)).toBeUndefined();
    expect(pickedRegion('abc', districts)).toBeUndefined();
    expect(pickedRegion(null, districts)).toBeUndefined();
    expect(pickedRegion('370102', undefined)).toBeUndefined();
  });

  it('narrows the projects to the district picked, or to a city’s districts once they are known', () => {
    expect(projectDistricts(undefined, undefined)).toBeNull();
    // A district picked by a city reader (it has streets below it): the district itself is the filter.
    expect(projectDistricts({ code: '370102', name: '历下区', level: 'district' }, undefined)).toEqual(['370102']);
    // A city picked by a province reader: its districts, not yet known while loading.
    expect(projectDistricts(cities[0], undefined)).toBeUndefined();
    expect(projectDistricts(cities[0], districts)).toEqual(['370105', '370102']);
  });
});
