-- Photos and files of work orders (#13): up to 9 on the order itself and 9 on each step of its
-- timeline, 10 MiB each, stored with the tenant's data so that they are backed up, moved and
-- dropped with it. Runs with search_path = the tenant's schema, so nothing here is
-- schema-qualified. Forward only.
--
-- The limit of 9 holds under concurrency twice over: an upload locks its order row (FOR UPDATE)
-- before it picks a free slot (Attachments), and each file takes one of the slots 1 to 9 of its
-- order or step, unique, so that a row written by any other path cannot be the tenth either.

-- A step's files must be of the step's own order: the composite foreign key below needs this key.
alter table workorder_event add constraint workorder_event_id_order_uq unique (id, order_id);

create table workorder_attachment (
    id                bigserial     primary key,
    order_id          bigint        not null references workorder (id),
    -- a photo of one step (the technician's work, the resident's reopening), or of the order
    -- itself when null
    event_id          bigint,
    -- 1 to 9 within the order (event_id null) or within the step
    slot              smallint      not null,
    file_name         varchar(255)  not null,
    -- sniffed from the bytes, never the type the client declared (FileType)
    content_type      varchar(32)   not null,
    size_bytes        integer       not null,
    -- hex SHA-256 of the bytes: the ETag
    sha256            char(64)      not null,
    bytes             bytea         not null,
    -- images that ImageIO decodes: the longest side 320 px, JPEG (PNG when transparent)
    thumbnail         bytea,
    thumbnail_type    varchar(16),
    -- images: as their header says
    width             integer,
    height            integer,
    -- a staff user (or -1 for the company's token or an API key), or a resident person
    uploaded_by_kind  varchar(16)   not null,
    uploaded_by_id    bigint        not null,
    uploaded_at       timestamptz   not null,
    constraint workorder_attachment_event_fk foreign key (event_id, order_id)
        references workorder_event (id, order_id),
    constraint workorder_attachment_slot_ck check (slot between 1 and 9),
    constraint workorder_attachment_name_ck check (
        char_length(btrim(file_name)) > 0 and file_name !~ '[/\\[:cntrl:]]'),
    constraint workorder_attachment_type_ck check (content_type in ('image/jpeg', 'image/png',
        'image/gif', 'image/webp', 'application/pdf', 'video/mp4')),
    constraint workorder_attachment_size_ck check (
        size_bytes between 1 and 10485760 and octet_length(bytes) = size_bytes),
    constraint workorder_attachment_sha_ck check (sha256 ~ '^[0-9a-f]{64}$'),
    constraint workorder_attachment_thumbnail_ck check (
        (thumbnail is null) = (thumbnail_type is null)
        and (thumbnail_type is null or thumbnail_type in ('image/jpeg', 'image/png'))
        and (thumbnail is null or (content_type like 'image/%' and width is not null))),
    constraint workorder_attachment_size_px_ck check (
        (width is null) = (height is null) and (width is null or (width > 0 and height > 0))),
    constraint workorder_attachment_by_ck check (uploaded_by_kind in ('staff', 'resident'))
);
-- photos, videos and PDFs are compressed already: stored out of line without another try
alter table workorder_attachment alter column bytes set storage external;
alter table workorder_attachment alter column thumbnail set storage external;
-- one file per slot of the order, and of each step
create unique index workorder_attachment_order_slot_uq
    on workorder_attachment (order_id, slot) where event_id is null;
create unique index workorder_attachment_event_slot_uq
    on workorder_attachment (event_id, slot) where event_id is not null;
create index workorder_attachment_order_idx on workorder_attachment (order_id, id);
