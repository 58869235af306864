-- When security recorded an alarm (the database's clock, not the device's raised_at): other modules
-- follow alarms by id (AlarmFeed), and take an id only once it is a few seconds old, so that an
-- alarm whose transaction committed after a later id's is still seen. Rows from before have none
-- and count as old.
alter table alarm add column recorded_at timestamptz;
alter table alarm alter column recorded_at set default clock_timestamp();
