-- The role templates learn the parking module's permissions (#14): project managers do everything
-- with lots, spaces and bookings; cashiers and customer service lease and reserve spaces at the
-- counter and see them; guards see spaces and bookings (who may park where); auditors read through
-- *.read. Only templates still carrying their code are touched, and a permission an admin granted
-- already stays as it is.
insert into staff_role_permission (role_id, permission)
select r.id, p.permission
from staff_role r
join (values
  ('project_manager', 'parking.*'),
  ('cashier', 'parking.*.read'), ('cashier', 'parking.booking.create'),
  ('customer_service', 'parking.*.read'), ('customer_service', 'parking.booking.create'),
  ('customer_service', 'parking.booking.cancel'),
  ('guard', 'parking.*.read')
) as p (code, permission) on p.code = r.code and r.template
on conflict (role_id, permission) do nothing;
