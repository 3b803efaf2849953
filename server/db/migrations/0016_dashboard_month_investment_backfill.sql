-- The dashboard's month figures of the reports approved before the table existed (server/db/schema/dashboard.ts).
insert into "project_month_investment" ("project_id", "year", "month", "completed_yuan")
select "project_id", "year", "month", sum("investment_yuan")
from "progress_reports"
where "status" = 'approved' and "investment_yuan" is not null
group by "project_id", "year", "month"
on conflict do nothing;
