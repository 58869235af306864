-- The security lists are read a page at a time (keyset pagination): a page continues right after
-- the last row of the one before, in the list's order. Each order gets an index that ends in id,
-- so that a page is a short index range scan however long the list has grown.

-- The access log, newest first: all of it (access_event_at_idx), one controller's, or only the
-- refusals (or only the grants).
drop index access_event_device_idx;
create index access_event_device_idx on access_event (device_id, at desc, id desc);
create index access_event_granted_idx on access_event (granted, at desc, id desc);

-- Alarms, newest raised first: all of them, or those in one state.
create index alarm_raised_idx on alarm (raised_at desc, id desc);
drop index alarm_status_idx;
create index alarm_status_idx on alarm (status, raised_at desc, id desc);

-- Patrol rounds of a window, earliest start first.
create index patrol_round_start_idx on patrol_round (starts_at, id);

-- Each access-log line names the holder of its credential: the newest credential of that kind and
-- value, active or revoked (access_credential_active_uq covers active ones only).
create index access_credential_lookup_idx on access_credential (kind, credential, id desc);
