-- Runs once when the compose stack's PostgreSQL volume is created: the application role.
-- NOINHERIT: it may SET ROLE carrel_platform (granted by the services at start) but never holds
-- that role's cross-tenant policies implicitly.
create role carrel_app login noinherit password 'carrel_app';
