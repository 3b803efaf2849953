import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Flex } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useI18n } from '../i18n';
import { MissingByUnit } from '../modules/reports/components/MissingByUnit';
import { RemindAllButton } from '../modules/reports/components/RemindAllButton';
import { usePeriod } from '../modules/reports/hooks/use-reports';

/** 未报送 of one period, grouped by unit, with the place of the "remind them all" button. */
export function MissingReportsPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const period = usePeriod(id);

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
      <Card
        title={t('missing.title')}
        extra={period.data?.abilities.close ? <RemindAllButton periodId={id} /> : null}
        styles={{ header: { flexWrap: 'wrap', gap: 8, paddingBlock: 8 } }}
      >
        <MissingByUnit periodId={id} />
      </Card>
    </Flex>
  );
}
