import { Alert, Button, Checkbox, DatePicker, Drawer, Input, Select, Space, Table, TreeSelect, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import {
  COMMITMENT_KINDS,
  type CommitmentKind,
  TARGET_DIRECTIONS,
  TARGET_MEASURES,
  type TargetDirection,
  type TargetMeasure,
} from '../../../../../common/enums';
import { useI18n } from '../../../i18n';
import { isApiError } from '../../../lib/api-client';
import { useAllUnits } from '../../units/hooks/use-units';
import { buildUnitTree } from '../../units/utils/unit-tree';
import { type TargetExtraction, extractTargets, targetsApi } from '../api/targets-api';
import { useTargetsMutation } from '../hooks/use-targets';

/** One proposed row as the person edits it: tick, name, number, unit of measure, direction; the create's outcome. */
type Row = {
  key: string;
  type: 'indicator' | 'pledge';
  keep: boolean;
  name: string;
  targetValue: string;
  measure: TargetMeasure | null;
  direction: TargetDirection;
  extra: Pick<TargetExtraction['indicators'][number], 'kind' | 'qualifier'> | null;
  unitText: string;
  sentence: string;
  outcome: { created: true } | { errors: string[] } | null;
};

function rowsOf(result: TargetExtraction): Row[] {
  return [
    ...result.indicators.map((p, i) => ({
      key: `i${i}`,
      type: 'indicator' as const,
      keep: true,
      name: p.name,
      targetValue: p.targetValue,
      measure: p.measure,
      direction: p.direction,
      extra: { kind: p.kind, qualifier: p.qualifier },
      unitText: p.unit,
      sentence: p.sentence,
      outcome: null,
    })),
    ...result.pledges.map((p, i) => ({
      key: `p${i}`,
      type: 'pledge' as const,
      keep: true,
      name: p.title,
      targetValue: p.targetValue,
      measure: p.measure,
      direction: p.direction,
      extra: { kind: 'level' as const, qualifier: p.qualifier },
      unitText: p.unit,
      sentence: p.sentence,
      outcome: null,
    })),
  ];
}

const messagesOf = (error: unknown): string[] =>
  isApiError(error) ? (error.details.length ? error.details.map((d) => `${d.path}: ${d.message}`) : [error.message]) : [String(error)];

/** 从文本识别: paste a 政府工作报告 passage, see the rows Lantu finds, edit and tick them, create them in one go. */
export function TextTargetsDrawer({ open, year, onClose }: { open: boolean; year: number; onClose: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [rows, setRows] = useState<Row[] | null>(null);
  const [reason, setReason] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [ownerUnitId, setOwnerUnitId] = useState<string | undefined>();
  const [pledgeUnitId, setPledgeUnitId] = useState<string | undefined>();
  const [pledgeKind, setPledgeKind] = useState<CommitmentKind>('pledge');
  const [deadline, setDeadline] = useState<Dayjs>(dayjs(`${year}-12-31`));
  const units = useAllUnits();
  const unitTree = useMemo(() => buildUnitTree(units.data ?? []), [units.data]);

  const read = async () => {
    setReading(true);
    setError(null);
    try {
      const result = await extractTargets(text);
      setRows(rowsOf(result));
      setReason(result.reasonText);
    } catch (e) {
      setRows(null);
      setError(messagesOf(e).join('；'));
    } finally {
      setReading(false);
    }
  };

  const update = (key: string, change: Partial<Row>) =>
    setRows((all) => all?.map((r) => (r.key === key ? { ...r, ...change } : r)) ?? null);

  const create = useTargetsMutation(async (chosen: Row[]) => {
    for (const row of chosen) {
      try {
        if (row.type === 'indicator') {
          await targetsApi.createIndicator({
            year,
            name: row.name,
            measure: row.measure as TargetMeasure,
            kind: row.extra?.kind ?? 'level',
            targetValue: row.targetValue,
            qualifier: row.extra?.qualifier ?? 'exact',
            direction: row.direction,
            ownerUnitId: ownerUnitId ?? '',
            source: 'entered',
            computation: null,
            note: row.sentence.slice(0, 2000),
          });
        } else {
          await targetsApi.createCommitment({
            kind: pledgeKind,
            year,
            unitId: pledgeUnitId ?? '',
            title: row.name,
            targetValue: row.targetValue,
            measure: row.measure as TargetMeasure,
            deadline: deadline.format('YYYY-MM-DD'),
          });
        }
        update(row.key, { outcome: { created: true }, keep: false });
      } catch (e) {
        update(row.key, { outcome: { errors: messagesOf(e) } });
      }
    }
  });

  const chosen = rows?.filter((r) => r.keep && !(r.outcome && 'created' in r.outcome)) ?? [];
  const created = rows?.filter((r) => r.outcome && 'created' in r.outcome).length ?? 0;
  const needsOwner = chosen.some((r) => r.type === 'indicator') && !ownerUnitId;
  const needsPledgeUnit = chosen.some((r) => r.type === 'pledge') && !pledgeUnitId;

  const columns = [
    {
      title: t('textTargets.keep'),
      key: 'keep',
      width: 72,
      render: (_: unknown, r: Row) =>
        r.outcome && 'created' in r.outcome ? (
          <Typography.Text type="success">{t('textTargets.created')}</Typography.Text>
        ) : (
          <Checkbox checked={r.keep} onChange={(e) => update(r.key, { keep: e.target.checked })} data-testid="text-target-keep" />
        ),
    },
    {
      title: t('textTargets.type'),
      key: 'type',
      width: 80,
      render: (_: unknown, r: Row) => (r.type === 'indicator' ? t('textTargets.indicator') : t(`commitmentKind.${pledgeKind}`)),
    },
    {
      title: t('target.name'),
      key: 'name',
      render: (_: unknown, r: Row) => (
        <Space direction="vertical" size={2} style={{ width: '100%' }}>
          <Input
            value={r.name}
            maxLength={r.type === 'indicator' ? 100 : 500}
            onChange={(e) => update(r.key, { name: e.target.value })}
            data-testid="text-target-name"
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.sentence}
          </Typography.Text>
          {r.outcome && 'errors' in r.outcome && (
            <Typography.Text type="danger" data-testid="text-target-error">
              {r.outcome.errors.join('；')}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: t('target.target'),
      key: 'value',
      width: 120,
      render: (_: unknown, r: Row) => (
        <Input value={r.targetValue} inputMode="decimal" onChange={(e) => update(r.key, { targetValue: e.target.value })} />
      ),
    },
    {
      title: t('target.measure'),
      key: 'measure',
      width: 130,
      render: (_: unknown, r: Row) => (
        <Select<TargetMeasure>
          value={r.measure ?? undefined}
          placeholder={r.unitText}
          status={r.measure ? undefined : 'warning'}
          style={{ width: '100%' }}
          options={TARGET_MEASURES.map((m) => ({ value: m, label: t(`targetMeasure.${m}`) }))}
          onChange={(measure) => update(r.key, { measure })}
        />
      ),
    },
    {
      title: t('target.direction'),
      key: 'direction',
      width: 110,
      render: (_: unknown, r: Row) => (
        <Select<TargetDirection>
          value={r.direction}
          disabled={r.type === 'pledge'}
          style={{ width: '100%' }}
          options={TARGET_DIRECTIONS.map((d) => ({ value: d, label: t(`targetDirection.${d}`) }))}
          onChange={(direction) => update(r.key, { direction })}
        />
      ),
    },
  ];

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('textTargets.title')}
      width="min(1100px, 100vw)"
      data-testid="text-targets-drawer"
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        <Typography.Text type="secondary">{t('textTargets.hint')}</Typography.Text>
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={6}
          placeholder={t('textTargets.placeholder')}
          data-testid="text-targets-input"
        />
        <Space wrap>
          <Button type="primary" loading={reading} disabled={!text.trim()} onClick={read} data-testid="text-targets-read">
            {t('textTargets.read')}
          </Button>
          <Typography.Text type="secondary">{t('textTargets.limit', { count: text.length.toLocaleString() })}</Typography.Text>
        </Space>
        {error && <Alert type="error" showIcon message={error} data-testid="text-targets-failed" />}
        {rows && rows.length === 0 && (
          <Alert type="info" showIcon message={reason ?? t('textTargets.none')} data-testid="text-targets-empty" />
        )}
        {rows && rows.length > 0 && (
          <>
            <Space wrap>
              <span>{t('textTargets.ownerUnit')}</span>
              <TreeSelect
                value={ownerUnitId}
                onChange={setOwnerUnitId}
                treeData={unitTree}
                treeDefaultExpandAll
                showSearch={{ treeNodeFilterProp: 'title' }}
                style={{ width: 220 }}
                data-testid="text-targets-owner"
              />
              <span>{t('textTargets.pledgeKind')}</span>
              <Select<CommitmentKind>
                value={pledgeKind}
                onChange={setPledgeKind}
                options={COMMITMENT_KINDS.map((k) => ({ value: k, label: t(`commitmentKind.${k}`) }))}
                style={{ width: 110 }}
              />
              <span>{t('commitment.unit')}</span>
              <TreeSelect
                value={pledgeUnitId}
                onChange={setPledgeUnitId}
                treeData={unitTree}
                treeDefaultExpandAll
                showSearch={{ treeNodeFilterProp: 'title' }}
                style={{ width: 220 }}
                data-testid="text-targets-pledge-unit"
              />
              <span>{t('commitment.deadline')}</span>
              <DatePicker value={deadline} onChange={(d) => d && setDeadline(d)} allowClear={false} />
            </Space>
            <Table<Row> rowKey="key" size="small" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 800 }} />
            <Space wrap>
              <Button
                type="primary"
                disabled={chosen.length === 0 || needsOwner || needsPledgeUnit}
                loading={create.isPending}
                onClick={() => create.mutate(chosen)}
                data-testid="text-targets-confirm"
              >
                {t('textTargets.confirm', { count: chosen.length })}
              </Button>
              {(needsOwner || needsPledgeUnit) && <Typography.Text type="warning">{t('textTargets.chooseUnits')}</Typography.Text>}
              {created > 0 && (
                <Typography.Text type="success" data-testid="text-targets-created">
                  {t('textTargets.createdCount', { count: created })}
                </Typography.Text>
              )}
            </Space>
          </>
        )}
      </Space>
    </Drawer>
  );
}
