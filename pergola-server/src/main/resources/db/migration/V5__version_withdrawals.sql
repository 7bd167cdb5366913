-- A version its team took back: still served (pages that name it keep working), never deployed
-- anew unless an admin forces it. Deleting the row takes the withdrawal back.
create table version_withdrawals (
  app           varchar(64)   not null,
  version       varchar(256)  not null,
  withdrawn_at  timestamp with time zone not null,
  withdrawn_by  varchar(200)  not null,
  reason        varchar(2000) not null,
  primary key (app, version),
  foreign key (app, version) references app_versions (app, version)
);
