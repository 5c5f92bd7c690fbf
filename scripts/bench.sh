#!/usr/bin/env bash
# Import benchmark: councildb against the sqlite3 shell, run side by side and alternating in one
# run, median of ROUNDS, for both layouts of one archive: a folder of files of 100 documents
# (200 files for 20,000) and the same documents in one file. Two baselines:
#   - bare text (the target's): tags and body loaded from CSV with .import, and an FTS5 index
#     built over the bodies;
#   - the same rows: sqlite3 copying every row councildb wrote into an empty database with the
#     same schema, indexes, full-text settings and journal mode (WAL), in one transaction, with
#     no parsing at all. It is what SQLite itself takes to store what the schema asks for.
# And, for what the target asks: sqlite3 building only the schema's two full-text indexes
# over the clause texts already in its database.
# councildb does everything it does (read, decode, parse, clauses, tags, citations, two
# full-text indexes, documents, raw bytes). Also reports peak RSS for each case, at several
# archive sizes, database size per input MB, and the time of `report --all`.
#
#   scripts/bench.sh                 # 20,000 documents (about 110 MB), 3 rounds
#   DOCS=5000 ROUNDS=5 scripts/bench.sh
#   GROWTH=100000 scripts/bench.sh   # also the time per document at 100,000 against DOCS
#
# Installs what it needs (Debian's sqlite3 and GNU time) when missing. Machines here are
# shared and noisy: read the medians and the ratio, not one run.
set -euo pipefail
cd "$(dirname "$0")/.."

DOCS=${DOCS:-20000}
ROUNDS=${ROUNDS:-3}
RSS_SIZES=${RSS_SIZES:-"5000 40000"}
WORK=${WORK:-${TMPDIR:-/tmp}/councildb-bench}

need() {
    if ! command -v "$1" >/dev/null 2>&1 && [ ! -x "$1" ]; then
        echo "installing $2" >&2
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
    fi
}
need sqlite3 sqlite3
need /usr/bin/time time

cargo build --release --quiet
BIN=$PWD/target/release/councildb
mkdir -p "$WORK"

corpus() { # corpus N -> folder; generated once per size
    local n=$1 dir="$WORK/corpus-$1"
    if [ ! -f "$dir.csv" ]; then
        rm -rf "$dir"
        python3 scripts/gen_corpus.py --docs "$n" --per-file 100 --out "$dir" --csv "$dir.csv" >&2
    fi
    [ -f "$dir.one.txt" ] || cat "$dir"/*.txt >"$dir.one.txt"
    echo "$dir"
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# time_of CMD... -> "seconds peak_kb"
time_of() {
    /usr/bin/time -f "%e %M" -o "$WORK/time.out" "$@" >/dev/null 2>"$WORK/stderr.out" || {
        cat "$WORK/stderr.out" >&2
        return 1
    }
    cat "$WORK/time.out"
}

DIR=$(corpus "$DOCS")
INPUT_MB=$(du -sm --apparent-size "$DIR" | cut -f1)
cat >"$WORK/baseline.sql" <<SQL
CREATE TABLE docs(tags TEXT, body TEXT);
.mode csv
.import $DIR.csv docs
CREATE VIRTUAL TABLE docs_fts USING fts5(body, content='docs');
INSERT INTO docs_fts(rowid, body) SELECT rowid, body FROM docs;
SQL

# The same rows, from the database councildb just wrote. `WHERE true` keeps SQLite from its
# transfer optimization, which would copy the finished b-trees page by page instead of inserting.
same_rows_sql() {
    local src=$1
    echo "PRAGMA page_size = $(sqlite3 "$src" 'PRAGMA page_size');"
    echo "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;"
    sqlite3 "$src" "SELECT sql || ';' FROM sqlite_master WHERE sql IS NOT NULL AND type IN ('table', 'index')
                    AND name NOT LIKE 'clauses_fts_%' AND name NOT LIKE 'clauses_search_%' ORDER BY type = 'index', rowid"
    echo "ATTACH '$src' AS src;"
    echo "BEGIN;"
    echo "INSERT INTO clauses_fts (clauses_fts, rank) SELECT k, v FROM src.clauses_fts_config WHERE k IN ('hashsize', 'automerge', 'crisismerge');"
    echo "INSERT INTO clauses_search (clauses_search, rank) SELECT k, v FROM src.clauses_search_config WHERE k IN ('hashsize', 'automerge', 'crisismerge');"
    sqlite3 "$src" "SELECT 'INSERT INTO main.\"' || name || '\" SELECT * FROM src.\"' || name || '\" WHERE true;'
                    FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'clauses_fts%' AND name NOT LIKE 'clauses_search%'
                    AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
    echo "INSERT INTO clauses_fts (rowid, text) SELECT id, text FROM main.clauses;"
    echo "INSERT INTO clauses_search (rowid, text) SELECT rowid, text FROM src.clauses_search;"
    echo "COMMIT;"
}

# The two full-text indexes alone: the clause texts (plain and folded) copied into a new
# database first, untimed; then, timed, both indexes built over them in one transaction with
# councildb's settings. No importer of this schema can take less than this.
fts_only_sql() {
    local src=$1
    echo "PRAGMA page_size = $(sqlite3 "$src" 'PRAGMA page_size');"
    echo "PRAGMA journal_mode = WAL;"
    echo "ATTACH '$src' AS src;"
    echo "CREATE TABLE clauses (id INTEGER PRIMARY KEY, text TEXT);"
    echo "CREATE TABLE folded (id INTEGER PRIMARY KEY, text TEXT);"
    echo "INSERT INTO clauses SELECT id, text FROM src.clauses;"
    echo "INSERT INTO folded SELECT rowid, text FROM src.clauses_search;"
    echo "DETACH src;"
    sqlite3 "$src" "SELECT sql || ';' FROM sqlite_master WHERE name IN ('clauses_fts', 'clauses_search')"
}
fts_only_build_sql() {
    local src=$1 t
    echo "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;"
    echo "BEGIN;"
    for t in clauses_fts clauses_search; do
        sqlite3 "$src" "SELECT printf('INSERT INTO $t ($t, rank) VALUES (%Q, %s);', k, v) FROM ${t}_config WHERE k <> 'version'"
    done
    echo "INSERT INTO clauses_fts (rowid, text) SELECT id, text FROM clauses;"
    echo "INSERT INTO clauses_search (rowid, text) SELECT id, text FROM folded;"
    echo "COMMIT;"
}

ONE="$DIR.one.txt"
for f in councildb one sqlite3 rows fts; do : >"$WORK/$f.times"; done
: >"$WORK/rss.kb"
: >"$WORK/one-rss.kb"
for round in $(seq "$ROUNDS"); do
    rm -f "$WORK"/c.db*
    read -r secs kb < <(time_of "$BIN" --db "$WORK/c.db" import --quiet "$DIR")
    echo "$secs" >>"$WORK/councildb.times"
    echo "$kb" >>"$WORK/rss.kb"
    rm -f "$WORK"/one.db*
    read -r osecs okb < <(time_of "$BIN" --db "$WORK/one.db" import --quiet "$ONE")
    echo "$osecs" >>"$WORK/one.times"
    echo "$okb" >>"$WORK/one-rss.kb"
    rm -f "$WORK"/base.db
    read -r bsecs _ < <(time_of sqlite3 "$WORK/base.db" <"$WORK/baseline.sql")
    echo "$bsecs" >>"$WORK/sqlite3.times"
    same_rows_sql "$WORK/c.db" >"$WORK/rows.sql"
    rm -f "$WORK"/rows.db*
    read -r rsecs _ < <(time_of sqlite3 "$WORK/rows.db" <"$WORK/rows.sql")
    echo "$rsecs" >>"$WORK/rows.times"
    rm -f "$WORK"/fts.db*
    fts_only_sql "$WORK/c.db" | sqlite3 "$WORK/fts.db" >/dev/null
    fts_only_build_sql "$WORK/c.db" >"$WORK/fts.sql"
    read -r fsecs _ < <(time_of sqlite3 "$WORK/fts.db" <"$WORK/fts.sql")
    echo "$fsecs" >>"$WORK/fts.times"
    rm -f "$WORK"/fts.db*
    echo "round $round: councildb folder ${secs}s, one file ${osecs}s, sqlite3 bare text ${bsecs}s, sqlite3 same rows ${rsecs}s, sqlite3 the two indexes alone ${fsecs}s" >&2
done
C=$(median <"$WORK/councildb.times")
O=$(median <"$WORK/one.times")
B=$(median <"$WORK/sqlite3.times")
S=$(median <"$WORK/rows.times")
F=$(median <"$WORK/fts.times")
RSS=$(median <"$WORK/rss.kb")
ORSS=$(median <"$WORK/one-rss.kb")
DB_MB=$(du -m --apparent-size "$WORK/c.db" | cut -f1)
FILES=$(find "$DIR" -type f | wc -l)

: >"$WORK/report.times"
for round in $(seq "$ROUNDS"); do
    rm -rf "$WORK/reports"
    read -r rsecs _ < <(time_of "$BIN" --db "$WORK/c.db" report --all --out "$WORK/reports")
    echo "$rsecs" >>"$WORK/report.times"
done
R=$(median <"$WORK/report.times")

echo
echo "councildb import benchmark: $DOCS documents, $INPUT_MB MB of input, median of $ROUNDS"
printf '  %-36s %8s s  %5s MB peak RSS\n' "councildb, $FILES files" "$C" "$((RSS / 1024))" \
    "councildb, one file" "$O" "$((ORSS / 1024))"
printf '  %-36s %8s s\n' "sqlite3 .import + FTS5 (baseline)" "$B" "sqlite3 loading the same rows" "$S"
awk -v c="$C" -v o="$O" -v b="$B" 'BEGIN {printf "  %-36s %8.2f (one file: %.2f)\n", "ratio councildb / baseline", c / b, o / b}'
awk -v c="$C" -v s="$S" 'BEGIN {printf "  %-36s %8.2f\n", "ratio councildb / same rows", c / s}'
printf '  %-36s %8s s\n' "sqlite3 the two full-text indexes" "$F"
awk -v f="$F" -v b="$B" 'BEGIN {printf "  %-36s %8.2f (the least any importer of this schema can reach)\n", "ratio two indexes alone / baseline", f / b}'
awk -v d="$DB_MB" -v i="$INPUT_MB" 'BEGIN {printf "  %-36s %8.2f MB per input MB (%d MB)\n", "database size", d / i, d}'
printf '  %-36s %8s s\n' "report --all (every report, html)" "$R"

if [ -n "${GROWTH:-}" ]; then
    big=$(corpus "$GROWTH")
    rm -f "$WORK"/growth.db*
    read -r gsecs gkb < <(time_of "$BIN" --db "$WORK/growth.db" import --quiet "$big")
    rm -f "$WORK"/growth.db*
    echo
    awk -v g="$gsecs" -v n="$GROWTH" -v c="$C" -v d="$DOCS" -v kb="$gkb" 'BEGIN {
        printf "growth: %d documents in %.2f s (%.1f us a document) against %.1f us at %d: %.2fx; %d MB peak RSS\n",
            n, g, 1e6 * g / n, 1e6 * c / d, d, (g / n) / (c / d), kb / 1024 }'
fi

echo
echo "peak RSS as the archive grows:"
for n in $RSS_SIZES; do
    dir=$(corpus "$n")
    rm -f "$WORK"/rss.db*
    read -r secs kb < <(time_of "$BIN" --db "$WORK/rss.db" import --quiet "$dir")
    printf '  %6s documents: %4s MB peak RSS (%ss)\n' "$n" "$((kb / 1024))" "$secs"
done
rm -f "$WORK"/rss.db*

# The extreme shapes of one input: a million tiny documents in one file, and .gz files that
# expand to much more than they hold.
tiny="$WORK/tiny-1000000.txt"
[ -f "$tiny" ] || awk 'BEGIN { for (i = 1; i <= 1000000; i++) printf "%%%%%%T|\n\nThe Council %d.\n\n", i }' >"$tiny"
rm -f "$WORK"/rss.db*
read -r secs kb < <(time_of "$BIN" --db "$WORK/rss.db" import --quiet "$tiny")
printf '  %s: %4s MB peak RSS (%ss)\n' "1,000,000 tiny documents in one file ($(du -m --apparent-size "$tiny" | cut -f1) MB)" "$((kb / 1024))" "$secs"
gzdir="$WORK/gz-$DOCS"
if [ ! -d "$gzdir" ]; then
    mkdir -p "$gzdir"
    for k in 1 2 3 4; do gzip -c "$ONE" >"$gzdir/dump$k.txt.gz"; done
fi
rm -f "$WORK"/rss.db*
read -r secs kb < <(time_of "$BIN" --db "$WORK/rss.db" import --quiet "$gzdir")
printf '  %s: %4s MB peak RSS (%ss)\n' "4 .gz files of $INPUT_MB MB each ($(du -sm "$gzdir" | cut -f1) MB on disk)" "$((kb / 1024))" "$secs"
rm -f "$WORK"/rss.db*
