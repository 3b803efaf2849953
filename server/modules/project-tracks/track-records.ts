import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client';
import type { RequestContext } from '../../lib/actor';
import { changedFields, recordAudit } from '../../lib/audit';
import { notFound } from '../../lib/errors';
import { updateAtVersion } from '../../lib/versioned';

/** A table of a project's track records (approval items, funding lines): an id, a version, an `updated_at`. */
type TrackTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/** What tells one kind of track record from another: its table, how it is read back, audited and named. */
type TrackRecordKind<T extends TrackTable, Row> = {
  table: T;
  /** The audit log's names: actions `<plural>.create|update|delete` on records of type `<singular>`. */
  names: { plural: 'approval_items' | 'funding_lines'; singular: 'approval_item' | 'funding_line' };
  find: (tx: Tx, projectId: string, id: string) => Promise<Row | null>;
  auditable: (row: Row) => Record<string, unknown>;
};

type Project = { id: string; regionCode: string };

/**
 * The steps every record of a project's tracks shares once its own rules are checked: read back within its
 * project (404 otherwise), written at the version the user read (409 when stale), and each write audited.
 */
export function trackRecords<T extends TrackTable, Row>(kind: TrackRecordKind<T, Row>) {
  async function reload(tx: Tx, projectId: string, id: string): Promise<Row> {
    const row = await kind.find(tx, projectId, id);
    if (!row) throw notFound();
    return row;
  }
  const entry = (project: Project, verb: 'create' | 'update' | 'delete', id: string) => ({
    action: `${kind.names.plural}.${verb}` as const,
    recordType: kind.names.singular,
    recordId: id,
    regionCode: project.regionCode,
  });

  return {
    reload,
    /** Audits a record just inserted into the project and answers it as stored. */
    async created(tx: Tx, ctx: RequestContext, project: Project, id: string): Promise<Row> {
      const created = await reload(tx, project.id, id);
      await recordAudit(tx, ctx, { ...entry(project, 'create', id), after: kind.auditable(created) });
      return created;
    },
    /** Writes an edit of `current` (as reloaded) at the version read, audits what changed, answers the record as stored. */
    async update(
      tx: Tx,
      ctx: RequestContext,
      edit: { project: Project; id: string; current: Row; version: number; values: PgUpdateSetSource<T> },
    ): Promise<Row> {
      const { project, id, current, version, values } = edit;
      await updateAtVersion(tx, kind.table, { key: kind.table.id, keyValue: id, version }, values);
      const result = await reload(tx, project.id, id);
      await recordAudit(tx, ctx, {
        ...entry(project, 'update', id),
        ...changedFields(kind.auditable(current), kind.auditable(result)),
      });
      return result;
    },
    /** Removes a record recorded by mistake, audited with what it held. */
    async remove(tx: Tx, ctx: RequestContext, project: Project, id: string) {
      const current = await reload(tx, project.id, id);
      await tx.delete(kind.table).where(eq(kind.table.id, id));
      await recordAudit(tx, ctx, { ...entry(project, 'delete', id), before: kind.auditable(current) });
    },
  };
}
