//! Rows handed to SQLite in one statement per table. An INSERT run once per row costs more than
//! the row itself: each run opens a cursor on the table and on every index, binds its values
//! and resets. Here the rows stay in Rust and SQLite reads them through a virtual table,
//! `councildb_rows(?)`, in a single `INSERT … SELECT`, the way it copies one table into another
//! (docs/performance.md has the figures).
//!
//! The virtual table has eight columns, `c0` to `c7`, and a hidden `source` column that takes a
//! `RowSource` bound as a parameter: `SELECT c0, c1 FROM councildb_rows(?1)`. It exists only on
//! connections that `register` it, and only for the length of a statement.

// A virtual table: rusqlite's VTab traits and reading a bound pointer are unsafe.
#![allow(unsafe_code)]

use std::ffi::{c_int, c_void, CStr};
use std::marker::PhantomData;
use std::rc::Rc;

use rusqlite::types::{ToSql, ToSqlOutput, Value};
use rusqlite::vtab::{
    eponymous_only_module, Context, Filters, IndexConstraintOp, IndexInfo, VTab, VTabConnection,
    VTabCursor,
};
use rusqlite::{ffi, Connection};

/// Columns `c0`..`c7` a row source may fill.
pub const COLUMNS: usize = 8;

const MODULE: &CStr = c"councildb_rows";
/// Tags the pointer bound to `source`, so that no other pointer is taken for a row source.
const POINTER_TYPE: &CStr = c"councildb_row_source";

/// Rows, read by index; a column a source does not fill reads as NULL.
pub trait Rows: 'static {
    fn len(&self) -> usize;
    /// Sets the value of column `col` (below `COLUMNS`) of row `row` (below `len`).
    fn column(&self, row: usize, col: usize, ctx: &mut Context) -> rusqlite::Result<()>;
}

/// A parameter for `councildb_rows(?)`.
pub struct RowSource(Rc<Box<dyn Rows>>);

impl RowSource {
    pub fn new(rows: impl Rows) -> RowSource {
        RowSource(Rc::new(Box::new(rows)))
    }
}

impl ToSql for RowSource {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        // Not `ToSqlOutput::from_rc`: in rusqlite 0.39 its destructor rebuilds the pointer as an
        // `Rc<c_void>` and drops that, which is undefined behaviour (the allocation is freed as
        // another type, and what the Rc holds is never dropped: every batch of rows leaked).
        // rusqlite 0.40 fixes it upstream; once Cargo.toml moves to 0.40, this can become
        // `ToSqlOutput::from_rc` and `release_source` can go.
        let raw = Rc::into_raw(Rc::clone(&self.0));
        Ok(ToSqlOutput::Pointer((
            raw.cast(),
            POINTER_TYPE,
            Some(release_source),
        )))
    }
}

/// SQLite's destructor for a bound `RowSource`.
unsafe extern "C" fn release_source(pointer: *mut c_void) {
    // SAFETY: made by Rc::into_raw in `RowSource::to_sql`; SQLite calls this once per binding.
    drop(unsafe { Rc::from_raw(pointer.cast_const().cast::<Box<dyn Rows>>()) });
}

/// Makes `councildb_rows` available on `conn`.
pub fn register(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_module(MODULE, eponymous_only_module::<RowsTable>(), None::<()>)
}

#[repr(C)]
struct RowsTable {
    /// Must come first: SQLite sees this struct as its `sqlite3_vtab`.
    base: ffi::sqlite3_vtab,
}

// SAFETY: RowsTable is repr(C) with its sqlite3_vtab first, as rusqlite requires.
unsafe impl<'vtab> VTab<'vtab> for RowsTable {
    type Aux = ();
    type Cursor = RowsCursor<'vtab>;

    fn connect(
        _: &mut VTabConnection,
        _: Option<&()>,
        _: &[&[u8]],
    ) -> rusqlite::Result<(String, Self)> {
        let columns: Vec<String> = (0..COLUMNS).map(|i| format!("c{i}")).collect();
        let schema = format!("CREATE TABLE x({}, source HIDDEN)", columns.join(", "));
        Ok((
            schema,
            RowsTable {
                base: ffi::sqlite3_vtab::default(),
            },
        ))
    }

    fn best_index(&self, info: &mut IndexInfo) -> rusqlite::Result<()> {
        let mut has_source = false;
        for (constraint, mut usage) in info.constraints_and_usages() {
            if constraint.is_usable()
                && constraint.operator() == IndexConstraintOp::SQLITE_INDEX_CONSTRAINT_EQ
                && constraint.column() == COLUMNS as c_int
            {
                usage.set_argv_index(1);
                usage.set_omit(true);
                has_source = true;
            }
        }
        // Without a source there are no rows; make the planner avoid that plan.
        info.set_idx_num(c_int::from(has_source));
        info.set_estimated_cost(if has_source { 1.0 } else { 1e12 });
        Ok(())
    }

    fn open(&'vtab mut self) -> rusqlite::Result<RowsCursor<'vtab>> {
        Ok(RowsCursor {
            base: ffi::sqlite3_vtab_cursor::default(),
            row: 0,
            rows: None,
            phantom: PhantomData,
        })
    }
}

#[repr(C)]
struct RowsCursor<'vtab> {
    /// Must come first: SQLite sees this struct as its `sqlite3_vtab_cursor`.
    base: ffi::sqlite3_vtab_cursor,
    row: usize,
    rows: Option<&'vtab dyn Rows>,
    phantom: PhantomData<&'vtab RowsTable>,
}

// SAFETY: RowsCursor is repr(C) with its sqlite3_vtab_cursor first, as rusqlite requires.
unsafe impl VTabCursor for RowsCursor<'_> {
    fn filter(
        &mut self,
        idx_num: c_int,
        _: Option<&str>,
        args: &Filters<'_>,
    ) -> rusqlite::Result<()> {
        // A bound pointer reads as NULL; anything else (text, a number) is no source, and
        // rusqlite must not be asked for a pointer in it (it asserts that in debug builds).
        let is_pointer = idx_num == 1 && matches!(args.get::<Value>(0), Ok(Value::Null));
        self.rows = if is_pointer {
            // SAFETY: a pointer tagged POINTER_TYPE is only ever made by `RowSource::to_sql`,
            // from an Rc<Box<dyn Rows>> that SQLite keeps alive while it is bound.
            unsafe { args.get_pointer::<Box<dyn Rows>>(0, POINTER_TYPE) }.map(|rows| &**rows)
        } else {
            None
        };
        self.row = 0;
        Ok(())
    }

    fn next(&mut self) -> rusqlite::Result<()> {
        self.row += 1;
        Ok(())
    }

    fn eof(&self) -> bool {
        self.rows.is_none_or(|rows| self.row >= rows.len())
    }

    fn column(&self, ctx: &mut Context, i: c_int) -> rusqlite::Result<()> {
        match (self.rows, usize::try_from(i)) {
            (Some(rows), Ok(col)) if col < COLUMNS => rows.column(self.row, col, ctx),
            _ => Ok(()),
        }
    }

    fn rowid(&self) -> rusqlite::Result<i64> {
        Ok(self.row as i64 + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Pairs(Vec<(i64, Option<&'static str>)>);

    impl Rows for Pairs {
        fn len(&self) -> usize {
            self.0.len()
        }
        fn column(&self, row: usize, col: usize, ctx: &mut Context) -> rusqlite::Result<()> {
            let (n, s) = self.0[row];
            match col {
                0 => ctx.set_result(&n),
                1 => ctx.set_result(&s),
                _ => Ok(()),
            }
        }
    }

    #[test]
    fn rows_come_out_in_order_with_nulls_and_unfilled_columns() {
        let conn = Connection::open_in_memory().unwrap();
        register(&conn).unwrap();
        let source = RowSource::new(Pairs(vec![(1, Some("a")), (2, None), (3, Some("ç"))]));
        let rows: Vec<(i64, Option<String>, Option<i64>)> = conn
            .prepare("SELECT c0, c1, c7 FROM councildb_rows(?1)")
            .unwrap()
            .query_map([source], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            rows,
            [
                (1, Some("a".into()), None),
                (2, None, None),
                (3, Some("ç".into()), None)
            ]
        );
    }

    /// Rows that record being dropped.
    struct Tracked(Rc<std::cell::Cell<bool>>);

    impl Rows for Tracked {
        fn len(&self) -> usize {
            1
        }
        fn column(&self, _: usize, _: usize, ctx: &mut Context) -> rusqlite::Result<()> {
            ctx.set_result(&1)
        }
    }

    impl Drop for Tracked {
        fn drop(&mut self) {
            self.0.set(true);
        }
    }

    #[test]
    fn rows_are_dropped_once_sqlite_lets_go_of_them() {
        let conn = Connection::open_in_memory().unwrap();
        register(&conn).unwrap();
        let dropped = Rc::new(std::cell::Cell::new(false));
        let mut stmt = conn
            .prepare("SELECT count(*) FROM councildb_rows(?1)")
            .unwrap();
        let source = RowSource::new(Tracked(Rc::clone(&dropped)));
        let n: i64 = stmt.query_row([&source], |r| r.get(0)).unwrap();
        assert_eq!(n, 1);
        drop(source);
        // The statement still holds its binding ...
        assert!(!dropped.get());
        // ... until it is bound again or finalized.
        let none: i64 = stmt
            .query_row([rusqlite::types::Null], |r| r.get(0))
            .unwrap();
        assert_eq!(none, 0);
        assert!(dropped.get(), "the rows were never dropped");
    }

    #[test]
    fn no_source_or_a_foreign_pointer_gives_no_rows() {
        let conn = Connection::open_in_memory().unwrap();
        register(&conn).unwrap();
        let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
        assert_eq!(count("SELECT count(*) FROM councildb_rows"), 0);
        assert_eq!(count("SELECT count(*) FROM councildb_rows(NULL)"), 0);
        assert_eq!(count("SELECT count(*) FROM councildb_rows('text')"), 0);
        assert_eq!(count("SELECT count(*) FROM councildb_rows(42)"), 0);
    }
}
