-- Stacklet project file, schema 1. One row of settings; modules and blocks
-- keep dense positions; block content is the block's JSON so that new block
-- kinds need no migration.
CREATE TABLE settings (
	id            INTEGER PRIMARY KEY CHECK (id = 1),
	title         TEXT NOT NULL,
	source_locale TEXT NOT NULL,
	theme         TEXT NOT NULL,
	credentials   TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE target_locales (
	locale   TEXT PRIMARY KEY,
	position INTEGER NOT NULL
);

CREATE TABLE media (
	hash TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	type TEXT NOT NULL,
	size INTEGER NOT NULL,
	data BLOB NOT NULL
);

CREATE TABLE modules (
	id             TEXT PRIMARY KEY,
	position       INTEGER NOT NULL,
	title          TEXT NOT NULL,
	description    TEXT NOT NULL,
	minutes        INTEGER NOT NULL,
	outcomes       TEXT NOT NULL,
	keywords       TEXT NOT NULL,
	completion     TEXT NOT NULL,
	mastery_score  INTEGER NOT NULL,
	attempts       INTEGER NOT NULL,
	reveal_answers INTEGER NOT NULL
);

CREATE TABLE blocks (
	module_id TEXT NOT NULL REFERENCES modules (id) ON DELETE CASCADE ON UPDATE CASCADE,
	id        TEXT NOT NULL,
	position  INTEGER NOT NULL,
	kind      TEXT NOT NULL,
	content   TEXT NOT NULL,
	PRIMARY KEY (module_id, id)
);

CREATE INDEX blocks_order ON blocks (module_id, position);
