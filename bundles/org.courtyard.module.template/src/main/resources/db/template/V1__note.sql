-- The template module's one table. Runs with search_path = the tenant's schema: no schema names.
-- Forward only: a change is a new V<n>__*.sql file, never an edit of this one once released.
--
-- NoteRules validates every value first and answers 422 with field-level messages; the CHECK
-- constraints repeat those rules, so that a row written by any other path is just as clean.
-- varchar(n) counts characters (code points), as TextRules does.

create table note (
    id          bigserial     primary key,
    title       varchar(100)  not null,
    body        varchar(2000),
    priority    integer       not null,
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now(),
    version     integer       not null default 0,
    constraint note_title_ck check (
        char_length(btrim(title)) > 0 and title !~ '[\u0001-\u001f\u007f-\u009f]'),
    constraint note_body_ck check (body is null or body ~ '[^[:space:]]'),
    constraint note_priority_ck check (priority between 1 and 5)
);
