-- The language a staff member or a resident chose to be written to in (PUT /auth/me/language):
-- 'zh' or 'en'; null until they choose, and the messages modules send them are then in both.
alter table staff_user add column language varchar(8);
alter table staff_user add constraint staff_user_language_ck check (language in ('zh', 'en'));
alter table resident_account add column language varchar(8);
alter table resident_account add constraint resident_account_language_ck
    check (language in ('zh', 'en'));
