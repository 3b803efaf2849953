import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ENTERPRISE_KINDS, ENTERPRISE_SIZES, LISTING_STAGES } from '../../../common/enums';
import { timestamps, versioned } from './columns';
import { regions, users } from './organisation';

/** A contact person of an enterprise (name, phone, role), kept as a small JSON array on the enterprise. */
export type EnterpriseContact = { name: string; phone: string | null; role: string | null };

/**
 * An enterprise of a district's register (企业库): one of its own (local) or one it courts (target, 招商). Known by
 * its 统一社会信用代码 (GB 32100), unique within the district; only a target enterprise abroad may have none.
 */
export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The district whose register the enterprise is in. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    name: text('name').notNull(),
    /** The initials of the name's pinyin, for search and sorting (server/lib/pinyin.ts). */
    namePinyin: text('name_pinyin').notNull(),
    /** The name without its legal form, brackets and spaces (common/domain/enterprise-name.ts), to spot duplicates. */
    nameKey: text('name_key').notNull(),
    /** The 统一社会信用代码 in its canonical form (common/domain/uscc.ts); null only for a target enterprise abroad. */
    uscc: text('uscc'),
    kind: text('kind', { enum: ENTERPRISE_KINDS }).notNull(),
    /** Registered outside mainland China (a target enterprise abroad: no USCC, no headquarters region). */
    abroad: boolean('abroad').notNull().default(false),
    /** Codes of the enterprise_tag dictionary (世界500强, 专精特新 …). */
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** How far an enterprise tagged 拟上市 (pre_listing) has gone towards listing. */
    listingStage: text('listing_stage', { enum: LISTING_STAGES }),
    /** 大型, 中型, 小型 or 微型 (statistics bureau's rule); unknown for many target enterprises. */
    size: text('size', { enum: ENTERPRISE_SIZES }),
    /** A code of the industry dictionary (GB/T 4754). */
    industryCode: text('industry_code'),
    /** Where the headquarters is (a GB/T 2260 region of any level). */
    hqRegionCode: text('hq_region_code').references(() => regions.code),
    contacts: jsonb('contacts').$type<EnterpriseContact[]>().notNull().default([]),
    createdBy: uuid('created_by').references(() => users.id),
    ...versioned,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('enterprises_region_uscc_uq').on(t.regionCode, t.uscc).where(sql`${t.uscc} is not null`),
    index('enterprises_region_kind_idx').on(t.regionCode, t.kind),
    index('enterprises_region_name_key_idx').on(t.regionCode, t.nameKey),
    index('enterprises_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
    index('enterprises_pinyin_trgm_idx').using('gin', t.namePinyin.op('gin_trgm_ops')),
    index('enterprises_tags_idx').using('gin', t.tags),
    check('enterprises_uscc_required', sql`${t.uscc} is not null or (${t.kind} = 'target' and ${t.abroad})`),
    check('enterprises_listing_stage_tagged', sql`${t.listingStage} is null or 'pre_listing' = any(${t.tags})`),
  ],
);
