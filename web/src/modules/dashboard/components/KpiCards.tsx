import { Card, Col, Row, Space, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { moneyParts } from '../../../../../common/domain/money';
import { useI18n } from '../../../i18n';
import type { Dashboard, NewStartsTarget } from '../api/dashboard-api';

const COLOUR = { red: '#e5484d', yellow: '#d48806', green: '#30a46c' };

/** An amount in words with its unit: 12.50亿元. */
export function useMoneyText() {
  const { t } = useI18n();
  return (yuan: number) => {
    const { value, unit } = moneyParts(yuan);
    return t('money.amount', { value, unit: t(`money.${unit}`) });
  };
}

function Kpi({
  title,
  children,
  onClick,
  testId,
  dark,
}: {
  title: string;
  children: ReactNode;
  onClick?: () => void;
  testId: string;
  dark?: boolean;
}) {
  return (
    <Card
      size="small"
      hoverable={!!onClick}
      onClick={onClick}
      style={{ height: '100%', cursor: onClick ? 'pointer' : undefined }}
      className={dark ? 'big-screen-card' : undefined}
      data-testid={testId}
    >
      <Typography.Text type="secondary" style={dark ? { color: '#9fb3c8', fontSize: 18 } : undefined}>
        {title}
      </Typography.Text>
      <div>{children}</div>
    </Card>
  );
}

/**
 * The key figures: each card opens the list behind it. `newStartsTarget` (the targets page's figures) puts the year's
 * new starts against their target under the 新开工 card; undefined while asked, null when the reader may not read targets.
 */
export function KpiCards({ d, dark, newStartsTarget }: { d: Dashboard; dark?: boolean; newStartsTarget?: NewStartsTarget | null }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const money = useMoneyText();
  const big = dark ? { fontSize: 40, color: '#e6f4ff' } : undefined;
  const k = d.kpis;
  const link = (text: ReactNode, to: string, testId: string, color?: string) => (
    <Typography.Link
      onClick={(e) => {
        e.stopPropagation();
        navigate(to);
      }}
      style={{ color, fontSize: dark ? 22 : undefined }}
      data-testid={testId}
    >
      {text}
    </Typography.Link>
  );
  const span = dark ? { xs: 12 } : { xs: 12, md: 8, xl: 4 };
  return (
    <Row gutter={[12, 12]}>
      <Col {...span}>
        <Kpi title={t('dashboard.kpi.projects')} onClick={() => navigate(k.projects.drill)} testId="kpi-projects" dark={dark}>
          <Statistic value={k.projects.count} suffix={t('dashboard.kpi.projectsUnit')} valueStyle={big} />
          <Typography.Text style={dark ? { color: '#9fb3c8', fontSize: 18 } : undefined}>
            {t('dashboard.kpi.totalInvestment', { amount: money(k.projects.totalInvestmentYuan) })}
          </Typography.Text>
        </Kpi>
      </Col>
      <Col {...(dark ? { xs: 12 } : { xs: 24, md: 16, xl: 8 })}>
        <Kpi title={t('dashboard.kpi.annual')} onClick={() => navigate(k.annual.drill)} testId="kpi-annual" dark={dark}>
          <Statistic
            value={k.annual.completionRate === null ? '—' : (k.annual.completionRate * 100).toFixed(1)}
            suffix={k.annual.completionRate === null ? undefined : '%'}
            valueStyle={{ ...big, color: k.annual.status === 'behind' ? COLOUR.red : (big?.color ?? undefined) }}
          />
          <Typography.Text style={dark ? { color: '#9fb3c8', fontSize: 18 } : undefined}>
            {t('dashboard.kpi.annualOf', { done: money(k.annual.completedYuan), plan: money(k.annual.plannedYuan) })}
          </Typography.Text>
          <div>
            <Typography.Text
              type={k.annual.status === 'behind' ? 'danger' : 'success'}
              style={dark ? { fontSize: 18 } : undefined}
              data-testid="kpi-annual-words"
            >
              {k.annual.words}
            </Typography.Text>
          </div>
        </Kpi>
      </Col>
      <Col {...span}>
        <Kpi title={t('dashboard.kpi.newStarts')} onClick={() => navigate(k.newStarts.drill)} testId="kpi-new-starts" dark={dark}>
          <Statistic value={k.newStarts.count} suffix={t('dashboard.kpi.projectsUnit')} valueStyle={big} />
          <div>
            {link(
              <span style={dark ? { fontSize: 18 } : undefined}>
                {t('dashboard.kpi.newStartsPlanned', { count: k.newStarts.planned })}
              </span>,
              k.newStarts.plannedDrill,
              'kpi-new-starts-planned',
            )}
          </div>
          {newStartsTarget && <NewStartsAgainstTarget target={newStartsTarget} dark={dark} />}
        </Kpi>
      </Col>
      <Col {...span}>
        <Kpi title={t('dashboard.kpi.warnings')} testId="kpi-warnings" dark={dark}>
          <Space size="middle" wrap style={{ fontSize: dark ? 36 : 24, marginTop: 4 }}>
            {(['red', 'yellow', 'green'] as const).map((colour) =>
              link(
                <span>
                  <span style={{ fontSize: dark ? 18 : 13 }}>{t(`warningColour.${colour}`)} </span>
                  <strong style={{ fontSize: dark ? 36 : 24 }}>{k.warnings[colour].count}</strong>
                </span>,
                k.warnings[colour].drill,
                `kpi-warning-${colour}`,
                COLOUR[colour],
              ),
            )}
          </Space>
        </Kpi>
      </Col>
      <Col {...span}>
        <Kpi title={t('dashboard.kpi.matters')} testId="kpi-matters" dark={dark}>
          <Space direction="vertical" size={0} style={{ marginTop: 4 }}>
            {link(
              <strong style={{ fontSize: dark ? 26 : 18 }}>{t('dashboard.kpi.openMatters', { count: k.matters.open })}</strong>,
              k.matters.openDrill,
              'kpi-matters-open',
            )}
            {link(
              <strong style={{ fontSize: dark ? 26 : 18 }}>{t('dashboard.kpi.overdueMatters', { count: k.matters.overdue })}</strong>,
              k.matters.overdueDrill,
              'kpi-matters-overdue',
              COLOUR.red,
            )}
          </Space>
        </Kpi>
      </Col>
    </Row>
  );
}

/**
 * The year's new starts against the 新开工 indicator's target, as the targets page words it: 天桥区目标50个，已开工38个 and
 * 完成年度目标的76.0%，慢于时间进度… ; a click opens the targets page. No target: says so, with no figure.
 */
function NewStartsAgainstTarget({ target, dark }: { target: NewStartsTarget; dark?: boolean }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const small = dark ? { fontSize: 16, color: '#9fb3c8' } : { fontSize: 12 };
  const open = (e: { stopPropagation: () => void }) => {
    e.stopPropagation();
    navigate(target.drill);
  };
  if (target.basis === 'none' || target.targetValue === null)
    return (
      <div>
        <Typography.Text type="secondary" style={small} data-testid="kpi-new-starts-no-target">
          {target.standing}
        </Typography.Text>
      </div>
    );
  const behind = target.progress?.status === 'behind';
  return (
    <div style={{ marginTop: 4, lineHeight: 1.4 }} data-testid="kpi-new-starts-target">
      <Typography.Link onClick={open} style={{ ...small, color: dark ? '#69b1ff' : undefined }} data-testid="kpi-new-starts-target-link">
        {t(target.basis === 'districts_sum' ? 'dashboard.kpi.newStartsTargetSum' : 'dashboard.kpi.newStartsTarget', {
          region: target.regionName ?? '',
          target: target.targetValue,
          actual: target.actual ?? '—',
        })}
      </Typography.Link>
      <div>
        <Typography.Text type={behind ? 'danger' : 'success'} style={small} data-testid="kpi-new-starts-standing">
          {target.standing}
        </Typography.Text>
      </div>
    </div>
  );
}
