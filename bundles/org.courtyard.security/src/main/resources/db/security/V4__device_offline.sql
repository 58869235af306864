-- Devices that stop reporting raise an alarm of their own (source 'heartbeat'), resolved when they
-- are heard from again.
alter table alarm drop constraint alarm_kind_ck;
alter table alarm add constraint alarm_kind_ck check (kind in ('door_forced', 'door_held_open',
    'smoke', 'water_leak', 'tamper', 'low_battery', 'sensor_fault', 'device_offline'));
