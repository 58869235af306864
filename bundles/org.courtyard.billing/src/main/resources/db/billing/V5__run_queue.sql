-- Billing runs wait in a queue shared by all tenants (at most one run per tenant and a configured
-- number across tenants execute at once), so a run is 'queued' from its POST until it starts.
-- started_at is when it started to execute (null for a run that never did); posted_at when it
-- was asked for.
alter table billing_run drop constraint billing_run_status_ck;
alter table billing_run add constraint billing_run_status_ck
    check (status in ('queued', 'running', 'completed', 'failed'));
alter table billing_run add column posted_at timestamptz;
update billing_run set posted_at = started_at;
alter table billing_run alter column posted_at set not null;
alter table billing_run alter column posted_at set default now();
alter table billing_run alter column started_at drop not null;
alter table billing_run alter column started_at drop default;
alter table billing_run add constraint billing_run_queued_ck
    check (status <> 'queued' or started_at is null);

-- At most one run per period waiting or executing: a second POST for the period, on this node or
-- another, loses the race here and is answered 409 run-in-progress.
drop index billing_run_running_uq;
create unique index billing_run_active_uq on billing_run (period)
    where status in ('queued', 'running');

