CREATE TABLE "commitment_progress" (
	"commitment_id" uuid NOT NULL,
	"month" integer NOT NULL,
	"value" numeric(18, 4) NOT NULL,
	"evidence" text NOT NULL,
	"entered_by" uuid,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commitment_progress_commitment_id_month_pk" PRIMARY KEY("commitment_id","month"),
	CONSTRAINT "commitment_progress_month_ck" CHECK ("commitment_progress"."month" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"target_value" numeric(18, 4) NOT NULL,
	"measure" text NOT NULL,
	"deadline" date NOT NULL,
	"public_wording" text,
	"done" boolean DEFAULT false NOT NULL,
	"done_on" date,
	"matter_id" uuid,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commitments_year_ck" CHECK ("commitments"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "indicator_actuals" (
	"indicator_id" uuid NOT NULL,
	"month" integer NOT NULL,
	"value" numeric(18, 4) NOT NULL,
	"note" text,
	"entered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicator_actuals_indicator_id_month_pk" PRIMARY KEY("indicator_id","month"),
	CONSTRAINT "indicator_actuals_month_ck" CHECK ("indicator_actuals"."month" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "indicator_breakdowns" (
	"indicator_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"target_value" numeric(18, 4) NOT NULL,
	CONSTRAINT "indicator_breakdowns_indicator_id_unit_id_pk" PRIMARY KEY("indicator_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"measure" text NOT NULL,
	"kind" text DEFAULT 'level' NOT NULL,
	"target_value" numeric(18, 4) NOT NULL,
	"qualifier" text DEFAULT 'exact' NOT NULL,
	"direction" text DEFAULT 'at_least' NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"source" text NOT NULL,
	"computation" text,
	"note" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_source_ck" CHECK (("indicators"."source" = 'computed') = ("indicators"."computation" is not null)),
	CONSTRAINT "indicators_year_ck" CHECK ("indicators"."year" between 2000 and 2100)
);
--> statement-breakpoint
ALTER TABLE "commitment_progress" ADD CONSTRAINT "commitment_progress_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitment_progress" ADD CONSTRAINT "commitment_progress_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_actuals" ADD CONSTRAINT "indicator_actuals_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_actuals" ADD CONSTRAINT "indicator_actuals_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_breakdowns" ADD CONSTRAINT "indicator_breakdowns_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_breakdowns" ADD CONSTRAINT "indicator_breakdowns_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitments_region_year_kind_idx" ON "commitments" USING btree ("region_code","year","kind");--> statement-breakpoint
CREATE INDEX "commitments_unit_idx" ON "commitments" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "indicator_breakdowns_unit_idx" ON "indicator_breakdowns" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_region_year_name_uq" ON "indicators" USING btree ("region_code","year","name");--> statement-breakpoint
CREATE INDEX "indicators_owner_unit_idx" ON "indicators" USING btree ("owner_unit_id");