import { Flex, Spin } from 'antd';

/** A centred spinner while the session or a lazily loaded page arrives. */
export function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: 240, height: '100%' }}>
      <Spin size="large" />
    </Flex>
  );
}
