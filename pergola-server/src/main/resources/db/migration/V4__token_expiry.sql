-- A team token may be issued for a number of days; null: until it is revoked.
alter table api_tokens add column expires_at timestamp with time zone;
