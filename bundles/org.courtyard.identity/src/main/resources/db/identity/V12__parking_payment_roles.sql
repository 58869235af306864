-- Temporary parking paid at the exit or ahead (#14): guards in the booth and cashiers take the
-- money; cashiers and customer service record merchants' coupons; project managers hold parking.* already. Only templates still carrying their code are
-- touched; a permission an admin granted stays as it is.
insert into staff_role_permission (role_id, permission)
select r.id, p.permission
from staff_role r
join (values
  ('guard', 'parking.payment.collect'),
  ('cashier', 'parking.payment.collect'),
  ('cashier', 'parking.coupon.grant'),
  ('customer_service', 'parking.coupon.grant')
) as p (code, permission) on p.code = r.code and r.template
on conflict (role_id, permission) do nothing;
