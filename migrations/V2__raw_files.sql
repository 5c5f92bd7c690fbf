-- V2: the bytes of every imported file, zstd-compressed and stored once per content, so that
-- `councildb export` gives every file back byte for byte and `councildb reparse` can re-derive
-- everything with a newer parser.

CREATE TABLE files (
    id     INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,               -- of the file's bytes as they came in
    size   INTEGER NOT NULL,                   -- bytes before compression
    zstd   BLOB NOT NULL                       -- the bytes, zstd-compressed
);

-- Every path under which a file's bytes were imported.
CREATE TABLE file_paths (
    file_id   INTEGER NOT NULL REFERENCES files(id),
    path      TEXT NOT NULL,                   -- as in sources.path
    archive   TEXT,                            -- the archive it came from, if any
    import_id INTEGER NOT NULL REFERENCES imports(id), -- the import that first saw it there
    PRIMARY KEY (file_id, path)
) WITHOUT ROWID;
CREATE INDEX file_paths_path ON file_paths(path);
CREATE INDEX file_paths_import ON file_paths(import_id);
