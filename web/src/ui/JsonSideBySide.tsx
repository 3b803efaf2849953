import { Col, Row, Typography } from 'antd';

type JsonSideBySideProps = {
  beforeLabel: string;
  afterLabel: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  emptyText: string;
};

const preStyle = {
  margin: 0,
  padding: 12,
  background: '#f6f8fa',
  borderRadius: 6,
  fontSize: 12,
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-all',
  maxHeight: 360,
  overflow: 'auto',
} as const;

/** Two JSON documents next to each other (stacked on phones), e.g. a record before and after a change. */
export function JsonSideBySide({ beforeLabel, afterLabel, before, after, emptyText }: JsonSideBySideProps) {
  const render = (label: string, value: Record<string, unknown> | null, testId: string) => (
    <Col xs={24} md={12}>
      <Typography.Text type="secondary">{label}</Typography.Text>
      <pre style={preStyle} data-testid={testId}>
        {value ? JSON.stringify(value, null, 2) : emptyText}
      </pre>
    </Col>
  );
  return (
    <Row gutter={[16, 8]}>
      {render(beforeLabel, before, 'json-before')}
      {render(afterLabel, after, 'json-after')}
    </Row>
  );
}
