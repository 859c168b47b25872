-- Schema 3: how each locale's translations should sound (register,
-- readers, notes), sent to the model with every batch. One row per locale
-- that has a style; no row means "follow the source".
CREATE TABLE translation_styles (
	locale    TEXT PRIMARY KEY,
	formality TEXT NOT NULL CHECK (formality IN ('', 'formal', 'informal')),
	audience  TEXT NOT NULL,
	notes     TEXT NOT NULL
);
