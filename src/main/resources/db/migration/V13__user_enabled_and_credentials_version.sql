-- An administrator can disable a user; credentials_version goes up whenever a user's credentials change (a new
-- password, disabling), and a session signed in under an older version is ended on its next request, on every
-- instance sharing the database.
ALTER TABLE app_user ADD COLUMN enabled BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE app_user ADD COLUMN credentials_version INTEGER DEFAULT 0 NOT NULL;
