#!/usr/bin/env bash
# Import benchmark: councildb against the sqlite3 shell, run side by side and alternating in one
# run, median of ROUNDS. Two baselines:
#   - bare text (the target's): tags and body loaded from CSV with .import, and an FTS5 index
#     built over the bodies;
#   - the same rows: sqlite3 copying every row councildb wrote into an empty database with the
#     same schema, indexes, full-text settings and journal mode (WAL), in one transaction, with
#     no parsing at all. It is what SQLite itself takes to store what the schema asks for.
# councildb does everything it does (read, decode, parse, clauses, tags, citations, full text,
# raw bytes). Also reports peak RSS at several archive sizes, database size per input MB, and
# the time of `report --all`.
#
#   scripts/bench.sh                 # 20,000 documents (about 110 MB), 3 rounds
#   DOCS=5000 ROUNDS=5 scripts/bench.sh
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
        python3 scripts/gen_corpus.py --docs "$n" --per-file 50 --out "$dir" --csv "$dir.csv" >&2
    fi
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
                    AND name NOT LIKE 'clauses_fts_%' ORDER BY type = 'index', rowid"
    echo "ATTACH '$src' AS src;"
    echo "BEGIN;"
    echo "INSERT INTO clauses_fts (clauses_fts, rank) SELECT k, v FROM src.clauses_fts_config WHERE k IN ('hashsize', 'automerge');"
    sqlite3 "$src" "SELECT 'INSERT INTO main.\"' || name || '\" SELECT * FROM src.\"' || name || '\" WHERE true;'
                    FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'clauses_fts%' AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
    echo "INSERT INTO clauses_fts (rowid, text) SELECT id, text FROM main.clauses;"
    echo "COMMIT;"
}

: >"$WORK/councildb.times"
: >"$WORK/sqlite3.times"
: >"$WORK/rows.times"
: >"$WORK/rss.kb"
for round in $(seq "$ROUNDS"); do
    rm -f "$WORK"/c.db*
    read -r secs kb < <(time_of "$BIN" --db "$WORK/c.db" import --quiet "$DIR")
    echo "$secs" >>"$WORK/councildb.times"
    echo "$kb" >>"$WORK/rss.kb"
    rm -f "$WORK"/base.db
    read -r bsecs _ < <(time_of sqlite3 "$WORK/base.db" <"$WORK/baseline.sql")
    echo "$bsecs" >>"$WORK/sqlite3.times"
    same_rows_sql "$WORK/c.db" >"$WORK/rows.sql"
    rm -f "$WORK"/rows.db*
    read -r rsecs _ < <(time_of sqlite3 "$WORK/rows.db" <"$WORK/rows.sql")
    echo "$rsecs" >>"$WORK/rows.times"
    echo "round $round: councildb ${secs}s, sqlite3 bare text ${bsecs}s, sqlite3 same rows ${rsecs}s" >&2
done
C=$(median <"$WORK/councildb.times")
B=$(median <"$WORK/sqlite3.times")
S=$(median <"$WORK/rows.times")
RSS=$(median <"$WORK/rss.kb")
DB_MB=$(du -m --apparent-size "$WORK/c.db" | cut -f1)

: >"$WORK/report.times"
for round in $(seq "$ROUNDS"); do
    rm -rf "$WORK/reports"
    read -r rsecs _ < <(time_of "$BIN" --db "$WORK/c.db" report --all --out "$WORK/reports")
    echo "$rsecs" >>"$WORK/report.times"
done
R=$(median <"$WORK/report.times")

echo
echo "councildb import benchmark: $DOCS documents, $INPUT_MB MB of input, median of $ROUNDS"
printf '  %-34s %8s s\n' "councildb import" "$C" "sqlite3 .import + FTS5 (baseline)" "$B" \
    "sqlite3 loading the same rows" "$S"
awk -v c="$C" -v b="$B" 'BEGIN {printf "  %-34s %8.2f\n", "ratio councildb / baseline", c / b}'
awk -v c="$C" -v s="$S" 'BEGIN {printf "  %-34s %8.2f\n", "ratio councildb / same rows", c / s}'
printf '  %-34s %8s MB\n' "peak RSS of the import" "$((RSS / 1024))"
awk -v d="$DB_MB" -v i="$INPUT_MB" 'BEGIN {printf "  %-34s %8.2f MB per input MB (%d MB)\n", "database size", d / i, d}'
printf '  %-34s %8s s\n' "report --all (every report, html)" "$R"

echo
echo "peak RSS as the archive grows:"
for n in $RSS_SIZES; do
    dir=$(corpus "$n")
    rm -f "$WORK"/rss.db*
    read -r secs kb < <(time_of "$BIN" --db "$WORK/rss.db" import --quiet "$dir")
    printf '  %6s documents: %4s MB peak RSS (%ss)\n' "$n" "$((kb / 1024))" "$secs"
done
rm -f "$WORK"/rss.db*
