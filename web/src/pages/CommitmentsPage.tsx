import { Card, InputNumber } from 'antd';
import { useState } from 'react';
import type { CommitmentKind } from '../../../common/enums';
import { useI18n } from '../i18n';
import { chinaToday } from '../lib/china-today';
import { useShowError } from '../lib/use-show-error';
import { type Commitment, targetsApi } from '../modules/targets/api/targets-api';
import { ProgressModal, RaiseMatterModal } from '../modules/targets/components/CommitmentModals';
import { CommitmentsTable } from '../modules/targets/components/CommitmentsTable';
import { useCommitments, useTargetsMutation } from '../modules/targets/hooks/use-targets';

/** 军令状 or 民生实事: the year's list with progress; the unit enters progress, the office marks done or raises a matter when late. */
function CommitmentsPage({ kind }: { kind: CommitmentKind }) {
  const { t } = useI18n();
  const showError = useShowError();
  const [year, setYear] = useState(() => chinaToday().year());
  const list = useCommitments(kind, year);
  const [entering, setEntering] = useState<Commitment | null>(null);
  const [raising, setRaising] = useState<Commitment | null>(null);
  const done = useTargetsMutation(({ c, value }: { c: Commitment; value: boolean }) =>
    targetsApi.markDone(c.id, { version: c.version, done: value }),
  );
  return (
    <Card
      title={t(kind === 'pledge' ? 'nav.pledges' : 'nav.livelihood')}
      styles={{ body: { padding: 12 } }}
      extra={
        <InputNumber
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => v && setYear(v)}
          addonBefore={t('target.year')}
          style={{ width: 150 }}
        />
      }
    >
      <CommitmentsTable
        kind={kind}
        items={list.data?.items ?? []}
        loading={list.isFetching}
        onEnter={setEntering}
        onDone={(c, value) => done.mutate({ c, value }, { onError: (error) => showError(error) })}
        onRaise={setRaising}
      />
      <ProgressModal target={entering} onClose={() => setEntering(null)} />
      <RaiseMatterModal target={raising} onClose={() => setRaising(null)} />
    </Card>
  );
}

/** 军令状 / 目标责任书: each unit's quantified pledges for the year. */
export const PledgesPage = () => <CommitmentsPage kind="pledge" />;
/** 民生实事: the livelihood works the government promised residents this year. */
export const LivelihoodPage = () => <CommitmentsPage kind="livelihood" />;
