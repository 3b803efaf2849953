import { Descriptions, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../../../i18n';
import type { Project } from '../../api/projects-api';
import { useDictionaryOptions } from '../../hooks/use-pickers';
import { Money } from '../ProjectTags';

const orDash = (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? '—' : value);

const paragraph = (text: string | null) =>
  text ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{text}</Typography.Paragraph> : '—';

/**
 * 策划: the proposal, the feasibility study, the industry-chain position and the output and tax expected; then the
 * owner, classification, industry fit, construction content, land and money.
 */
export function PlanningTrack({ project }: { project: Project }) {
  const { t } = useI18n();
  const categories = useDictionaryOptions('project_category');
  const industries = useDictionaryOptions('industry');
  const leading = useDictionaryOptions('leading_industry');
  const clusters = useDictionaryOptions('cluster');
  const parks = useDictionaryOptions('park');
  const chains = useDictionaryOptions('industry_chain');
  const yesNo = (value: boolean) => (value ? '✓' : '—');

  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      data-testid="planning-details"
      items={[
        { key: 'proposal', label: t('project.proposal'), span: 'filled', children: paragraph(project.proposal) },
        {
          key: 'feasibility',
          label: t('project.feasibilityStatus'),
          children: project.feasibilityStatus
            ? [t(`feasibilityStatus.${project.feasibilityStatus}`), project.feasibilityApprovedOn].filter(Boolean).join(' ')
            : '—',
        },
        {
          key: 'chain',
          label: t('project.chainPosition'),
          children: project.chainCode
            ? [chains.label(project.chainCode), project.chainSegment ? t(`chainSegment.${project.chainSegment}`) : null, project.chainNode]
                .filter(Boolean)
                .join(' · ')
            : '—',
        },
        { key: 'output', label: t('project.expectedOutput'), children: <Money yuan={project.expectedOutputYuan} /> },
        { key: 'tax', label: t('project.expectedTax'), children: <Money yuan={project.expectedTaxYuan} /> },
        { key: 'owner', label: t('project.ownerName'), children: orDash(project.ownerName) },
        {
          key: 'approvalType',
          label: t('project.approvalType'),
          children: project.approvalType ? t(`approvalType.${project.approvalType}`) : '—',
        },
        { key: 'category', label: t('project.category'), children: categories.label(project.categoryCode) },
        {
          key: 'industry',
          label: t('project.industry'),
          children: project.industryCode ? `${project.industryCode} ${industries.label(project.industryCode)}` : '—',
        },
        { key: 'leading', label: t('project.leadingIndustry'), children: leading.label(project.leadingIndustryCode) },
        {
          key: 'place',
          label: t('project.clusterPark'),
          children: [clusters.label(project.clusterCode), project.parkCode ? parks.label(project.parkCode) : null]
            .filter(Boolean)
            .join(' / '),
        },
        { key: 'total', label: t('project.totalInvestment'), children: <Money yuan={project.totalInvestmentYuan} /> },
        { key: 'fixed', label: t('project.fixedAssetInvestment'), children: <Money yuan={project.fixedAssetInvestmentYuan} /> },
        {
          key: 'needsLand',
          label: t('project.needsLand'),
          children: project.needsLand === null ? t('project.needsLand.unstated') : t(project.needsLand ? 'common.yes' : 'common.no'),
        },
        { key: 'landSecured', label: t('project.landSecured'), children: project.needsLand ? yesNo(project.landSecured) : '—' },
        { key: 'landArea', label: t('project.landAreaMu'), children: orDash(project.landAreaMu) },
        { key: 'floorArea', label: t('project.floorAreaM2'), children: orDash(project.floorAreaM2) },
        { key: 'demolition', label: t('project.demolitionM2'), children: orDash(project.demolitionM2) },
        { key: 'resettlement', label: t('project.resettlementUnits'), children: orDash(project.resettlementUnits) },
        {
          key: 'coUnits',
          label: t('project.coUnits'),
          children: project.coUnits.length > 0 ? project.coUnits.map((u) => u.name).join('、') : '—',
        },
        {
          key: 'contact',
          label: t('project.contactName'),
          children: [project.contactName, project.contactPhone].filter(Boolean).join(' ') || '—',
        },
        { key: 'taskForce', label: t('project.taskForce'), children: orDash(project.taskForce) },
        {
          key: 'named',
          label: t('project.namedLists'),
          children:
            project.namedLists.length > 0 ? (
              <Space size={[0, 4]} wrap>
                {project.namedLists.map((name) => (
                  <Tag key={name}>{name}</Tag>
                ))}
              </Space>
            ) : (
              '—'
            ),
        },
        {
          key: 'content',
          label: t('project.constructionContent'),
          span: 'filled',
          children: paragraph(project.constructionContent),
        },
      ]}
    />
  );
}
