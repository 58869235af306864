-- Revoking a credential says who did it and, optionally, why (门禁凭证注销原因). Rows revoked
-- before this keep no actor and no reason.
alter table access_credential add column revoked_by varchar(100);
alter table access_credential add column revoke_reason varchar(200);
-- The credentials list is filtered by a door or controller a credential opens.
create index access_credential_doors_idx on access_credential using gin (doors);

-- Patrol routes are edited at the version read, and retired instead of deleted once rounds were
-- walked on them: a retired route keeps its rounds and check-ins but gets no new rounds.
alter table patrol_route add column version integer not null default 0;
alter table patrol_route add column updated_at timestamptz;
alter table patrol_route add column retired_at timestamptz;

-- A round keeps the checkpoints its route had when it was scheduled, so that editing the route
-- rewrites neither the rounds already walked nor what they missed.
alter table patrol_round add column checkpoints text[];
update patrol_round r set checkpoints = p.checkpoints from patrol_route p where p.id = r.route_id;
alter table patrol_round alter column checkpoints set not null;
alter table patrol_round add constraint patrol_round_checkpoints_ck
    check (cardinality(checkpoints) between 1 and 200);
