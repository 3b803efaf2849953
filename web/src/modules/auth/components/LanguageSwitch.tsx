import { GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { LOCALES } from '../../../../../common/locale';
import { useI18n } from '../../../i18n';
import { useSwitchLocale } from '../hooks/use-session';

/** The language menu in the header and on the sign-in page. */
export function LanguageSwitch() {
  const { locale, t } = useI18n();
  const switchLocale = useSwitchLocale();
  const names = { 'zh-CN': t('language.zh-CN'), 'en-US': t('language.en-US') } as const;
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: LOCALES.map((code) => ({ key: code, label: names[code], 'data-testid': `language-${code}` })),
        onClick: ({ key }) => {
          const next = LOCALES.find((code) => code === key);
          if (next && next !== locale) switchLocale(next);
        },
      }}
    >
      <Button type="text" icon={<GlobalOutlined />} aria-label={t('language.switch')} data-testid="language-switch">
        {names[locale]}
      </Button>
    </Dropdown>
  );
}
