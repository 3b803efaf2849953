import { List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../i18n';
import { resolveRankingGroups } from '../../../../../common/domain/ranking-groups';
import type { DistrictUnit, RankingSubject, ScoringRule } from '../api/assessment-api';

/** The year's versions of the rule, newest (current) first, each with its author, date, note, groups and formula. */
export function RuleHistory({
  versions,
  units,
  subject = 'unit',
}: {
  versions: ScoringRule[];
  units: DistrictUnit[];
  /** A city's or province's versions rank its districts (no groups). */
  subject?: RankingSubject;
}) {
  const { t } = useI18n();
  const separator = t('assessment.listSeparator');
  const nameOf = new Map(units.map((u) => [u.id, u.name]));
  /** 分组排名：街道（15）、区直部门（14）；不参加考核：区政府、… — as the district's units stand today. */
  const groupsText = (rule: ScoringRule) => {
    if (subject !== 'unit') return t(subject === 'city' ? 'assessment.groupsCities' : 'assessment.groupsDistricts');
    if (!rule.groups) return t('assessment.groupsNone');
    const resolved = resolveRankingGroups(rule.groups, units);
    return t('assessment.groupsSummary', {
      groups: rule.groups.map((g, i) => `${g.name}（${resolved.members[i]?.length ?? 0}）`).join(separator),
      excluded: resolved.notAssessed.map((id) => nameOf.get(id) ?? id).join(separator) || t('assessment.noVariables'),
    });
  };
  return (
    <List
      size="small"
      data-testid="rule-history"
      dataSource={versions}
      locale={{ emptyText: t('assessment.noRule') }}
      renderItem={(rule, i) => (
        <List.Item data-testid="rule-version">
          <div style={{ width: '100%' }}>
            <Typography.Text strong>{t('assessment.version', { version: rule.version })}</Typography.Text>{' '}
            {i === 0 && <Tag color="blue">{t('assessment.current')}</Tag>}
            <Typography.Text type="secondary">
              {[rule.authorName, dayjs(rule.createdAt).format('YYYY-MM-DD HH:mm')].filter(Boolean).join(' · ')}
            </Typography.Text>
            {rule.note && <div>{rule.note}</div>}
            <Typography.Paragraph
              type="secondary"
              style={{ marginBottom: 4, fontSize: 12 }}
              ellipsis={{ rows: 2, expandable: true, symbol: t('assessment.showAll') }}
              data-testid="rule-version-groups"
            >
              {groupsText(rule)}
            </Typography.Paragraph>
            <Typography.Paragraph
              code
              style={{ whiteSpace: 'pre-wrap', marginBottom: 0, fontSize: 12 }}
              ellipsis={{ rows: 2, expandable: true, symbol: t('assessment.showAll') }}
            >
              {rule.formula}
            </Typography.Paragraph>
          </div>
        </List.Item>
      )}
    />
  );
}
