-- The parking module's gates (#14): guards in the booth (岗亭) decide the reads the gate leaves to a
-- person and open the barrier; they already see passages through parking.*.read. Project managers
-- hold parking.* already. Only templates still carrying their code are touched; a permission an
-- admin granted stays as it is.
insert into staff_role_permission (role_id, permission)
select r.id, p.permission
from staff_role r
join (values
  ('guard', 'parking.gate.operate')
) as p (code, permission) on p.code = r.code and r.template
on conflict (role_id, permission) do nothing;
