import { chinaToday } from '../lib/china-today';
import { CalculatorOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../i18n';
import { isApiError } from '../lib/api-client';
import { useAddressSearch } from '../lib/use-address-search';
import { type Month, assessmentApi, subjectOf } from '../modules/assessment/api/assessment-api';
import { GroupedRanking } from '../modules/assessment/components/GroupedRanking';
import { RuleEditor } from '../modules/assessment/components/RuleEditor';
import { RuleHistory } from '../modules/assessment/components/RuleHistory';
import { useAssessmentMutation, useMonthScores, useScoringRules } from '../modules/assessment/hooks/use-assessment';
import { useCan } from '../modules/auth/hooks/use-me';
import { useDownload } from '../modules/projects/hooks/use-download';

/** The month in the address (?month=2026-11), last month when none or not a month. */
function monthOf(value: string | null): Month {
  const parsed = value && /^\d{4}-\d{2}$/.test(value) ? dayjs(`${value}-01`) : null;
  const month = parsed?.isValid() ? parsed : chinaToday().subtract(1, 'month');
  return { year: month.year(), month: month.month() + 1 };
}
const monthText = (m: Month) => `${m.year}-${String(m.month).padStart(2, '0')}`;

/**
 * 考核排名: a month's ranking of the district's units by its scoring rule — or, for a city or province reader, of the
 * districts under it by the city's own rule —, each score explained term by term; the project office takes a month's
 * snapshot (a past month once, the current month again) and edits the rule (评分规则: check, preview, save as a new
 * version, the year's versions). A region with no rule for the year is told so, not that a ranking is missing.
 */
export function ScoresPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const can = useCan();
  const manage = can('target.manage');
  const [search, setSearch] = useAddressSearch();
  const month = monthOf(search.get('month'));
  const tab = search.get('tab') === 'rule' ? 'rule' : 'ranking';
  const scores = useMonthScores(month);
  const rules = useScoringRules(month.year);
  // A year with no rule yet: the editor starts from last year's current rule, saved as this year's version 1.
  const yearWithoutRule = rules.isSuccess && rules.data.current === null;
  const lastYear = useScoringRules(month.year - 1, manage && yearWithoutRule);
  const inherited = yearWithoutRule ? (lastYear.data?.current ?? null) : null;
  const compute = useAssessmentMutation(assessmentApi.compute);
  const { busy: downloading, download } = useDownload();
  const snapshot = scores.data?.snapshot ?? null;
  // A reader of no district, city or province (none in practice): there is no rule or ranking of his level.
  const aboveDistrict = isApiError(scores.error) && scores.error.code === 'no_district';
  // A city's or province's ranking lists its districts; a district's, its units.
  const subject = subjectOf(scores.data?.level ?? rules.data?.level);
  const noRule = scores.data?.ruleExists === false && !snapshot;
  const noRuleText = t(manage ? 'assessment.noRuleYetManage' : 'assessment.noRuleYet', { year: month.year });
  const set = (key: string, value: string) =>
    setSearch((previous) => {
      const next = new URLSearchParams(previous);
      next.set(key, value);
      return next;
    });

  const takeSnapshot = async () => {
    try {
      await compute.mutateAsync(month);
      message.success(t('assessment.computed', { year: month.year, month: month.month }));
    } catch (error) {
      message.error((error as Error).message);
    }
  };

  const ranking = (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary" data-testid="snapshot-info">
          {snapshot
            ? t('assessment.snapshotInfo', {
                version: snapshot.ruleVersion,
                at: dayjs(snapshot.computedAt).format('YYYY-MM-DD HH:mm'),
                by: snapshot.computedByName ?? t('assessment.bySystem'),
              })
            : noRule
              ? noRuleText
              : t('assessment.noSnapshotYet', { year: month.year, month: month.month })}
        </Typography.Text>
        <Space wrap>
          {snapshot && (
            <Button
              icon={<FileExcelOutlined />}
              loading={downloading}
              onClick={() => download(() => assessmentApi.rankingXlsx(month))}
              data-testid="scores-download"
            >
              {t('assessment.downloadXlsx')}
            </Button>
          )}
          {scores.data?.mayCompute && (
            <Button
              type="primary"
              icon={<CalculatorOutlined />}
              loading={compute.isPending}
              onClick={takeSnapshot}
              data-testid="scores-compute"
            >
              {snapshot ? t('assessment.recompute') : t('assessment.compute')}
            </Button>
          )}
        </Space>
      </Space>
      {snapshot && !scores.data?.mayCompute && manage && (
        <Alert type="info" showIcon message={t('assessment.pastFixed')} data-testid="snapshot-fixed" />
      )}
      {subject !== 'unit' && !noRule && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }} data-testid="ranking-districts-note">
          {t(subject === 'city' ? 'assessment.citiesNote' : 'assessment.districtsNote')}
        </Typography.Paragraph>
      )}
      {snapshot && scores.data?.notes.map((note) => <Alert key={note} type="info" showIcon message={note} data-testid="ranking-note" />)}
      <GroupedRanking
        groups={scores.data?.groups ?? []}
        items={scores.data?.items ?? []}
        loading={scores.isFetching}
        month={month}
        subject={subject}
        emptyText={noRule ? noRuleText : undefined}
      />
    </Space>
  );

  const rule = (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      {manage && inherited && (
        <Alert type="info" showIcon message={t('assessment.inherited', { year: inherited.year, version: inherited.version })} />
      )}
      {manage && (
        <RuleEditor
          year={month.year}
          initial={rules.data?.current?.formula ?? inherited?.formula ?? ''}
          initialGroups={rules.data?.current?.groups ?? inherited?.groups ?? null}
          units={rules.data?.units ?? []}
          previewMonth={month}
          subject={subject}
        />
      )}
      <div>
        <Typography.Title level={5}>{t('assessment.history', { year: month.year })}</Typography.Title>
        <RuleHistory versions={rules.data?.versions ?? []} units={rules.data?.units ?? []} subject={subject} />
      </div>
    </Space>
  );

  if (aboveDistrict)
    return (
      <Card title={t('nav.scores')}>
        <Alert type="info" showIcon message={t('assessment.aboveDistrict')} data-testid="scores-above-district" />
      </Card>
    );

  return (
    <Card
      title={
        subject !== 'unit' && rules.data
          ? t(subject === 'city' ? 'assessment.titleCities' : 'assessment.titleDistricts', { region: rules.data.regionName })
          : t('nav.scores')
      }
      styles={{ body: { padding: 12 } }}
      extra={
        <DatePicker
          picker="month"
          value={dayjs(`${monthText(month)}-01`)}
          allowClear={false}
          onChange={(value) => value && set('month', value.format('YYYY-MM'))}
          disabledDate={(d) => d.isAfter(chinaToday(), 'month')}
          aria-label={t('assessment.month')}
          style={{ width: 120 }}
          data-testid="scores-month"
        />
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => set('tab', key)}
        items={[
          { key: 'ranking', label: t('assessment.rankingTab'), children: ranking },
          { key: 'rule', label: t('assessment.ruleTab'), children: rule },
        ]}
      />
    </Card>
  );
}
