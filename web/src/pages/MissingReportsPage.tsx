import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Flex } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useI18n } from '../i18n';
import { MissingByUnit } from '../modules/reports/components/MissingByUnit';
import { RemindAllButton } from '../modules/reports/components/RemindAllButton';
import { useMissing, usePeriod } from '../modules/reports/hooks/use-reports';

/** 未报送 of one period, grouped by unit; the project office reminds them all with one click while it is open. */
export function MissingReportsPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const period = usePeriod(id);
  const missing = useMissing(id);

  return (
    <Flex vertical gap={8}>
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        onClick={() => navigate('/reporting-periods')}
        style={{ paddingInline: 0, alignSelf: 'start' }}
      >
        {t('period.back')}
      </Button>
      <Card title={t('missing.title')}>
        {period.data?.abilities.close && (
          <Flex justify="end" style={{ marginBottom: 12 }}>
            <RemindAllButton periodId={id} units={missing.data?.units.length ?? 0} />
          </Flex>
        )}
        <MissingByUnit periodId={id} />
      </Card>
    </Flex>
  );
}
