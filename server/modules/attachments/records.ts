import type { AttachmentRecordType } from '../../../common/schemas/attachments';
import type { Executor } from '../../db/client';
import { type Actor, can } from '../../lib/actor';
import { findMatter, matterRoles } from '../matters';
import { canManageProject, findProject } from '../projects';
import { findReport, reportAbilities } from '../reports';

/**
 * What the reader may do with the files of one record, as the record's own module decides it (its scope and policy,
 * through its face; nothing here re-states who sees what):
 * - `add`: attach a file — while the record is editable by him;
 * - `office`: remove anyone's file — the office that reviews the record, while it is open.
 * The uploader removes his own files while he may still add.
 */
export type RecordAccess = { regionCode: string; add: boolean; office: boolean };

/** The reader's access to a record he may see, or null when he may not see it (or it does not exist). */
export async function recordAccess(db: Executor, actor: Actor, type: AttachmentRecordType, id: string): Promise<RecordAccess | null> {
  switch (type) {
    case 'report': {
      if (!can(actor, 'report.read')) return null;
      const report = await findReport(db, actor, id);
      if (!report) return null;
      const abilities = reportAbilities(actor, report);
      // The office: a reviewer who may write to the project, while the period is open (a closed period is frozen).
      const office = report.periodStatus === 'open' && report.manageable && can(actor, 'report.review');
      return { regionCode: report.regionCode, add: abilities.fill || abilities.approve, office };
    }
    case 'matter': {
      if (!can(actor, 'matter.read')) return null;
      const matter = await findMatter(db, actor, id);
      if (!matter) return null;
      const roles = matterRoles(actor, matter);
      const open = matter.status !== 'closed';
      return { regionCode: matter.regionCode, add: open && roles.size > 0, office: open && roles.has('reviewer') };
    }
    case 'project': {
      if (!can(actor, 'project.read')) return null;
      const project = await findProject(db, actor, id);
      if (!project) return null;
      const add = canManageProject(actor, project, 'project.update');
      return { regionCode: project.regionCode, add, office: add && can(actor, 'project.govern') };
    }
  }
}
