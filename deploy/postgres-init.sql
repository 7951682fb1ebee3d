-- Runs once when the compose stack's PostgreSQL volume is created: the application role.
create role carrel_app login password 'carrel_app';
