CREATE TABLE "project_warnings" (
	"project_id" uuid PRIMARY KEY NOT NULL,
	"colour" text NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"as_of" date NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warning_settings" (
	"region_code" text PRIMARY KEY NOT NULL,
	"thresholds" jsonb NOT NULL,
	"updated_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warning_snapshots" (
	"project_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"colour" text NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "warning_snapshots_project_id_year_month_pk" PRIMARY KEY("project_id","year","month")
);
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "warning_level" smallint;--> statement-breakpoint
ALTER TABLE "project_warnings" ADD CONSTRAINT "project_warnings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_settings" ADD CONSTRAINT "warning_settings_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_snapshots" ADD CONSTRAINT "warning_snapshots_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "warning_snapshots_month_idx" ON "warning_snapshots" USING btree ("year","month");--> statement-breakpoint
CREATE INDEX "projects_region_warning_idx" ON "projects" USING btree ("region_code","warning_level");