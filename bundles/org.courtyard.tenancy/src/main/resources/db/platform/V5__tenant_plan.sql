-- The modules a tenant's plan lets it enable itself (套餐); null lets it enable every module, which
-- is what tenants onboarded before plans existed keep.
alter table tenant add column plan varchar(64)[];
