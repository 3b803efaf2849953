/** Attachments' interface text (photos and documents on reports, matters and projects), merged into zh-CN.ts. */
export const attachmentsZhCN = {
  'attachment.title': '照片和附件',
  'attachment.upload': '上传照片或文件',
  'attachment.uploading': '正在上传…',
  'attachment.uploaded': '已上传 {name}',
  'attachment.hint': '可上传照片（JPG、PNG、WebP）、PDF、Word、Excel，单个文件不超过 {size}，最多 {count} 个',
  'attachment.empty': '暂无附件',
  'attachment.by': '{name} 上传',
  'attachment.delete': '删除',
  'attachment.deleteConfirm': '删除附件“{name}”？',
  'attachment.deleted': '已删除',
  'attachment.tooLarge': '“{name}”超过 {size}，请压缩后再上传',
  'attachment.limitReached': '已达到 {count} 个附件的上限',
  'attachment.open': '打开',
  'attachment.view': '查看',
  'attachment.pickHint': '勾选本事项的附件作为此步骤的佐证，或上传新的照片或文件',
  'attachment.gone': '（附件已删除）',
};
