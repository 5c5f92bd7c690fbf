//! Citation targets: a citation points at the held statement carrying the cited symbol, in the
//! citing statement's language when there is one, else the first held; whatever the order in
//! which the documents arrive, in one import or several.

use crate::common::*;

const RESOLUTION_EN: &str = "%%%PEACEBUILDING|\n\nResolution 1999 (2011) Adopted by the Security Council at its 6627th meeting, on 4 October 2011 The Security Council, Recalling the importance of peacebuilding in the aftermath of conflict, 1. Decides to remain actively seized of the matter.\n";
const RESOLUTION_FR: &str = "%%%PEACEBUILDING|\n\nRésolution 1999 (2011) Adoptée par le Conseil de sécurité à sa 6627e séance, le 4 octobre 2011 Le Conseil de sécurité, Rappelant l'importance de la consolidation de la paix au lendemain des conflits, 1. Décide de rester activement saisi de la question.\n";
const STATEMENT_EN: &str = "%%%PEACEBUILDING|\n\nStatement by the President of the Security Council At its 6700th meeting, on 5 January 2012, in connection with the Council's consideration of the item entitled \"Post-conflict peacebuilding\", the President of the Security Council made the following statement on behalf of the Council: \"The Security Council recalls its resolution 1999 (2011) and reaffirms the importance of national ownership.\"\n";

/// Imports each group of files in one command, in order, and returns the language of the
/// statement that the English statement's citation of resolution 1999 points at.
fn target_language(groups: &[&[&str]]) -> String {
    let env = Env::new();
    let files = [
        ("res_en", RESOLUTION_EN),
        ("res_fr", RESOLUTION_FR),
        ("prst_en", STATEMENT_EN),
    ]
    .map(|(name, text)| (name, env.write(&format!("{name}.txt"), text)));
    for group in groups {
        let mut args = vec!["import"];
        for name in *group {
            let (_, path) = files.iter().find(|(n, _)| n == name).unwrap();
            args.push(p(path));
        }
        env.expect(&args, 0);
    }
    // Each file is the statement it should be: the parser reads its language, type and symbol.
    let imported: usize = groups.iter().map(|g| g.len()).sum();
    let held = env.query(
        "SELECT language, doc_type, coalesce(symbol, '') FROM statements ORDER BY language, doc_type",
    );
    assert_eq!(held.len(), imported, "{held:?}");
    for row in &held {
        let expected: &[&str] = match (row[0].as_str(), row[1].as_str()) {
            ("en", "resolution") | ("fr", "resolution") => &["S/RES/1999 (2011)"],
            ("en", "presidential_statement") => &[""],
            _ => &[],
        };
        assert_eq!(expected, [row[2].as_str()], "{row:?}");
    }
    env.scalar(
        "SELECT coalesce(t.language, 'none') FROM citations c
         JOIN statements citing ON citing.id = c.statement_id
         LEFT JOIN statements t ON t.id = c.target_statement_id
         WHERE citing.doc_type = 'presidential_statement' AND c.symbol = 'S/RES/1999 (2011)'",
    )
}

#[test]
fn the_citing_language_wins_in_any_order() {
    let orders: [&[&[&str]]; 6] = [
        &[&["prst_en", "res_fr", "res_en"]],
        &[&["res_fr", "res_en", "prst_en"]],
        &[&["res_en", "prst_en", "res_fr"]],
        &[&["prst_en"], &["res_fr"], &["res_en"]],
        &[&["res_fr"], &["prst_en"], &["res_en"]],
        &[&["res_en"], &["res_fr", "prst_en"]],
    ];
    for order in orders {
        assert_eq!(target_language(order), "en", "import order {order:?}");
    }
}

#[test]
fn another_language_serves_until_the_own_language_arrives() {
    assert_eq!(target_language(&[&["res_fr", "prst_en"]]), "fr");
    assert_eq!(target_language(&[&["prst_en"], &["res_fr"]]), "fr");
    assert_eq!(target_language(&[&["prst_en"]]), "none");
}

#[test]
fn a_statement_cited_in_an_earlier_batch_is_found() {
    // One import, one document a transaction: the citation is written before its statement.
    let env = Env::new();
    let prst = env.write("prst_en.txt", STATEMENT_EN);
    let res = env.write("res_en.txt", RESOLUTION_EN);
    env.expect(&["import", "--batch", "1", p(&prst), p(&res)], 0);
    assert_eq!(
        env.scalar("SELECT count(*) FROM citations WHERE symbol = 'S/RES/1999 (2011)' AND target_statement_id IS NOT NULL"),
        "1"
    );
}

#[test]
fn a_statement_left_by_a_killed_import_is_found_by_the_next_import() {
    let env = Env::new();
    let prst = env.write("prst_en.txt", STATEMENT_EN);
    env.expect(&["import", p(&prst)], 0);
    // What an import killed after committing the resolution leaves: its statement, and its
    // log entry never finished. The citation was not pointed at it.
    env.sql_write(
        "INSERT INTO imports (started_at, inputs, status) VALUES ('2026-11-28T00:00:00Z', '[]', 'running')",
    );
    env.sql_write(
        "INSERT INTO statements (sha256, symbol, doc_type, language, body, import_id)
         VALUES ('killed', 'S/RES/1999 (2011)', 'resolution', 'en', 'text', (SELECT max(id) FROM imports))",
    );
    assert_eq!(
        env.scalar(
            "SELECT count(target_statement_id) FROM citations WHERE symbol = 'S/RES/1999 (2011)'"
        ),
        "0"
    );
    env.expect(&["import", p(&seeds())], 0);
    assert_eq!(
        env.scalar("SELECT target_statement_id FROM citations WHERE symbol = 'S/RES/1999 (2011)'"),
        env.scalar("SELECT id FROM statements WHERE sha256 = 'killed'")
    );
}
