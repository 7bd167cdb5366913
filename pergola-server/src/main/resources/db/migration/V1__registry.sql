-- Teams, API tokens, apps and their immutable versions. The same SQL runs on H2 (PostgreSQL mode)
-- and on PostgreSQL.

create table teams (
  name        varchar(64)  primary key,
  created_at  timestamp with time zone not null
);

-- A token belongs to a team, or to no team when it is an admin token. Only its SHA-256 is kept.
create table api_tokens (
  id           varchar(36)  primary key,
  token_hash   varchar(64)  not null unique,
  team         varchar(64)  references teams (name),
  admin        boolean      not null,
  label        varchar(200) not null,
  created_at   timestamp with time zone not null,
  revoked_at   timestamp with time zone
);

create table apps (
  name        varchar(64)  primary key,
  team        varchar(64)  not null references teams (name),
  created_at  timestamp with time zone not null
);

-- A version row is written last, in the same transaction as its files: its existence means the
-- whole version is stored.
create table app_versions (
  app             varchar(64)   not null references apps (name),
  version         varchar(256)  not null,
  kind            varchar(32)   not null,
  entry           varchar(1024) not null,
  manifest        text          not null,
  content_digest  varchar(64)   not null,
  file_count      integer       not null,
  total_bytes     bigint        not null,
  published_at    timestamp with time zone not null,
  published_by    varchar(200)  not null,
  primary key (app, version)
);

create table version_files (
  app            varchar(64)   not null,
  version        varchar(256)  not null,
  path           varchar(1024) not null,
  size           bigint        not null,
  sha256         varchar(64)   not null,
  integrity      varchar(100)  not null,
  content_type   varchar(200)  not null,
  gzip_sha256    varchar(64),
  gzip_size      bigint,
  br_sha256      varchar(64),
  br_size        bigint,
  primary key (app, version, path),
  foreign key (app, version) references app_versions (app, version)
);

create index version_files_sha256 on version_files (sha256);
create index version_files_gzip_sha256 on version_files (gzip_sha256);
create index version_files_br_sha256 on version_files (br_sha256);
