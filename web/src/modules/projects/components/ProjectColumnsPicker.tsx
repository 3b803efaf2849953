import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Popover } from 'antd';
import { useI18n } from '../../../i18n';
import { OPTIONAL_PROJECT_COLUMNS, type OptionalProjectColumn } from '../hooks/use-column-choice';
import { PROJECT_COLUMN_TITLES } from './ProjectTable';

/** 列设置: ticks the standard columns the project list shows (the name always shows). */
export function ProjectColumnsPicker({
  hidden,
  onChange,
}: {
  hidden: OptionalProjectColumn[];
  onChange: (hidden: OptionalProjectColumn[]) => void;
}) {
  const { t } = useI18n();
  const shown = OPTIONAL_PROJECT_COLUMNS.filter((key) => !hidden.includes(key));
  const content = (
    <Checkbox.Group
      value={shown}
      onChange={(next) => onChange(OPTIONAL_PROJECT_COLUMNS.filter((key) => !next.includes(key)))}
      style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
      options={OPTIONAL_PROJECT_COLUMNS.map((key) => ({ value: key, label: t(PROJECT_COLUMN_TITLES[key]) }))}
      data-testid="project-columns-options"
    />
  );
  return (
    <Popover content={content} title={t('project.columns')} trigger="click" placement="bottomRight">
      <Button icon={<SettingOutlined />} data-testid="project-columns">
        {t('project.columns')}
      </Button>
    </Popover>
  );
}
