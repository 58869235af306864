-- The categories a new tenant starts with: the usual repairs and complaints of a property company,
-- each with deadlines per priority (minutes: normal, urgent, emergency). Repairs that cannot wait
-- for office hours (water, power, lifts) count round the clock; the others in working hours.
-- Staff change, deactivate or add to them; an order keeps the deadlines it was reported with.
insert into workorder_category (code, name_en, name_zh, kind, dispatch_mode, paid, price_min,
        price_max, return_visit, skill, working_hours,
        response_normal, response_urgent, response_emergency,
        resolution_normal, resolution_urgent, resolution_emergency) values
    ('plumbing', 'Plumbing', '水管维修', 'repair', 'assign', false, null, null, false, 'plumbing',
        false, 60, 30, 15, 1440, 480, 240),
    ('electrical', 'Electrical', '电路维修', 'repair', 'assign', false, null, null, false,
        'electrical', false, 60, 30, 15, 1440, 480, 240),
    ('lift', 'Lift fault', '电梯故障', 'repair', 'assign', false, null, null, false, 'lift',
        false, 30, 15, 10, 480, 240, 120),
    ('door-lock', 'Doors and locks', '门禁门锁', 'repair', 'grab', false, null, null, false,
        'locksmith', true, 120, 60, 30, 1440, 480, 240),
    ('cleaning', 'Cleaning', '保洁', 'repair', 'grab', false, null, null, false, 'cleaning',
        true, 120, 60, 30, 480, 240, 120),
    ('paid-repair', 'Repair inside the home (paid)', '户内有偿维修', 'repair', 'assign', true,
        50.00, 500.00, true, 'general', true, 240, 120, 60, 2880, 1440, 480),
    ('noise', 'Noise', '噪音投诉', 'complaint', 'assign', false, null, null, true, null,
        true, 240, 120, 60, 2880, 1440, 720),
    ('service', 'Service complaint', '服务投诉', 'complaint', 'assign', false, null, null, true,
        null, true, 240, 120, 60, 4320, 2880, 1440),
    ('inquiry', 'Inquiry', '咨询', 'inquiry', 'assign', false, null, null, false, null,
        true, 480, 240, 120, 1440, 960, 480),
    ('praise', 'Praise', '表扬', 'praise', 'assign', false, null, null, false, null,
        true, 1440, 1440, 1440, 4320, 4320, 4320);
