-- Environments and their numbered, immutable revisions, with one audit entry per revision.
-- The same SQL runs on H2 (PostgreSQL mode) and on PostgreSQL.

create table environments (
  name              varchar(64)  primary key,
  current_revision  bigint       not null,
  created_at        timestamp with time zone not null
);

create table revisions (
  environment  varchar(64)  not null references environments (name),
  number       bigint       not null,
  created_at   timestamp with time zone not null,
  created_by   varchar(200) not null,
  primary key (environment, number)
);

-- The whole state of an environment at a revision: what the shell and import map read.
create table revision_deployments (
  environment     varchar(64)  not null,
  number          bigint       not null,
  app             varchar(64)  not null references apps (name),
  version         varchar(256) not null,
  canary_version  varchar(256),
  canary_percent  integer,
  primary key (environment, number, app),
  foreign key (environment, number) references revisions (environment, number),
  foreign key (app, version) references app_versions (app, version)
);

-- Never updated or deleted: the trail of who changed what, when and why.
create table audit_entries (
  environment     varchar(64)   not null,
  revision        bigint        not null,
  at              timestamp with time zone not null,
  actor           varchar(200)  not null,
  action          varchar(32)   not null,
  app             varchar(64),
  from_version    varchar(256),
  to_version      varchar(256),
  canary_version  varchar(256),
  canary_percent  integer,
  message         varchar(2000),
  forced          boolean       not null,
  violations      text,
  primary key (environment, revision),
  foreign key (environment, revision) references revisions (environment, number)
);

-- Every installation starts with an empty production environment at revision 0.
insert into environments (name, current_revision, created_at) values ('production', 0, current_timestamp);
insert into revisions (environment, number, created_at, created_by)
  values ('production', 0, current_timestamp, 'system');
insert into audit_entries (environment, revision, at, actor, action, forced)
  values ('production', 0, current_timestamp, 'system', 'create', false);
