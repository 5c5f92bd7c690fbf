-- V10: the bytes of a big file in pieces. A file is read as a stream and cut at header lines
-- into pieces (about 1 MiB), parsed in parallel; each piece's bytes are stored as they are
-- written, so a file of any size is kept in bounded memory. Such a file has an empty
-- `files.zstd` and its bytes here, in `seq` order; a file read whole keeps its bytes in
-- `files.zstd` as before. While a file's pieces are being written its `files.sha256` reads
-- 'partial …'; an import killed in the middle leaves such a row, which the next import removes.
CREATE TABLE file_chunks (
    id      INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL REFERENCES files(id),
    seq     INTEGER NOT NULL,                  -- 0-based place in the file
    zstd    BLOB NOT NULL,                     -- the piece's bytes, zstd-compressed
    UNIQUE (file_id, seq)
);
