-- Schema 2: translations, their comments and the glossary. Segment ids are
-- derived from module, block and field ids (see authoring/l10n), so rows
-- need no foreign keys: a translation of a deleted block stays until pruned,
-- and comes back to life if the block is restored from a dump. The
-- translation memory is derived from approved rows, hence the index.
CREATE TABLE translations (
	locale     TEXT NOT NULL,
	segment_id TEXT NOT NULL,
	source     TEXT NOT NULL,
	target     TEXT NOT NULL,
	state      TEXT NOT NULL CHECK (state IN ('untranslated', 'machine', 'edited', 'approved')),
	made_by    TEXT NOT NULL,
	made_at    TEXT NOT NULL,
	PRIMARY KEY (locale, segment_id)
);

CREATE INDEX translations_memory ON translations (locale, source) WHERE state = 'approved';

CREATE TABLE translation_comments (
	locale     TEXT NOT NULL,
	segment_id TEXT NOT NULL,
	position   INTEGER NOT NULL,
	made_by    TEXT NOT NULL,
	made_at    TEXT NOT NULL,
	text       TEXT NOT NULL,
	PRIMARY KEY (locale, segment_id, position)
);

CREATE TABLE glossary (
	term             TEXT PRIMARY KEY,
	translations     TEXT NOT NULL DEFAULT '{}',
	do_not_translate INTEGER NOT NULL DEFAULT 0,
	note             TEXT NOT NULL DEFAULT ''
);
