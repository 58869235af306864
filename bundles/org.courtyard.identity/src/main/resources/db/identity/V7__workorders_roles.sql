-- The role templates learn the work-order module's permissions (#13): customer service records,
-- dispatches and confirms orders, technicians work them, guards report what they find on their
-- rounds, project managers do everything with them; customer service also reads the reports (and
-- auditors, through *.read). Only templates still carrying their code are touched, and a
-- permission an admin granted already stays as it is.
insert into staff_role_permission (role_id, permission)
select r.id, p.permission
from staff_role r
join (values
  ('project_manager', 'workorders.*'),
  ('customer_service', 'workorders.order.read'), ('customer_service', 'workorders.order.create'),
  ('customer_service', 'workorders.order.dispatch'), ('customer_service', 'workorders.order.close'),
  ('technician', 'workorders.order.read'), ('technician', 'workorders.order.work'),
  ('guard', 'workorders.order.read'), ('guard', 'workorders.order.create'),
  ('customer_service', 'workorders.attachment.upload'), ('technician', 'workorders.attachment.upload'),
  ('guard', 'workorders.attachment.upload'),
  -- reports: project managers through workorders.*, auditors through *.read
  ('customer_service', 'workorders.report.read')
) as p (code, permission) on p.code = r.code and r.template
on conflict (role_id, permission) do nothing;
