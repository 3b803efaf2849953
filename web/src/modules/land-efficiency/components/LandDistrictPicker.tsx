import { Select, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useRegionChildren } from '../../regions/hooks/use-regions';

type LandDistrictPickerProps = {
  /** The reader's own region (a city's, 370100, or a province's, 370000). */
  own: { code: string };
  /** The district picked, or undefined. */
  value: string | undefined;
  onChange: (districtCode: string | undefined) => void;
};

const cityOf = (district: string | undefined) => (district ? `${district.slice(0, 4)}00` : undefined);

/**
 * The district a city or province reader looks at (亩均效益 is a district's assessment): a city's districts in one
 * list; a province reader first picks the city, then its district.
 */
export function LandDistrictPicker({ own, value, onChange }: LandDistrictPickerProps) {
  const { t } = useI18n();
  const province = own.code.endsWith('0000');
  const children = useRegionChildren(own.code);
  // A province reader's city: the picked district's, else the one he chose before choosing its district.
  const [chosenCity, setChosenCity] = useState<string | undefined>(cityOf(value));
  const city = province ? (cityOf(value) ?? chosenCity) : own.code;
  const districts = useRegionChildren(city ?? '', province && !!city);
  const districtOptions = (province ? districts.data : children.data) ?? [];
  return (
    <Space size={4} wrap>
      {province && (
        <Select
          placeholder={t('land.pickCity')}
          value={city}
          onChange={(code: string) => {
            setChosenCity(code);
            onChange(undefined);
          }}
          options={(children.data ?? []).map((c) => ({ value: c.code, label: c.name }))}
          style={{ width: 120 }}
          data-testid="land-city-picker"
        />
      )}
      <Select
        placeholder={t('land.pickDistrict')}
        value={districtOptions.some((d) => d.code === value) ? value : undefined}
        onChange={(code: string) => onChange(code)}
        options={districtOptions.filter((d) => d.level === 'district').map((d) => ({ value: d.code, label: d.name }))}
        loading={children.isLoading || districts.isFetching}
        style={{ width: 130 }}
        aria-label={t('land.district')}
        data-testid="land-district-picker"
      />
    </Space>
  );
}
