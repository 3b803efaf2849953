import { App, Button, Divider, Form, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n';
import {
  type DistrictUnit,
  type FormulaPreview,
  type Month,
  type RankingGroup,
  type RankingSubject,
  assessmentApi,
  formulaProblem,
  groupProblems,
} from '../api/assessment-api';
import { useAssessmentMutation } from '../hooks/use-assessment';
import { FormulaProblem } from './FormulaProblem';
import { type GroupsForm, RankingGroupsEditor, groupsOf, showGroupProblems } from './RankingGroupsEditor';
import { PreviewTable } from './PreviewTable';

type Problem = { message: string; line: number; column: number };

/**
 * 评分规则 editor (the project office's): the formula in a text area, 检查 (where it is wrong, at its line and
 * column), the ranking groups (who is assessed, ranked in which group), 预览 on a month's data (each unit's value and
 * terms by group, nothing saved) and 保存为新版本 with a note. A city's or province's rule ranks its districts: no groups,
 * a line saying how its districts' variables are read instead.
 */
export function RuleEditor({
  year,
  initial,
  initialGroups,
  units,
  previewMonth,
  subject = 'unit',
}: {
  year: number;
  initial: string;
  initialGroups: RankingGroup[] | null;
  units: DistrictUnit[];
  previewMonth: Month;
  subject?: RankingSubject;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [formula, setFormula] = useState(initial);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [checked, setChecked] = useState<string | null>(null);
  const [preview, setPreview] = useState<FormulaPreview | null>(null);
  const [busy, setBusy] = useState<'check' | 'preview' | null>(null);
  const [groupsForm] = Form.useForm<GroupsForm>();
  useEffect(() => setFormula(initial), [initial]);
  useEffect(() => groupsForm.setFieldsValue({ groups: initialGroups ?? [] }), [groupsForm, initialGroups]);
  const save = useAssessmentMutation(assessmentApi.saveRule);
  const groups = () => (subject !== 'unit' ? null : groupsOf(groupsForm.getFieldsValue(true)));

  /** A refusal of the formula shows at its column, of the groups on their fields; anything else as a message. */
  const showRefusal = (error: unknown) => {
    const at = formulaProblem(error);
    const fields = groupProblems(error);
    if (at) setProblem(at);
    else if (fields) {
      showGroupProblems(groupsForm, fields);
      message.error(t('assessment.groupsInvalid'));
    } else message.error((error as Error).message);
  };

  /** Runs a call on the formula; a refusal shows at its line and column, any other failure as a message. */
  async function run<R>(kind: 'check' | 'preview', call: () => Promise<R>): Promise<R | null> {
    setBusy(kind);
    setProblem(null);
    setChecked(null);
    try {
      return await call();
    } catch (error) {
      showRefusal(error);
      return null;
    } finally {
      setBusy(null);
    }
  }

  const check = async () => {
    const result = await run('check', () => assessmentApi.check(formula));
    if (result) setChecked(result.variables.map((v) => v.label).join(t('assessment.listSeparator')) || t('assessment.noVariables'));
  };
  const runPreview = async () => {
    setPreview(null);
    const result = await run('preview', () => assessmentApi.preview({ formula, groups: groups(), ...previewMonth }));
    if (result) setPreview(result);
  };
  const saveVersion = async () => {
    setProblem(null);
    try {
      await groupsForm.validateFields();
    } catch {
      return;
    }
    try {
      const rule = await save.mutateAsync({ year, formula, groups: groups(), ...(note.trim() ? { note: note.trim() } : {}) });
      setNote('');
      message.success(t('assessment.saved', { version: rule.version }));
    } catch (error) {
      showRefusal(error);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.TextArea
        value={formula}
        onChange={(e) => {
          setFormula(e.target.value);
          setChecked(null);
        }}
        autoSize={{ minRows: 6, maxRows: 20 }}
        spellCheck={false}
        aria-label={t('assessment.formula')}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 }}
        data-testid="rule-formula"
      />
      {problem && <FormulaProblem formula={formula} problem={problem} />}
      {checked && (
        <Typography.Text type="success" data-testid="formula-ok">
          {t('assessment.checkOk', { variables: checked })}
        </Typography.Text>
      )}
      <Divider style={{ margin: '8px 0' }} />
      {subject !== 'unit' ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }} data-testid="rule-districts-help">
          {t(subject === 'city' ? 'assessment.citiesHelp' : 'assessment.districtsHelp')}
        </Typography.Paragraph>
      ) : (
        <>
          <RankingGroupsEditor form={groupsForm} units={units} />
          <Divider style={{ margin: '8px 0' }} />
        </>
      )}
      <Space wrap>
        <Button onClick={check} loading={busy === 'check'} data-testid="rule-check">
          {t('assessment.check')}
        </Button>
        <Button onClick={runPreview} loading={busy === 'preview'} data-testid="rule-preview">
          {t('assessment.preview', { year: previewMonth.year, month: previewMonth.month })}
        </Button>
      </Space>
      <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
        <Input
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={500}
          placeholder={t('assessment.notePlaceholder')}
          aria-label={t('assessment.note')}
          data-testid="rule-note"
        />
        <Button type="primary" onClick={saveVersion} loading={save.isPending} data-testid="rule-save">
          {t('assessment.save')}
        </Button>
      </Space.Compact>
      {preview && <PreviewTable preview={preview} subject={subject} />}
    </Space>
  );
}
