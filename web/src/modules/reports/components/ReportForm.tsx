import { chinaToday } from '../../../lib/china-today';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Form, Grid, Input, InputNumber, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { formatWan, wanToYuan } from '../../../../../common/domain/money';
import { useI18n } from '../../../i18n';
import { isApiError } from '../../../lib/api-client';
import { describeError, useShowError } from '../../../lib/use-show-error';
import { AttachmentList } from '../../attachments/components/AttachmentList';
import { WanInput, wanRule } from '../../projects/components/WanInput';
import { usePlan } from '../../projects/hooks/use-tracks';
import type { ProgressReport } from '../api/reports-api';
import { useFillReport, useReports, useSubmitReport } from '../hooks/use-reports';
import { periodLabel } from '../utils/period';
import { applyReportErrors, fillBodyOf, formValuesOf, type ReportFormValues } from '../utils/report-form';

/**
 * The unit's monthly report, made for a phone: the investment completed this month in 万元, 形象进度 in words and %,
 * the plan's milestones reached (with their date) and new problems; 保存草稿 keeps it, 提交 sends it for review. What
 * the server refuses is shown under its field; an amount above the project's remaining investment asks to confirm.
 */
export function ReportForm({ report, onSubmitted }: { report: ProgressReport; onSubmitted: () => void }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const [form] = Form.useForm<ReportFormValues>();
  const plan = usePlan(report.projectId);
  // The last month reported before this one, so the clerk sees where 形象进度 stood.
  const history = useReports({ projectId: report.projectId, pageSize: 6 });
  const previous = history.data?.items.find((r) => r.period < report.period && r.progressPercent !== null);
  const fill = useFillReport();
  const submit = useSubmitReport();
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);

  // Filled once per report: a refetch after saving must not overwrite what the user is typing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only another report refills the form
  useEffect(() => {
    form.setFieldsValue(formValuesOf(report));
  }, [report.id, form]);

  const chosen = Form.useWatch('milestones', form) ?? [];
  const milestoneOptions = useMemo(() => {
    const inReport = new Set(report.milestones.map((m) => m.milestoneId));
    return (plan.data?.milestones ?? [])
      .filter((m) => m.actualFinish === null || inReport.has(m.id))
      .map((m) => ({ value: m.id, label: m.name }));
  }, [plan.data, report.milestones]);

  /** Shows what the server refused: under the fields it names, else as a message. */
  const showRefusal = (error: unknown) => {
    if (!isApiError(error) || error.details.length === 0) {
      showError(error);
      return;
    }
    const unmatched = applyReportErrors(form, error);
    const extra = unmatched.map((d) => d.message).join('; ');
    message.error(extra ? `${describeError(error, t)} — ${extra}` : describeError(error, t));
  };

  const save = async (): Promise<number | null> => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return null;
    const saved = await fill.mutateAsync({ id: report.id, body: fillBodyOf(form.getFieldsValue(true), report.version) });
    return saved.version;
  };

  const saveDraft = async () => {
    setBusy('save');
    try {
      if ((await save()) !== null) message.success(t('report.saved'));
    } catch (error) {
      showRefusal(error);
    } finally {
      setBusy(null);
    }
  };

  const sendForReview = async (version: number, confirmLarge: boolean) => {
    await submit.mutateAsync({ id: report.id, version, confirmLarge });
    message.success(t('report.submittedOk'));
    onSubmitted();
  };

  const submitReport = async () => {
    setBusy('submit');
    let version: number | null = null;
    try {
      version = await save();
      if (version === null) return;
      await sendForReview(version, false);
    } catch (error) {
      if (isApiError(error) && error.code === 'large_amount_unconfirmed' && version !== null) {
        const savedVersion = version;
        const yuan = wanToYuan(form.getFieldValue('investmentYuan'));
        modal.confirm({
          title: t('report.largeTitle'),
          content: t('report.largeContent', { amount: formatWan(yuan) }),
          okText: t('report.largeConfirm'),
          cancelText: t('action.cancel'),
          okButtonProps: { 'data-testid': 'report-confirm-large' } as Record<string, string>,
          onOk: () => sendForReview(savedVersion, true).catch(showRefusal),
        });
      } else {
        showRefusal(error);
      }
    } finally {
      setBusy(null);
    }
  };

  return (
    <Form<ReportFormValues>
      form={form}
      layout="vertical"
      data-testid="report-form"
      requiredMark={false}
      onValuesChange={(changed) => form.setFields(Object.keys(changed).map((name) => ({ name, errors: [] })) as never)}
    >
      {report.status === 'returned' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('report.returnedAlert')}
          description={
            <span data-testid="report-return-reason">
              {t('report.returnReason')}：{report.returnReason}
            </span>
          }
        />
      )}
      <Form.Item name="investmentYuan" label={t('report.investment')} extra={t('report.investmentHint')} rules={[wanRule(t)]}>
        <WanInput data-testid="report-investment-input" />
      </Form.Item>
      <Form.Item name="progressText" label={t('report.progressText')} extra={t('report.progressTextHint')}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} data-testid="report-progress-text" />
      </Form.Item>
      <Form.Item
        name="progressPercent"
        label={t('report.progressPercent')}
        extra={
          previous
            ? t('report.lastPercent', { period: periodLabel(t, previous.period), percent: previous.progressPercent ?? 0 })
            : undefined
        }
      >
        <InputNumber
          min={0}
          max={100}
          precision={0}
          suffix="%"
          style={{ width: phone ? '100%' : 200 }}
          data-testid="report-progress-percent"
        />
      </Form.Item>
      <Form.List name="milestones">
        {(fields, { add, remove }, { errors }) => (
          <Form.Item
            label={t('report.milestones')}
            extra={milestoneOptions.length > 0 ? t('report.milestonesHint') : plan.isPending ? undefined : t('report.noPlan')}
          >
            <Flex vertical gap={8}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} wrap={phone} align="start" data-testid="report-milestone-row">
                  <Form.Item name={[field.name, 'milestoneId']} noStyle={false} style={{ flex: '1 1 200px', marginBottom: 0 }}>
                    <Select
                      options={milestoneOptions.map((o) => ({
                        ...o,
                        disabled: chosen.some((c, i) => i !== field.name && c?.milestoneId === o.value),
                      }))}
                      placeholder={t('report.milestone')}
                      data-testid="report-milestone-select"
                    />
                  </Form.Item>
                  <Flex gap={8} style={{ flex: phone ? '1 1 100%' : '0 0 auto' }}>
                    <Form.Item name={[field.name, 'reachedOn']} style={{ flex: 1, marginBottom: 0 }}>
                      <DatePicker
                        placeholder={t('report.reachedOn')}
                        disabledDate={(d) => d.isAfter(chinaToday(), 'day')}
                        inputReadOnly={phone}
                        style={{ width: '100%' }}
                        data-testid="report-milestone-date"
                      />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('action.delete')} />
                  </Flex>
                </Flex>
              ))}
              {milestoneOptions.length > 0 && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ reachedOn: chinaToday() })}
                  block
                  data-testid="report-milestone-add"
                >
                  {t('report.addMilestone')}
                </Button>
              )}
              <Form.ErrorList errors={errors} />
            </Flex>
          </Form.Item>
        )}
      </Form.List>
      <Form.Item name="problems" label={t('report.problems')} extra={t('report.problemsHint')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="report-problems" />
      </Form.Item>
      <Form.Item label={t('report.attachments')}>
        <AttachmentList recordType="report" recordId={report.id} />
      </Form.Item>
      <Flex gap={8} vertical={phone} justify="end">
        <Button size="large" block={phone} loading={busy === 'save'} disabled={busy !== null} onClick={saveDraft} data-testid="report-save">
          {t('report.saveDraft')}
        </Button>
        <Button
          size="large"
          type="primary"
          block={phone}
          loading={busy === 'submit'}
          disabled={busy !== null}
          onClick={submitReport}
          data-testid="report-submit"
        >
          {t('report.submit')}
        </Button>
      </Flex>
    </Form>
  );
}
