import { useQueryClient } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { type Translate, useI18n } from '../i18n';
import { isApiError } from './api-client';
import { applyFieldErrors } from './form-errors';

type ShowErrorOptions = {
  /** Marks the fields named in a 400 answer's details. */
  form?: FormInstance;
  /** Called when the user accepts reloading after a version conflict (close the stale form). */
  onConflict?: () => void;
};

/** The sentence to show for an error: the server's own (already translated) message, or ours for network failures. */
export function describeError(error: unknown, t: Translate): string {
  if (!isApiError(error)) return t('error.unexpected');
  if (error.code === 'network_error') return t('error.network');
  const base = error.message || t('error.http', { status: error.status });
  return error.status >= 500 && error.requestId ? `${base} (${t('error.requestId')}: ${error.requestId})` : base;
}

/** Shows a failed request the way users expect: field errors under fields, a reload prompt on conflicts, else a toast. */
export function useShowError() {
  const { message, modal } = App.useApp();
  const { t } = useI18n();
  const queryClient = useQueryClient();

  return useCallback(
    (error: unknown, options: ShowErrorOptions = {}) => {
      if (
        isApiError(error) &&
        (error.status === 401 || error.code === 'password_change_required' || error.code === 'totp_enrolment_required')
      )
        return;
      if (isApiError(error) && error.code === 'version_conflict') {
        modal.warning({
          title: t('error.conflictTitle'),
          content: error.message || t('error.conflict'),
          okText: t('action.reload'),
          onOk: async () => {
            options.onConflict?.();
            await queryClient.invalidateQueries();
          },
        });
        return;
      }
      const unmatched = options.form ? applyFieldErrors(options.form, error) : isApiError(error) ? error.details : [];
      const extra = unmatched.map((d) => `${d.path}: ${d.message}`).join('; ');
      message.error(extra ? `${describeError(error, t)} — ${extra}` : describeError(error, t));
      if (!isApiError(error)) console.error(error);
    },
    [message, modal, queryClient, t],
  );
}
