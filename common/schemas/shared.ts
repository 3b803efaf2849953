import { z } from 'zod';

/** A bounded single-line text field; every string the API accepts goes through a helper like this one. */
export const text = (max: number, min = 1) => z.string().trim().min(min).max(max);
export const optionalText = (max: number) => z.string().trim().max(max);
export const uuid = z.uuid();
export const version = z.number().int().min(1).max(2_147_483_647);

/** The one error shape every non-2xx answer uses. */
export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string().optional(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ApiError = z.infer<typeof errorSchema>;

/** Query parameters every list accepts: page (from 1), pageSize (1–200), sort (`field` or `-field`), q. */
export const listQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  sort: z
    .string()
    .regex(/^-?[a-zA-Z]{1,40}$/, 'format.sort')
    .optional(),
  q: optionalText(100).optional(),
});
export type ListQuery = z.infer<typeof listQuery>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    /** Present (true) when more records match than the list counts exactly: `total` is then a lower bound. */
    totalCapped: z.literal(true).optional(),
    page: z.number().int(),
    pageSize: z.number().int(),
    abilities: z.record(z.string(), z.boolean()).optional(),
  });

export type Page<T> = {
  items: T[];
  total: number;
  totalCapped?: true;
  page: number;
  pageSize: number;
  abilities?: Record<string, boolean>;
};

/** Which actions the current user may take on a returned record; the page hides what is false. */
export const abilities = z.record(z.string(), z.boolean());

export const okSchema = z.object({ ok: z.literal(true) });
export const idParam = z.strictObject({ id: uuid });
