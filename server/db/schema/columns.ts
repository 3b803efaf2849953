import { bigint, integer, timestamp } from 'drizzle-orm/pg-core';

/** created_at and updated_at, set by the database. */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};
/** The row's version, for optimistic concurrency (server/lib/versioned.ts). */
export const versioned = { version: integer('version').notNull().default(1) };
/** Money in integer 元: exact, and safe as a JSON number below 2^53 (9,007万亿元). */
export const yuan = (name: string) => bigint(name, { mode: 'number' });
