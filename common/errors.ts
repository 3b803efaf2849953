/**
 * The codes of the API's one error shape (`{ error: { code, message, requestId, details } }`): stable words a caller
 * may match on, while the message is for people and in their language. The server raises only these (AppError is
 * typed against them) and the page compares against them, so renaming a code is a compile error on both sides.
 */
export const ERROR_CODES = [
  // Any request.
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'session_expired',
  'csrf_failed',
  'forbidden',
  'not_found',
  'route_not_found',
  'version_conflict',
  'conflict',
  'payload_too_large',
  'rate_limited',
  // Every database connection stayed busy too long (503 with Retry-After); nothing was written.
  'busy',
  'internal',
  // Signing in and the second factor.
  'invalid_credentials',
  'account_locked',
  'account_disabled',
  'password_change_required',
  'invalid_challenge',
  'invalid_second_factor',
  'totp_enrolment_required',
  'totp_required_by_role',
  'totp_already_enabled',
  'totp_unreadable',
  // Business rules (422 and 409).
  'gate_refused',
  'pool_not_eligible',
  'plan_cycle',
  // A plan template's milestones refused (a type bound twice, an unknown type …), each field named.
  'plan_template_invalid',
  'no_district',
  'custom_values_invalid',
  'too_many_fields',
  'custom_field_in_use',
  // A governed project field changed without project.govern (403, each field named).
  'field_locked',
  // A header date the project's plan decides (开工/竣工 milestone) written elsewhere (422, each field named).
  'field_from_plan',
  // Reporting periods and progress reports.
  'period_closed',
  'period_not_closed',
  'period_has_pending_reports',
  'report_wrong_state',
  'large_amount_unconfirmed',
  // Matters (the closed loop).
  'matter_wrong_state',
  'matter_not_your_step',
  // The enterprise register.
  'enterprise_duplicate_uscc',
  // 亩均效益 figures for an enterprise that is not local or not industrial (422).
  'enterprise_not_local',
  'enterprise_not_industrial',
  // The city opportunity list: a step out of order (submit a published item, publish a draft …).
  'opportunity_wrong_state',
  // Leads (招商线索): a stage move out of order.
  'lead_wrong_stage',
  // Industry chains and carriers (parks, buildings, parcels).
  'chain_duplicate_name',
  'chain_node_duplicate',
  'chain_placement_duplicate',
  'parcel_already_supplied',
  'parcel_wrong_status',
  // Spreadsheet uploads and import jobs.
  'not_xlsx',
  'file_too_large',
  'too_many_rows',
  'too_many_columns',
  'too_many_cells',
  'zip_bomb',
  'import_not_ready',
  'import_unmapped_columns',
  'import_not_mappable',
  'import_not_invalid',
  'import_stale',
  // Scoring formulas (422 with the line and column).
  'formula_invalid',
  // Scores and rankings: no rule for the year; a past month's ranking already taken (it never changes).
  'scoring_rule_missing',
  'score_snapshot_exists',
  // A month's ranking asked for as .xlsx before it was taken (404).
  'score_snapshot_missing',
  // A rule's ranking groups refused (a unit in two groups, not of the district, an empty group, a duplicate name): 422.
  'ranking_groups_invalid',
  // Attachments: a record at its limit of files (409); a file row whose file is gone from the data folder (410).
  'too_many_attachments',
  'attachment_file_gone',
  // The attachments' S3-compatible store could not be reached or refused the request (503): nothing was kept.
  'attachment_store_unavailable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const isErrorCode = (value: unknown): value is ErrorCode => (ERROR_CODES as readonly unknown[]).includes(value);
