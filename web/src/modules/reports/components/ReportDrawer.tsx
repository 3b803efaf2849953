import { App, Button, Drawer, Flex, Form, Grid, Input, Skeleton } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../i18n';
import { useShowError } from '../../../lib/use-show-error';
import { FormModal } from '../../../ui/FormModal';
import { useApproveReport, useReport, useReturnReport } from '../hooks/use-reports';
import { ReportDetails } from './ReportDetails';

type ReportDrawerProps = {
  /** The report shown; null keeps the drawer closed. */
  reportId: string | null;
  onClose: () => void;
};

/**
 * One report in a side drawer (the whole width on a phone): what it says, and for the project office the review —
 * approve, or return with the reason the unit will read.
 */
export function ReportDrawer({ reportId, onClose }: ReportDrawerProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const screens = Grid.useBreakpoint();
  const report = useReport(reportId);
  const approve = useApproveReport();
  const returnReport = useReturnReport();
  const [returning, setReturning] = useState<{ id: string; version: number } | null>(null);
  const [returnForm] = Form.useForm<{ reason: string }>();
  const data = report.data;

  const footer =
    data && (data.abilities.approve || data.abilities.return) ? (
      <Flex justify="end" gap={8} wrap>
        {data.abilities.return && (
          <Button danger onClick={() => setReturning({ id: data.id, version: data.version })} data-testid="report-return">
            {t('report.return')}
          </Button>
        )}
        {data.abilities.approve && (
          <Button
            type="primary"
            loading={approve.isPending}
            data-testid="report-approve"
            onClick={() =>
              approve.mutate(
                { id: data.id, version: data.version },
                {
                  onSuccess: () => {
                    message.success(t('report.approvedOk'));
                    onClose();
                  },
                  onError: (error) => showError(error),
                },
              )
            }
          >
            {t('report.approve')}
          </Button>
        )}
      </Flex>
    ) : null;

  return (
    <Drawer
      open={reportId !== null}
      title={t('report.details')}
      size={screens.md ? 640 : '100%'}
      onClose={onClose}
      footer={footer}
      data-testid="report-drawer"
    >
      {report.isPending || !data ? <Skeleton active /> : <ReportDetails report={data} />}
      <FormModal<{ reason: string }, { id: string; version: number }>
        target={returning}
        title={t('report.returnTitle')}
        okText={t('report.return')}
        okTestId="report-return-confirm"
        testId="report-return-form"
        onClose={() => setReturning(null)}
        onValuesChange={() => returnForm.setFields([{ name: 'reason', errors: [] }])}
        form={returnForm}
        onSubmit={async (values, target) => {
          await returnReport.mutateAsync({ id: target.id, version: target.version, reason: values.reason ?? '' });
          message.success(t('report.returnedOk'));
          onClose();
        }}
      >
        <Form.Item name="reason" label={t('report.returnReason')} extra={t('report.returnReasonHint')}>
          <Input.TextArea rows={4} maxLength={500} showCount data-testid="report-return-reason-input" />
        </Form.Item>
      </FormModal>
    </Drawer>
  );
}
