import type { customFieldsZhCN } from './custom-fields.zh-CN';

/** English for custom-fields.zh-CN.ts, merged into en-US.ts. */
export const customFieldsEnUS: Record<keyof typeof customFieldsZhCN, string> = {
  'resource.custom_field': 'Custom fields',
  'permission.custom_field.manage': 'Manage custom fields',
  'recordType.custom_field': 'Custom field',
  'auditAction.custom_fields.create': 'Define a custom field',
  'auditAction.custom_fields.update': 'Edit a custom field',
  'auditAction.custom_fields.delete': 'Delete a custom field',

  'customField.intro':
    "Add fields (text, number, date, choice) to your district's projects, optionally for one project category only. They appear in the project form, in the project list (optional columns and filters), and in import and export.",
  'customField.create': 'Add field',
  'customField.createTitle': 'New custom field',
  'customField.editTitle': 'Edit custom field: {label}',
  'customField.key': 'Key',
  'customField.keyHint':
    'The name the API, import and export use: a lower-case letter, then lower-case letters, digits or underscores; it cannot change later',
  'customField.keyFormat': 'A key starts with a lower-case letter and has 1–32 lower-case letters, digits or underscores',
  'customField.label': 'Name (Chinese)',
  'customField.labelEn': 'Name (English)',
  'customField.type': 'Type',
  'customField.type.text': 'Text',
  'customField.type.number': 'Number',
  'customField.type.date': 'Date',
  'customField.type.choice': 'Choice',
  'customField.options': 'Options',
  'customField.optionsHint': 'Type an option and press Enter; to reorder, remove and type again',
  'customField.required': 'Required',
  'customField.category': 'Project category',
  'customField.allCategories': 'All categories',
  'customField.sortOrder': 'Order',
  'customField.projectCount': 'Projects with a value',
  'customField.typeLocked': 'Projects hold values for this field, so its type cannot change',
  'customField.deleteConfirm': 'Delete custom field "{label}"?',
  'customField.inUse': '{count} projects hold a value; it cannot be deleted',
  'customField.empty': 'No custom fields defined yet',
  'customField.section': 'Custom fields',
  'customField.noneForCategory': 'Projects of this category have no custom fields',
  'customField.columns': 'Show custom columns',
};
