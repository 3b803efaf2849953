import { Alert, Button, Flex, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';

type OneTimeSecretModalProps = {
  open: boolean;
  title: string;
  /** Who or what the secret is for, shown above it. */
  subject?: string;
  secret: string;
  onClose: () => void;
};

/** Shows a password, token or list of codes (one a line) that the server will never show again, with a copy button. */
export function OneTimeSecretModal({ open, title, subject, secret, onClose }: OneTimeSecretModalProps) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // clipboard blocked (plain http); the text is selectable, so the user can still copy by hand
      setCopied(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="secret-done">
          {t('secret.done')}
        </Button>
      }
    >
      <Flex vertical gap={12}>
        <Alert type="warning" showIcon title={t('secret.shownOnce')} />
        {subject && <Typography.Text>{subject}</Typography.Text>}
        <Flex gap={8} align="center" wrap>
          <Typography.Text code strong style={{ fontSize: 16, wordBreak: 'break-all', whiteSpace: 'pre-line' }} data-testid="secret-value">
            {secret}
          </Typography.Text>
          <Button onClick={copy} data-testid="secret-copy">
            {copied ? t('secret.copied') : t('secret.copy')}
          </Button>
        </Flex>
      </Flex>
    </Modal>
  );
}
