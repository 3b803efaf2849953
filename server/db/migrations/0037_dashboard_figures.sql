CREATE TABLE "dashboard_figures" (
	"region_code" text NOT NULL,
	"onward" boolean NOT NULL,
	"year" integer NOT NULL,
	"unit_id" uuid NOT NULL,
	"dim" text NOT NULL,
	"key" text NOT NULL,
	"projects" integer NOT NULL,
	"investment_yuan" bigint NOT NULL,
	"planned_yuan" bigint NOT NULL,
	"planned_months" bigint[] NOT NULL,
	"completed_months" bigint[] NOT NULL,
	"red" integer NOT NULL,
	"yellow" integer NOT NULL,
	"green" integer NOT NULL,
	"live" integer NOT NULL,
	"started" integer NOT NULL,
	CONSTRAINT "dashboard_figures_region_code_onward_year_unit_id_dim_key_pk" PRIMARY KEY("region_code","onward","year","unit_id","dim","key")
);
--> statement-breakpoint
CREATE TABLE "dashboard_project_shares" (
	"project_id" uuid NOT NULL,
	"onward" boolean NOT NULL,
	"year" integer NOT NULL,
	"region_code" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"category" text NOT NULL,
	"industry" text NOT NULL,
	"pool" text NOT NULL,
	"nature" text NOT NULL,
	"projects" integer NOT NULL,
	"investment_yuan" bigint NOT NULL,
	"planned_yuan" bigint NOT NULL,
	"planned_months" bigint[] NOT NULL,
	"completed_months" bigint[] NOT NULL,
	"red" integer NOT NULL,
	"yellow" integer NOT NULL,
	"green" integer NOT NULL,
	"live" integer NOT NULL,
	"started" integer NOT NULL,
	CONSTRAINT "dashboard_project_shares_project_id_onward_year_pk" PRIMARY KEY("project_id","onward","year")
);
--> statement-breakpoint
CREATE INDEX "projects_actual_start_idx" ON "projects" USING btree ("actual_start");