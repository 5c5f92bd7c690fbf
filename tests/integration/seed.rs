//! The seed document imported by the built binary must give the figures of the contract,
//! read back with plain SQL.

use crate::common::*;

fn seed_id(env: &Env) -> String {
    env.scalar(&format!(
        "SELECT statement_id FROM sources WHERE path = '{SEED}'"
    ))
}

#[test]
fn seed_figures() {
    let env = Env::new();
    env.expect(&["import", p(&seeds().join(SEED))], 0);
    let id = seed_id(&env);
    let row = env.query(&format!("SELECT doc_type, language, title, issued_on, meeting, symbol IS NULL FROM statements WHERE id = {id}"));
    assert_eq!(
        row[0],
        [
            "presidential_statement",
            "zh",
            "联合国维持和平行动",
            "2009-08-05",
            "6178",
            "1"
        ]
    );

    let tags: Vec<String> = env
        .query(&format!("SELECT t.name FROM statement_tags st JOIN tags t ON t.id = st.tag_id WHERE st.statement_id = {id} ORDER BY st.position"))
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(
        tags,
        [
            "PEACEKEEPING OPERATIONS",
            "PEACEBUILDING",
            "CONSULTATIONS",
            "TROOP-CONTRIBUTING STATES",
            "PARTNERSHIP",
            "INTERNATIONAL COOPERATION",
            "COORDINATION WITHIN UN SYSTEM",
            "REGIONAL ORGANIZATIONS"
        ]
    );
    assert_eq!(
        env.scalar(&format!(
            "SELECT count(*) FROM clauses WHERE statement_id = {id} AND parent_id IS NULL"
        )),
        "11"
    );
    assert_eq!(
        env.scalar(&format!(
            "SELECT count(*) FROM clauses WHERE statement_id = {id} AND parent_id IS NOT NULL"
        )),
        "11"
    );
    // Sub-items hang under paragraphs of the same statement, in position order.
    assert_eq!(
        env.scalar(&format!(
            "SELECT count(*) FROM clauses c JOIN clauses p ON p.id = c.parent_id
             WHERE c.statement_id = {id} AND p.statement_id = {id} AND p.parent_id IS NULL AND p.position < c.position"
        )),
        "11"
    );
    assert_eq!(env.scalar(&format!("SELECT count(*) FROM clauses WHERE statement_id = {id} AND position = 1 AND text LIKE '安全 理事会 主席 的 声明%'")), "1");
    // 11 distinct cited documents; the Charter (第八 章) is cited too, as kind 'charter'.
    assert_eq!(env.scalar(&format!("SELECT count(DISTINCT symbol) FROM citations WHERE statement_id = {id} AND kind <> 'charter'")), "11");
    assert_eq!(env.scalar(&format!("SELECT group_concat(symbol) FROM citations WHERE statement_id = {id} AND kind = 'charter'")), "Charter, Chapter VIII");
    assert_eq!(env.scalar(&format!("SELECT count(*) FROM citations WHERE statement_id = {id} AND symbol = 'S/PRST/2004/16' AND raw = 'PRST/200 4/16'")), "1");
    // Every citation points at a clause of its statement.
    assert_eq!(env.scalar(&format!("SELECT count(*) FROM citations c JOIN clauses cl ON cl.id = c.clause_id AND cl.statement_id = c.statement_id WHERE c.statement_id = {id}")), "12");
    // Full text over clauses with the built-in tokenizer.
    assert_ne!(
        env.scalar("SELECT count(*) FROM clauses_fts WHERE clauses_fts MATCH '维持 AND 秘书处'"),
        "0"
    );
}

#[test]
fn same_document_again_is_one_statement_with_more_sources() {
    let env = Env::new();
    let seed = seeds().join(SEED);
    env.expect(&["import", p(&seed)], 0);
    env.expect(&["import", p(&seed)], 0);
    assert_eq!(env.scalar("SELECT count(*) FROM statements"), "1");
    assert_eq!(env.scalar("SELECT count(*) FROM sources"), "1");
    assert_eq!(env.scalar("SELECT count(*) FROM clauses"), "22");
    assert_eq!(env.scalar("SELECT count(*) FROM imports"), "2");
    assert_eq!(
        env.scalar("SELECT duplicates FROM imports WHERE id = 2"),
        "1"
    );

    // The same text under another name, with CRLF line ends and a BOM, is the same statement.
    let text = std::fs::read_to_string(&seed)
        .unwrap()
        .replace('\n', "\r\n");
    let copy = env.write(
        "copy/again.txt",
        [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
    );
    env.expect(&["import", p(copy.parent().unwrap())], 0);
    assert_eq!(env.scalar("SELECT count(*) FROM statements"), "1");
    assert_eq!(
        env.scalar("SELECT group_concat(path, ' ') FROM (SELECT path FROM sources ORDER BY path)"),
        format!("{SEED} again.txt")
    );
}

#[test]
fn all_seeds_import_with_every_field() {
    let env = Env::new();
    let out = env.expect(&["import", p(&seeds())], 0);
    assert!(stderr(&out).contains("0 rejected"), "{}", stderr(&out));
    // Everything is in the database file once the import is done: users copy that file alone.
    let mut wal = env.db().into_os_string();
    wal.push("-wal");
    assert!(!std::path::Path::new(&wal).exists(), "{wal:?} left behind");
    // Every language of the UN is represented, and every statement has its metadata.
    assert_eq!(env.scalar("SELECT group_concat(language) FROM (SELECT DISTINCT language FROM statements ORDER BY language)"), "ar,en,es,fr,ru,zh");
    assert_eq!(env.scalar("SELECT count(*) FROM statements WHERE language IS NULL OR issued_on IS NULL OR meeting IS NULL"), "0");
    assert_eq!(env.scalar("SELECT count(*) FROM statements WHERE doc_type = 'presidential_statement' AND title IS NULL"), "0");
    assert_eq!(
        env.scalar(
            "SELECT count(*) FROM statements WHERE doc_type = 'resolution' AND symbol IS NULL"
        ),
        "0"
    );
    // A document's own symbol and the meeting that adopted it are metadata, not citations.
    assert_eq!(env.scalar("SELECT count(*) FROM citations c JOIN statements s ON s.id = c.statement_id WHERE c.symbol = s.symbol OR c.symbol = 'S/PV.' || s.meeting"), "0");
    assert_eq!(env.scalar("SELECT count(*) FROM statements WHERE doc_type = 'resolution' AND symbol = 'S/RES/1889 (2009)'"), "2");
    // Citations of statements the db holds point at them, whichever came first.
    assert_eq!(env.scalar("SELECT count(*) FROM citations WHERE symbol = 'S/PRST/2009/23' AND target_statement_id IS NULL"), "0");
    assert_eq!(env.scalar("SELECT count(*) FROM citations WHERE symbol = 'S/RES/1888 (2009)' AND target_statement_id IS NULL"), "0");
    env.assert_foreign_keys_hold();
}
