import { App } from 'antd';
import { useCallback, useState } from 'react';
import { useI18n } from '../../../i18n';
import { useShowError } from '../../../lib/use-show-error';

/** Runs a download, says which file arrived or why it failed, and tells the button while it is under way. */
export function useDownload() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  const download = useCallback(
    async (fetchFile: () => Promise<string>) => {
      setBusy(true);
      try {
        message.success(t('export.done', { name: await fetchFile() }));
      } catch (error) {
        showError(error);
      } finally {
        setBusy(false);
      }
    },
    [message, showError, t],
  );
  return { busy, download };
}
