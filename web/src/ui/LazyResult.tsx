import type { ResultProps } from 'antd';
import { lazy, Suspense } from 'react';
import { FullPageSpin } from './FullPageSpin';

// Ant Design's Result carries its 403/404/500 illustrations (about 10 KB gzip): fetched when a result is shown, not
// with the first page.
const AntdResult = lazy(() => import('antd/es/result'));

/** Ant Design's Result, loaded on first use. */
export function LazyResult(props: ResultProps) {
  return (
    <Suspense fallback={<FullPageSpin />}>
      <AntdResult {...props} />
    </Suspense>
  );
}
