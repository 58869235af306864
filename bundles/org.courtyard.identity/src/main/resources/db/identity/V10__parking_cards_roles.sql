-- The parking module's monthly cards and plate lists (#14): project managers already hold
-- parking.*, and cashiers, customer service and guards parking.*.read. Cashiers and customer
-- service sell and cancel cards at the counter, as they lease spaces. Only templates still carrying
-- their code are touched; a permission an admin granted stays as it is.
insert into staff_role_permission (role_id, permission)
select r.id, p.permission
from staff_role r
join (values
  ('cashier', 'parking.card.manage'),
  ('customer_service', 'parking.card.manage')
) as p (code, permission) on p.code = r.code and r.template
on conflict (role_id, permission) do nothing;
