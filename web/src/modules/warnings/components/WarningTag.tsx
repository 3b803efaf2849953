import { Tag, Tooltip } from 'antd';
import type { WarningColour } from '../../../../../common/enums';
import { useI18n } from '../../../i18n';

/** Ant Design's preset colours for the three lights. */
export const WARNING_TAG_COLOURS: Record<WarningColour, string> = { red: 'red', yellow: 'gold', green: 'green' };

/** A project's warning colour (红灯 / 黄灯 / 绿灯) as a tag; a dash before it is first computed. */
export function WarningTag({ colour, title }: { colour: WarningColour | null; title?: string }) {
  const { t } = useI18n();
  if (!colour) return <span data-testid="warning-tag-none">—</span>;
  const tag = (
    <Tag color={WARNING_TAG_COLOURS[colour]} data-testid="warning-tag" data-colour={colour} style={{ marginInlineEnd: 0 }}>
      {t(`warningColour.${colour}`)}
    </Tag>
  );
  return title ? <Tooltip title={title}>{tag}</Tooltip> : tag;
}
