/** Messages of attachments (photos and documents on reports, matters and projects), merged into `messages.ts`. */
export const attachmentsZh = {
  'attachment.file_missing': '请选择要上传的文件',
  'attachment.file_type': '只能上传照片（JPG、PNG、WebP）、PDF、Word 或 Excel 文件；该文件的内容不是这些格式（与文件名无关）',
  'attachment.image_unreadable': '图片无法读取，文件可能已损坏，请重新拍摄或另存后再上传',
  'attachment.file_too_large': '文件超过 {limit}，请压缩或拆分后再上传',
  'attachment.too_many': '每条记录最多 {limit} 个附件，请先删除不需要的附件',
  'attachment.record_type_invalid': '附件所属记录类型应为 report、matter 或 project',
  'attachment.record_id_invalid': '记录编号格式不正确',
  'attachment.record_not_found': '记录不存在或无权查看',
  'attachment.not_editable': '该记录现在不能添加附件（已提交、已办结或您没有修改权限）',
  'attachment.not_deletable': '只有上传人在记录可修改时、或审核部门可以删除该附件',
  'attachment.no_thumbnail': '该附件不是图片，没有缩略图',
  'attachment.file_gone': '附件文件已不在服务器上，请联系管理员',
  'attachment.store_unavailable': '附件存储服务暂时无法访问，请稍后重试；多次失败请联系管理员',
  'attachment.store_unavailable_upload': '附件存储服务暂时无法访问，文件未保存，请稍后重新上传；多次失败请联系管理员',
} as const;

export const attachmentsEn: Record<keyof typeof attachmentsZh, string> = {
  'attachment.file_missing': 'Choose a file to upload',
  'attachment.file_type':
    'Only photos (JPG, PNG, WebP), PDF, Word or Excel files can be attached; this file’s content is none of these (whatever its name)',
  'attachment.image_unreadable': 'The image cannot be read; the file may be damaged. Take the photo again or save it anew, then upload it',
  'attachment.file_too_large': 'The file is larger than {limit}; compress or split it, then upload it',
  'attachment.too_many': 'A record can carry at most {limit} attachments; delete the ones no longer needed first',
  'attachment.record_type_invalid': 'The record type must be report, matter or project',
  'attachment.record_id_invalid': 'The record id is not valid',
  'attachment.record_not_found': 'The record does not exist or you may not see it',
  'attachment.not_editable': 'Files cannot be added to this record now (it is submitted or closed, or you may not change it)',
  'attachment.not_deletable': 'Only the uploader, while the record can be changed, or the reviewing office may delete this file',
  'attachment.no_thumbnail': 'This attachment is not an image and has no thumbnail',
  'attachment.file_gone': 'The attachment’s file is no longer on the server; tell the administrator',
  'attachment.store_unavailable':
    'The attachment store cannot be reached just now; try again in a moment, and tell the administrator if it keeps failing',
  'attachment.store_unavailable_upload':
    'The attachment store cannot be reached just now, so the file was not kept; upload it again in a moment, and tell the administrator if it keeps failing',
};
