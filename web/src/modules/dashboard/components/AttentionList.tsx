import { Card, List, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../../i18n';
import type { Dashboard } from '../api/dashboard-api';
import { useMoneyText } from './KpiCards';

/** The red, then yellow, projects with why; each opens its project, the heading's link the whole filtered list. */
export function AttentionList({ d, dark, limit }: { d: Dashboard; dark?: boolean; limit?: number }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const money = useMoneyText();
  const items = limit ? d.attention.slice(0, limit) : d.attention;
  return (
    <Card
      size="small"
      title={t('dashboard.attention')}
      extra={<Link to={d.attentionDrill}>{t('dashboard.attentionAll')}</Link>}
      className={dark ? 'big-screen-card' : undefined}
      styles={{ header: dark ? { color: '#e6f4ff', fontSize: 20, borderColor: '#1d3b5e' } : undefined, body: { padding: '0 12px' } }}
      data-testid="dashboard-attention"
    >
      <List
        dataSource={items}
        locale={{ emptyText: t('dashboard.attentionNone') }}
        renderItem={(p) => (
          <List.Item style={{ cursor: 'pointer', padding: dark ? '6px 0' : undefined }} onClick={() => navigate(`/projects/${p.id}`)}>
            <List.Item.Meta
              avatar={<Tag color={p.colour === 'red' ? 'red' : 'gold'}>{t(`warningColour.${p.colour}`)}</Tag>}
              title={
                <Typography.Text strong ellipsis style={dark ? { color: '#e6f4ff', fontSize: 18 } : undefined}>
                  {p.name}
                </Typography.Text>
              }
              description={
                <Typography.Text type="secondary" ellipsis={dark} style={dark ? { color: '#9fb3c8', fontSize: 15 } : undefined}>
                  {[p.leadUnitName, p.totalInvestmentYuan === null ? null : money(p.totalInvestmentYuan), p.reasons.join('；')]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
