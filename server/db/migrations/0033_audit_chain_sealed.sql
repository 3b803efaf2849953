ALTER TABLE "audit_events" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
-- Every event so far was chained in id order when it was written: its place in the chain is its rank in that order
-- (ids have gaps where a transaction rolled back).
UPDATE "audit_events" a SET "chain_seq" = o.n FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM "audit_events") o
  WHERE a.id = o.id;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_chain_seq_idx" ON "audit_events" USING btree ("chain_seq");--> statement-breakpoint
CREATE INDEX "audit_unsealed_idx" ON "audit_events" USING btree ("id") WHERE "audit_events"."chain_seq" is null;
