import { draftOf } from './draft';
import type { ProjectDetailRow } from './repository';

/** The fields an audit event of a project records: every editable field, the link lists and the owning district. */
export const auditSnapshot = (row: ProjectDetailRow) => ({
  ...draftOf(row),
  regionCode: row.regionCode,
  codeRegionCode: row.codeRegionCode,
});
