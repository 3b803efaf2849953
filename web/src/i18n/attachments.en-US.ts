import type { attachmentsZhCN } from './attachments.zh-CN';

/** Attachments' interface text in English, merged into en-US.ts. */
export const attachmentsEnUS: Record<keyof typeof attachmentsZhCN, string> = {
  'attachment.title': 'Photos and attachments',
  'attachment.upload': 'Upload a photo or file',
  'attachment.uploading': 'Uploading…',
  'attachment.uploaded': '{name} uploaded',
  'attachment.hint': 'Photos (JPG, PNG, WebP), PDF, Word or Excel, up to {size} each, at most {count} files',
  'attachment.empty': 'No attachments yet',
  'attachment.by': 'by {name}',
  'attachment.delete': 'Delete',
  'attachment.deleteConfirm': 'Delete the attachment “{name}”?',
  'attachment.deleted': 'Deleted',
  'attachment.tooLarge': '“{name}” is larger than {size}; compress it, then upload it',
  'attachment.limitReached': 'The limit of {count} attachments is reached',
  'attachment.open': 'Open',
  'attachment.view': 'View',
  'attachment.pickHint': 'Tick the matter’s files that back this step, or upload a new photo or file',
  'attachment.gone': '(file deleted)',
};
