import { Button } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Permission } from '../../../../../common/permissions';
import { useI18n } from '../../../i18n';
import { describeError } from '../../../lib/use-show-error';
import { FullPageSpin } from '../../../ui/FullPageSpin';
import { LazyResult } from '../../../ui/LazyResult';
import { StatusResult } from '../../../ui/StatusResult';
import { MeContext, useMe, useMeQuery } from '../hooks/use-me';

/** Renders its children only for a signed-in user; otherwise goes to the sign-in page and comes back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const location = useLocation();
  const { data: me, isPending, isError, error, refetch } = useMeQuery();
  if (isPending) return <FullPageSpin />;
  if (isError) {
    return (
      <LazyResult
        status="error"
        title={t('session.loadFailed')}
        subTitle={describeError(error, t)}
        extra={<Button onClick={() => refetch()}>{t('action.retry')}</Button>}
      />
    );
  }
  if (!me) return <Navigate to="/sign-in" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

/** Shows the 403 page instead of a screen whose permission the user does not hold. */
export function RequirePermission({ permission, children }: { permission: Permission | Permission[] | null; children: ReactNode }) {
  const me = useMe();
  // A list lets in whoever holds any one of them (the import page serves projects and the enterprise register).
  const needed = permission === null ? [] : Array.isArray(permission) ? permission : [permission];
  if (needed.length > 0 && !needed.some((p) => me.permissions.includes(p))) return <StatusResult status="403" />;
  return <>{children}</>;
}
