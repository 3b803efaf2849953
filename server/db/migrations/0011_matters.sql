CREATE TABLE "matter_co_units" (
	"matter_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "matter_co_units_matter_id_unit_id_pk" PRIMARY KEY("matter_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "matter_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"matter_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"author_id" uuid,
	"unit_id" uuid,
	"text" text,
	"status" text NOT NULL,
	"escalation_level" text,
	"escalation_target" jsonb,
	"attachment_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"seq" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"source" text NOT NULL,
	"project_id" uuid,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"category" text NOT NULL,
	"priority" text DEFAULT 'normal' NOT NULL,
	"lead_unit_id" uuid NOT NULL,
	"raising_unit_id" uuid NOT NULL,
	"raised_by" uuid NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'assigned' NOT NULL,
	"escalation_level" text DEFAULT 'none' NOT NULL,
	"escalated_at" timestamp with time zone,
	"escalation_target" jsonb,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "matter_co_units" ADD CONSTRAINT "matter_co_units_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_co_units" ADD CONSTRAINT "matter_co_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_entries" ADD CONSTRAINT "matter_entries_matter_id_matters_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_entries" ADD CONSTRAINT "matter_entries_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matter_entries" ADD CONSTRAINT "matter_entries_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_lead_unit_id_units_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_raising_unit_id_units_id_fk" FOREIGN KEY ("raising_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "matter_co_units_unit_idx" ON "matter_co_units" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "matter_entries_matter_idx" ON "matter_entries" USING btree ("matter_id","seq");--> statement-breakpoint
CREATE INDEX "matters_region_status_idx" ON "matters" USING btree ("region_code","status","deadline");--> statement-breakpoint
CREATE INDEX "matters_project_idx" ON "matters" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "matters_lead_unit_idx" ON "matters" USING btree ("lead_unit_id");--> statement-breakpoint
CREATE INDEX "matters_raising_unit_idx" ON "matters" USING btree ("raising_unit_id");