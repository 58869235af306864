-- Residents sign in with their phone number or e-mail address and a one-time code (#11): the
-- identity module finds them by either, through ResidentContacts. Family members may share both.
create index residents_person_phone_idx on residents_person (phone);
create index residents_person_email_idx on residents_person (lower(email)) where email is not null;
