CREATE TABLE "job_runs" (
	"job" text NOT NULL,
	"period_key" text NOT NULL,
	"instance_id" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"outcome" jsonb,
	CONSTRAINT "job_runs_job_period_key_pk" PRIMARY KEY("job","period_key")
);
