CREATE TABLE "score_snapshot_items" (
	"snapshot_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_name" text NOT NULL,
	"score" double precision,
	"rank" integer,
	"position" integer NOT NULL,
	"error" jsonb,
	"terms" jsonb NOT NULL,
	"variables" jsonb NOT NULL,
	CONSTRAINT "score_snapshot_items_snapshot_id_unit_id_pk" PRIMARY KEY("snapshot_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "score_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"rule_id" uuid NOT NULL,
	"rule_version" integer NOT NULL,
	"computed_by_id" uuid,
	"computed_by_name" text,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "score_snapshots_month_ck" CHECK ("score_snapshots"."month" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "scoring_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"formula" text NOT NULL,
	"note" text,
	"author_id" uuid,
	"author_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scoring_rules_version_ck" CHECK ("scoring_rules"."version" >= 1),
	CONSTRAINT "scoring_rules_year_ck" CHECK ("scoring_rules"."year" between 2000 and 2100)
);
--> statement-breakpoint
ALTER TABLE "score_snapshot_items" ADD CONSTRAINT "score_snapshot_items_snapshot_id_score_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."score_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_snapshot_items" ADD CONSTRAINT "score_snapshot_items_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_snapshots" ADD CONSTRAINT "score_snapshots_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_snapshots" ADD CONSTRAINT "score_snapshots_rule_id_scoring_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."scoring_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_snapshots" ADD CONSTRAINT "score_snapshots_computed_by_id_users_id_fk" FOREIGN KEY ("computed_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_rules" ADD CONSTRAINT "scoring_rules_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_rules" ADD CONSTRAINT "scoring_rules_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "score_snapshot_items_unit_idx" ON "score_snapshot_items" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "score_snapshots_region_month_uq" ON "score_snapshots" USING btree ("region_code","year","month");--> statement-breakpoint
CREATE UNIQUE INDEX "scoring_rules_region_year_version_uq" ON "scoring_rules" USING btree ("region_code","year","version");