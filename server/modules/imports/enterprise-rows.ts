import type { z } from 'zod';
import { enterpriseCreateBody, enterpriseUpdateBody } from '../../../common/schemas/enterprises';
import type { Tx } from '../../db/client';
import type { RequestContext } from '../../lib/actor';
import type { SheetRow } from '../../lib/spreadsheets/sheet-reader';
import { checkEnterpriseDraft, createEnterprise, enterprisesByUscc, readUscc, updateEnterprise } from '../enterprises';
import type { CheckSetting } from './kinds';
import { type StoredProblem, problemsOf, zodProblem } from './problems';
import type { RowCheck } from './project-rows';
import { readSettingRows } from './read-rows';

/** One row of an enterprise sheet, checked: an enterprise to add, or the district's enterprise with its USCC to update. */
export type EnterpriseOperation = {
  kind: 'create' | 'update';
  row: number;
  enterpriseId: string | null;
  input: Record<string, unknown>;
  basis?: string;
};

/** A row's cells as a request body: the contact columns gathered into `contacts` (left as they are when empty on an update). */
function bodyOf(input: Record<string, unknown>, updating: boolean) {
  const { contactName, contactPhone, contactRole, ...fields } = input;
  const contact = contactName ? [{ name: contactName, phone: contactPhone ?? null, role: contactRole ?? null }] : [];
  const body: Record<string, unknown> = { ...fields };
  if (contact.length || !updating) body.contacts = contact;
  if (body.abroad === undefined && !updating) body.abroad = false;
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body;
}

/**
 * Checks every row of an enterprise sheet: its USCC (GB 32100: the problem names the character at fault), tags,
 * listing stage, industry and headquarters as the register checks them when typed in; a USCC twice in the file is a
 * problem of the second row; a USCC the district's register has is an update of that enterprise, else a new one.
 */
export async function checkEnterpriseRows(setting: CheckSetting, rows: AsyncIterable<SheetRow>): Promise<RowCheck<EnterpriseOperation>> {
  const { db, district } = setting;
  const existing = await enterprisesByUscc(db, district.code);
  const problems: StoredProblem[] = [];
  const operations: EnterpriseOperation[] = [];
  const claimed = new Map<string, number>();

  await readSettingRows(
    setting,
    rows,
    (problem) => problems.push(problem),
    async ({ row, input, failed, columnOf }) => {
      if (failed.size) return;
      // The code in canonical form first, so a typed variant (spaces, lower case) matches the register's.
      let uscc: string | null = null;
      const typed = typeof input.uscc === 'string' ? input.uscc.trim() : '';
      if (typed) {
        const found = await problemsOf(row, columnOf, async () => {
          uscc = await readUscc(db, typed);
        });
        if (found.length) return problems.push(...found);
      }
      const current = uscc ? existing.get(uscc) : undefined;
      if (uscc) {
        const first = claimed.get(uscc);
        if (first)
          return problems.push({
            row,
            column: columnOf('uscc'),
            field: 'uscc',
            code: 'import.same_enterprise_twice',
            params: { row: first },
          });
        claimed.set(uscc, row);
      }
      const body = bodyOf({ ...input, uscc }, Boolean(current));
      const parsed = current ? enterpriseUpdateBody.safeParse({ ...body, version: current.version }) : enterpriseCreateBody.safeParse(body);
      if (!parsed.success) return problems.push(...parsed.error.issues.map((i) => zodProblem(row, columnOf, i)));
      const data = parsed.data as Record<string, unknown>;
      const found = await problemsOf(row, columnOf, () =>
        checkEnterpriseDraft(db as Tx, {
          name: String(data.name ?? ''),
          uscc,
          kind: (data.kind ?? 'local') as 'local',
          abroad: Boolean(data.abroad),
          tags: (data.tags as string[] | undefined) ?? [],
          listingStage: (data.listingStage ?? null) as null,
          // The sheet has no 企业规模 column yet: an update keeps the size the register holds.
          size: (data.size ?? null) as null,
          industryCode: (data.industryCode ?? null) as string | null,
          hqRegionCode: (data.hqRegionCode ?? null) as string | null,
          contacts: (data.contacts as []) ?? [],
        }),
      );
      if (found.length) return problems.push(...found);
      return operations.push({
        kind: current ? 'update' : 'create',
        row,
        enterpriseId: current?.id ?? null,
        input: data,
        ...(current ? { basis: `${current.id}:${current.version}` } : {}),
      });
    },
  );
  return { problems, operations };
}

/** Writes checked enterprise rows through the register's own services (each audited), in the commit's transaction. */
export async function writeEnterpriseOperations(tx: Tx, ctx: RequestContext, operations: EnterpriseOperation[]) {
  for (const o of operations) {
    if (o.enterpriseId) await updateEnterprise({ ctx, tx, id: o.enterpriseId, input: o.input as z.infer<typeof enterpriseUpdateBody> });
    else await createEnterprise({ ctx, tx, input: o.input as z.infer<typeof enterpriseCreateBody> });
  }
  const create = operations.filter((o) => o.kind === 'create').length;
  return { create, update: operations.length - create };
}
