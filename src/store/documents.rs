//! Language versions grouped into documents. The rule is the schema's view
//! `statement_grouping` (V8); this module applies it: it gives each new statement its
//! document, moves the versions a new text joins (a version without a symbol joins the one
//! that has it), keeps document ids for keys already known, and drops documents left empty.

use rusqlite::Connection;

use super::Result;

/// Statements without a document, and those without a symbol that share a type, meeting and
/// date of adoption with one of them: a new version can change where those belong.
const NEW_AND_THEIR_PARTNERS: &str = "
    SELECT id FROM statements WHERE document_id IS NULL
    UNION
    SELECT o.id FROM statements n
    JOIN statements o ON o.meeting = n.meeting AND o.doc_type = n.doc_type AND o.issued_on = n.issued_on
    WHERE n.document_id IS NULL AND o.symbol IS NULL";

/// Groups the statements that have no document yet (and the versions they may join).
/// Call inside the write transaction that added them.
pub(super) fn group_new(conn: &Connection) -> Result<()> {
    let pending: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM statements WHERE document_id IS NULL)",
        [],
        |r| r.get(0),
    )?;
    if pending {
        regroup(conn, NEW_AND_THEIR_PARTNERS)?;
    }
    Ok(())
}

/// Groups every statement again, after their metadata may have changed.
pub(super) fn regroup_all(conn: &Connection) -> Result<()> {
    regroup(conn, "SELECT id FROM statements")
}

fn regroup(conn: &Connection, statement_ids: &str) -> Result<()> {
    conn.execute_batch(&format!(
        "CREATE TEMP TABLE IF NOT EXISTS regrouped (
             statement_id INTEGER PRIMARY KEY,
             grouping_key TEXT NOT NULL,
             old_document INTEGER
         );
         DELETE FROM temp.regrouped;
         INSERT INTO temp.regrouped (statement_id, grouping_key, old_document)
         SELECT g.statement_id, g.grouping_key, s.document_id
         FROM statement_grouping g JOIN statements s ON s.id = g.statement_id
         WHERE g.statement_id IN ({statement_ids});

         INSERT INTO documents (grouping_key, doc_type)
         SELECT DISTINCT grouping_key, 'other' FROM temp.regrouped WHERE true
         ON CONFLICT (grouping_key) DO NOTHING;

         UPDATE statements SET document_id = (
             SELECT d.id FROM temp.regrouped r JOIN documents d ON d.grouping_key = r.grouping_key
             WHERE r.statement_id = statements.id)
         WHERE id IN (SELECT statement_id FROM temp.regrouped);

         DELETE FROM documents
         WHERE id IN (SELECT old_document FROM temp.regrouped)
           AND NOT EXISTS (SELECT 1 FROM statements WHERE document_id = documents.id);

         -- A document says what most of its versions say; ties go to the first in order.
         UPDATE documents SET
             symbol = (SELECT symbol FROM statements WHERE document_id = documents.id AND symbol IS NOT NULL
                       GROUP BY symbol ORDER BY count(*) DESC, symbol LIMIT 1),
             doc_type = (SELECT doc_type FROM statements WHERE document_id = documents.id
                         GROUP BY doc_type ORDER BY count(*) DESC, doc_type LIMIT 1),
             issued_on = (SELECT issued_on FROM statements WHERE document_id = documents.id AND issued_on IS NOT NULL
                          GROUP BY issued_on ORDER BY count(*) DESC, issued_on LIMIT 1),
             meeting = (SELECT meeting FROM statements WHERE document_id = documents.id AND meeting IS NOT NULL
                        GROUP BY meeting ORDER BY count(*) DESC, meeting LIMIT 1)
         WHERE grouping_key IN (SELECT grouping_key FROM temp.regrouped);
         DELETE FROM temp.regrouped;"
    ))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::open_in_memory;

    fn add(
        conn: &Connection,
        sha: &str,
        symbol: Option<&str>,
        language: &str,
        meeting: Option<i64>,
        date: Option<&str>,
    ) {
        conn.execute(
            "INSERT INTO statements (sha256, symbol, doc_type, language, issued_on, meeting, body, import_id)
             VALUES (?1, ?2, 'resolution', ?3, ?4, ?5, 'text', 1)",
            rusqlite::params![sha, symbol, language, date, meeting],
        )
        .unwrap();
    }

    fn groups(conn: &Connection) -> Vec<(String, String)> {
        conn.prepare(
            "SELECT s.sha256, d.grouping_key FROM statements s JOIN documents d ON d.id = s.document_id ORDER BY s.sha256",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
    }

    fn db() -> Connection {
        let conn = open_in_memory().unwrap();
        conn.execute(
            "INSERT INTO imports (started_at, inputs) VALUES ('2026-01-01T00:00:00Z', '[]')",
            [],
        )
        .unwrap();
        conn
    }

    #[test]
    fn versions_are_grouped_by_symbol_else_meeting_and_date_else_alone() {
        let conn = db();
        add(
            &conn,
            "a",
            Some("S/RES/1889 (2009)"),
            "en",
            Some(6196),
            Some("2009-10-05"),
        );
        add(&conn, "b", Some("S/RES/1889 (2009)"), "zh", None, None);
        add(&conn, "c", None, "fr", Some(6196), Some("2009-10-05"));
        add(&conn, "d", None, "ru", Some(7000), Some("2013-07-01"));
        add(&conn, "e", None, "ar", Some(7000), Some("2013-07-01"));
        add(&conn, "f", None, "es", None, Some("2013-07-01"));
        group_new(&conn).unwrap();
        let symbol = "symbol S/RES/1889 (2009)".to_string();
        let meeting = "meeting resolution 7000 2013-07-01".to_string();
        assert_eq!(
            groups(&conn),
            vec![
                ("a".into(), symbol.clone()),
                ("b".into(), symbol.clone()),
                ("c".into(), symbol.clone()),
                ("d".into(), meeting.clone()),
                ("e".into(), meeting),
                ("f".into(), "text f".into()),
            ]
        );
        let (n, date, meeting): (i64, String, i64) = conn
            .query_row(
                "SELECT count(*), max(issued_on), max(meeting) FROM documents WHERE symbol = 'S/RES/1889 (2009)'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!((n, date.as_str(), meeting), (1, "2009-10-05", 6196));
    }

    #[test]
    fn the_order_of_imports_does_not_change_the_grouping() {
        let conn = db();
        // The version without a symbol comes first and makes a document of its own ...
        add(&conn, "c", None, "fr", Some(6196), Some("2009-10-05"));
        group_new(&conn).unwrap();
        let first_id: i64 = conn
            .query_row("SELECT id FROM documents", [], |r| r.get(0))
            .unwrap();
        // ... which it leaves for the document its symbol-bearing version makes.
        add(
            &conn,
            "a",
            Some("S/RES/1889 (2009)"),
            "en",
            Some(6196),
            Some("2009-10-05"),
        );
        group_new(&conn).unwrap();
        assert_eq!(
            groups(&conn)
                .iter()
                .filter(|(_, k)| k.starts_with("symbol"))
                .count(),
            2
        );
        let left: i64 = conn
            .query_row(
                "SELECT count(*) FROM documents WHERE id = ?1",
                [first_id],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(left, 0, "the emptied document is dropped");
    }

    #[test]
    fn two_symbols_at_one_meeting_leave_a_version_without_one_apart() {
        let conn = db();
        add(
            &conn,
            "a",
            Some("S/RES/1 (1946)"),
            "en",
            Some(1),
            Some("1946-01-25"),
        );
        add(
            &conn,
            "b",
            Some("S/RES/2 (1946)"),
            "en",
            Some(1),
            Some("1946-01-25"),
        );
        add(&conn, "c", None, "fr", Some(1), Some("1946-01-25"));
        group_new(&conn).unwrap();
        assert_eq!(groups(&conn)[2].1, "meeting resolution 1 1946-01-25");
    }

    #[test]
    fn document_ids_stay_when_everything_is_grouped_again() {
        let conn = db();
        add(&conn, "a", Some("S/RES/1889 (2009)"), "en", None, None);
        add(&conn, "b", None, "en", None, None);
        group_new(&conn).unwrap();
        let documents = |conn: &Connection| -> Vec<(i64, String)> {
            conn.prepare("SELECT id, grouping_key FROM documents ORDER BY id")
                .unwrap()
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        };
        let before = documents(&conn);
        regroup_all(&conn).unwrap();
        let after = documents(&conn);
        assert_eq!(before, after);
    }
}
