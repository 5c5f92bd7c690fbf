//! Reports on the samples, checked against plain SQL; every format; `report --all` for
//! scheduled runs (and the very commands of the cron and systemd examples); user reports;
//! Datasette metadata, answered by a real Datasette.

use crate::common::*;

fn seeded() -> Env {
    let env = Env::new();
    env.expect(&["import", p(&seeds())], 0);
    env
}

fn report_csv(env: &Env, args: &[&str]) -> Vec<Vec<String>> {
    let mut full = vec!["report"];
    full.extend_from_slice(args);
    full.extend_from_slice(&["--format", "csv"]);
    let out = env.expect(&full, 0);
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

#[test]
fn every_report_agrees_with_plain_sql() {
    let env = seeded();
    let overview = report_csv(&env, &["overview"]);
    let value = |item: &str| {
        overview
            .iter()
            .find(|r| r[1] == item)
            .map(|r| r[2].clone())
            .unwrap()
    };
    assert_eq!(
        value("total"),
        env.scalar("SELECT count(*) FROM statements")
    );
    assert_eq!(
        value("zh"),
        env.scalar("SELECT count(*) FROM statements WHERE language = 'zh'")
    );
    assert_eq!(
        value("mentions"),
        env.scalar("SELECT count(*) FROM citations")
    );
    assert_eq!(
        value("first issued"),
        env.scalar("SELECT min(issued_on) FROM statements")
    );
    let resolved: f64 = env
        .scalar("SELECT 100.0 * count(target_statement_id) / count(*) FROM citations")
        .parse()
        .unwrap();
    assert_eq!(
        value("share resolved in this database (%)"),
        format!("{}", (resolved * 10.0).round() / 10.0)
    );

    let tags = report_csv(&env, &["tags"]);
    for row in &tags {
        let tag = row[0].replace('\'', "''");
        let n = env.scalar(&format!("SELECT count(*) FROM statement_tags WHERE tag_id = (SELECT id FROM tags WHERE name = '{tag}')"));
        assert_eq!(row[2], n, "tag {}", row[0]);
        let documents = env.scalar(&format!("SELECT count(DISTINCT s.document_id) FROM statement_tags st JOIN statements s ON s.id = st.statement_id WHERE st.tag_id = (SELECT id FROM tags WHERE name = '{tag}')"));
        assert_eq!(row[1], documents, "tag {}", row[0]);
    }
    assert_eq!(
        tags.len().to_string(),
        env.scalar("SELECT count(*) FROM tags")
    );

    let pairs = report_csv(&env, &["tag-pairs"]);
    let top = &pairs[0];
    let both = env.scalar(&format!(
        "SELECT count(*) FROM statements s WHERE EXISTS (SELECT 1 FROM statement_tags st JOIN tags t ON t.id = st.tag_id WHERE st.statement_id = s.id AND t.name = '{}')
         AND EXISTS (SELECT 1 FROM statement_tags st JOIN tags t ON t.id = st.tag_id WHERE st.statement_id = s.id AND t.name = '{}')",
        top[0].replace('\'', "''"),
        top[1].replace('\'', "''")
    ));
    assert_eq!(top[2], both);

    let trend = report_csv(&env, &["tag-trend"]);
    let total: u64 = trend.iter().map(|r| r[2].parse::<u64>().unwrap()).sum();
    assert_eq!(total.to_string(), env.scalar("SELECT count(*) FROM (SELECT DISTINCT s.document_id, st.tag_id FROM statement_tags st JOIN statements s ON s.id = st.statement_id JOIN documents d ON d.id = s.document_id WHERE d.issued_on IS NOT NULL)"));

    let timeline = report_csv(&env, &["timeline"]);
    for row in &timeline {
        assert_eq!(
            row[4],
            env.scalar(&format!(
                "SELECT count(DISTINCT document_id) FROM statements WHERE substr(issued_on, 1, 4) = '{}'",
                row[0]
            ))
        );
        assert_eq!(
            row[5],
            env.scalar(&format!(
                "SELECT count(*) FROM statements WHERE substr(issued_on, 1, 4) = '{}'",
                row[0]
            ))
        );
        assert_eq!(row[2], env.scalar(&format!("SELECT count(DISTINCT document_id) FROM statements WHERE doc_type = 'resolution' AND substr(issued_on, 1, 4) = '{}'", row[0])));
    }

    let cited = report_csv(&env, &["most-cited"]);
    assert_eq!(cited[0][0], "S/RES/1325 (2000)");
    assert_eq!(
        cited[0][2],
        env.scalar("SELECT count(*) FROM citations WHERE symbol = 'S/RES/1325 (2000)'")
    );
    let held = cited.iter().find(|r| r[0] == "S/RES/1888 (2009)").unwrap();
    assert_eq!(
        (held[5].as_str(), held[6].clone()),
        (
            "yes",
            env.scalar("SELECT id FROM statements WHERE symbol = 'S/RES/1888 (2009)'")
        )
    );

    let edges = report_csv(&env, &["citation-edges"]);
    let weight: u64 = edges.iter().map(|r| r[5].parse::<u64>().unwrap()).sum();
    assert_eq!(
        weight.to_string(),
        env.scalar("SELECT count(*) FROM citations")
    );

    let unresolved: Vec<String> = report_csv(&env, &["unresolved"])
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    let mut unresolved_sorted = unresolved.clone();
    unresolved_sorted.sort();
    let expected: Vec<String> = env
        .query("SELECT DISTINCT symbol FROM citations WHERE target_statement_id IS NULL AND kind <> 'charter' ORDER BY symbol")
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(unresolved_sorted, expected);

    let statement = report_csv(&env, &["statement", "--param", "id=1"]);
    let clauses = statement.iter().filter(|r| r[0] == "clause").count();
    assert_eq!(
        clauses.to_string(),
        env.scalar("SELECT count(*) FROM clauses WHERE statement_id = 1")
    );
    let by_symbol = report_csv(&env, &["statement", "--param", "symbol=S/RES/1889 (2009)"]);
    assert_eq!(
        by_symbol.iter().find(|r| r[2] == "symbol").unwrap()[3],
        "S/RES/1889 (2009)"
    );

    let imports = report_csv(&env, &["imports"]);
    assert_eq!(imports.len(), 1);
    assert_eq!(imports[0][3], "ok");
}

#[test]
fn search_takes_any_text() {
    let env = seeded();
    let hits = report_csv(&env, &["search", "--param", "q=维持 和平"]);
    assert_eq!(
        hits.len().to_string(),
        env.scalar("SELECT count(*) FROM clauses WHERE text LIKE '%维持%' AND text LIKE '%和平%'")
    );
    assert!(
        hits.iter()
            .all(|r| r[7].contains("[维持") && r[7].contains("和平]")),
        "{hits:?}"
    );
    // Every row tells how many matches there are in all.
    assert!(
        hits.iter().all(|r| r[8] == hits.len().to_string()),
        "{hits:?}"
    );
    // Chinese as people type it, without spaces, finds the segmented text: the issue's case.
    let typed = report_csv(&env, &["search", "--param", "q=维持和平"]);
    assert_eq!(typed.len(), hits.len(), "{typed:?}");
    assert!(
        typed.iter().all(|r| r[7].contains("[维持 和平]")),
        "{typed:?}"
    );
    // Case and accents as people type them.
    assert_eq!(
        report_csv(&env, &["search", "--param", "q=SECURITY council"]).len(),
        report_csv(&env, &["search", "--param", "q=security Council"]).len()
    );
    // Filters by language, type and date of adoption; a filter given empty filters nothing.
    let english = report_csv(
        &env,
        &[
            "search",
            "--param",
            "q=Security Council",
            "--param",
            "language=en",
        ],
    );
    assert!(
        !english.is_empty() && english.iter().all(|r| r[5] == "en"),
        "{english:?}"
    );
    let resolutions = report_csv(
        &env,
        &[
            "search",
            "--param",
            "q=Security Council",
            "--param",
            "type=resolution",
        ],
    );
    assert!(!resolutions.is_empty() && resolutions.iter().all(|r| r[3] == "resolution"));
    let in_2009 = report_csv(
        &env,
        &[
            "search",
            "--param",
            "q=维持 和平",
            "--param",
            "from=2009-01-01",
            "--param",
            "to=2009-12-31",
        ],
    );
    assert_eq!(in_2009.len(), hits.len());
    assert!(report_csv(
        &env,
        &[
            "search",
            "--param",
            "q=维持 和平",
            "--param",
            "from=2010-01-01"
        ]
    )
    .is_empty());
    assert_eq!(
        report_csv(
            &env,
            &["search", "--param", "q=维持 和平", "--param", "language="]
        )
        .len(),
        hits.len()
    );
    // Stray punctuation and FTS5 syntax are taken literally: never an SQL error.
    for q in [
        "\"(S/2009",
        "AND OR NOT",
        "*",
        "NEAR(a b)",
        "'; DROP TABLE clauses; --",
        "  ",
        "col:umn",
        "安理会 ）（",
    ] {
        env.expect(
            &[
                "report",
                "search",
                "--param",
                &format!("q={q}"),
                "--format",
                "csv",
            ],
            0,
        );
    }
    assert_eq!(
        report_csv(&env, &["search", "--param", "q=S/2009/398"]).len(),
        2
    );
}

#[test]
fn new_since_lists_what_came_after() {
    let env = seeded();
    assert_eq!(
        report_csv(&env, &["new-since", "--param", "since=2000-01-01"])
            .len()
            .to_string(),
        env.scalar("SELECT count(*) FROM statements")
    );
    assert_eq!(
        report_csv(&env, &["new-since", "--param", "since=2999-01-01"]).len(),
        0
    );
    // Relative periods, and by default the last seven days (so it runs in --all).
    let all = env.scalar("SELECT count(*) FROM statements");
    for period in ["24h", "7d", "2w"] {
        let since = format!("since={period}");
        let rows = report_csv(&env, &["new-since", "--param", &since]);
        assert_eq!(rows.len().to_string(), all, "{period}");
    }
    assert_eq!(report_csv(&env, &["new-since"]).len().to_string(), all);
    env.sql_write("UPDATE imports SET started_at = '2001-01-01T00:00:00Z'");
    assert_eq!(report_csv(&env, &["new-since"]).len(), 0);
    assert_eq!(
        report_csv(&env, &["new-since", "--param", "since=2000-06-01"])
            .len()
            .to_string(),
        all
    );
}

#[test]
fn every_format_of_a_report() {
    let env = seeded();
    for format in ["table", "csv", "tsv", "json", "jsonl", "markdown", "html"] {
        let out = env.expect(&["report", "timeline", "--format", format], 0);
        let text = stdout(&out);
        assert!(text.contains("2009"), "{format}: {text}");
    }
    let html = stdout(&env.expect(&["report", "timeline", "--format", "html"], 0));
    assert!(
        html.contains("<svg") && html.contains("<h1>Timeline</h1>"),
        "{html}"
    );
    // Standalone: no scripts, nothing fetched from the network.
    assert!(
        !html.contains("<script") && !html.contains("src=\"http") && !html.contains("href=\"http"),
        "{html}"
    );
    for chart in ["tags", "tag-trend"] {
        assert!(
            stdout(&env.expect(&["report", chart, "--format", "html"], 0)).contains("<svg"),
            "{chart}"
        );
    }
    // --out takes the format from the extension.
    let file = env.path("tags.json");
    env.expect(&["report", "tags", "--out", p(&file)], 0);
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(
        v.as_array().unwrap().len().to_string(),
        env.scalar("SELECT count(*) FROM tags")
    );
}

fn reports_needing_no_param(env: &Env) -> Vec<String> {
    let list = stdout(&env.expect(&["report"], 0));
    list.lines()
        .filter(|l| !l.contains("(param"))
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect()
}

#[test]
fn report_all_writes_every_file_and_an_index() {
    let env = seeded();
    let dir = env.path("out");
    env.expect(&["report", "--all", "--out", p(&dir), "--format", "csv"], 0);
    let names = reports_needing_no_param(&env);
    assert!(names.len() >= 9, "{names:?}");
    for name in &names {
        let body = std::fs::read_to_string(dir.join(format!("{name}.csv")))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        // The seeds hold no official record of votes: those reports are their header alone.
        let over_votes = ["member-votes", "votes-by-year"].contains(&name.as_str());
        assert!(body.lines().count() >= 2 || over_votes, "{name} is empty");
        assert!(!body.is_empty(), "{name} has no header");
    }
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    for name in &names {
        assert!(
            index.contains(&format!("href=\"{name}.csv\"")),
            "index lacks {name}"
        );
    }
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "temp files left: {leftovers:?}");
}

#[test]
fn user_reports_join_the_built_in_ones() {
    let env = seeded();
    let dir = env.path("mine");
    env.write(
        "mine/by-language.sql",
        "-- name: by-language\n-- title: By language\n-- description: Statements per language.\nSELECT language, count(*) AS n FROM statements GROUP BY language ORDER BY language;\n",
    );
    let list = stdout(&env.expect(&["report", "--reports-dir", p(&dir)], 0));
    assert!(
        list.contains("by-language") && list.contains("overview"),
        "{list}"
    );
    let rows = report_csv(&env, &["by-language", "--reports-dir", p(&dir)]);
    assert_eq!(rows.len(), 6);
    // Through the environment, as a cron job would give it.
    let out = env
        .command(&["report", "by-language", "--format", "csv"])
        .env("COUNCILDB_REPORTS", &dir)
        .output()
        .unwrap();
    assert_exit(&out, 0, &["report", "by-language"]);

    // A broken one is named, and --all still writes the others, exiting 3.
    env.write("mine/broken.sql", "-- title: no name line\nSELECT 1;\n");
    env.write(
        "mine/bad-sql.sql",
        "-- name: bad-sql\n-- description: x\nSELECT nope FROM nowhere;\n",
    );
    let out_dir = env.path("all");
    let out = env.expect(
        &[
            "report",
            "--all",
            "--out",
            p(&out_dir),
            "--reports-dir",
            p(&dir),
        ],
        3,
    );
    assert!(stderr(&out).contains("broken.sql"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("bad-sql") && stderr(&out).contains("nowhere"),
        "{}",
        stderr(&out)
    );
    assert!(out_dir.join("by-language.html").exists() && out_dir.join("overview.html").exists());
    assert!(std::fs::read_to_string(out_dir.join("index.html"))
        .unwrap()
        .contains("failed"));
}

/// The command line of scripts/cron.example (after its five time fields), with the paths of
/// this test put in.
fn scheduled_command(line: &str, env: &Env, out: &std::path::Path) -> String {
    line.replace("/usr/local/bin/councildb", env!("CARGO_BIN_EXE_councildb"))
        .replace("/srv/councildb/un.db", p(&env.db()))
        .replace("/srv/councildb/reports", p(out))
}

#[test]
fn the_cron_and_systemd_examples_run() {
    let env = seeded();
    let cron = std::fs::read_to_string(repo().join("scripts/cron.example")).unwrap();
    let line = cron
        .lines()
        .find(|l| !l.starts_with('#') && !l.trim().is_empty())
        .unwrap();
    let command: String = line
        .split_whitespace()
        .skip(5)
        .collect::<Vec<_>>()
        .join(" ");
    let out_dir = env.path("cron-out");
    // As cron runs it: with the usual umask, and nothing printed when all goes well (cron
    // mails whatever a job prints).
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask 022; {}",
            scheduled_command(&command, &env, &out_dir)
        ))
        .output()
        .unwrap();
    assert_exit(&out, 0, &["cron line"]);
    assert_eq!((stdout(&out), stderr(&out)), (String::new(), String::new()));
    assert!(out_dir.join("index.html").exists() && out_dir.join("timeline.html").exists());
    use std::os::unix::fs::PermissionsExt;
    for page in ["index.html", "timeline.html"] {
        let mode = std::fs::metadata(out_dir.join(page))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o044, 0o044, "{page} cannot be read by another user");
    }

    let unit = std::fs::read_to_string(repo().join("scripts/councildb-reports.service")).unwrap();
    let exec = unit
        .lines()
        .find_map(|l| l.strip_prefix("ExecStart="))
        .unwrap();
    let db_env = unit
        .lines()
        .find_map(|l| l.strip_prefix("Environment="))
        .unwrap();
    let out_dir = env.path("systemd-out");
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "{} {}",
            scheduled_command(db_env, &env, &out_dir),
            scheduled_command(exec, &env, &out_dir)
        ))
        .status()
        .unwrap();
    assert!(status.success());
    assert!(out_dir.join("tags.html").exists());
    let timer = std::fs::read_to_string(repo().join("scripts/councildb-reports.timer")).unwrap();
    assert!(timer.contains("OnCalendar="));
}

#[test]
fn datasette_metadata_offers_every_report() {
    let env = seeded();
    let out = env.expect(&["datasette-metadata"], 0);
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let queries = meta["databases"]["test"]["queries"].as_object().unwrap();
    let list = stdout(&env.expect(&["report"], 0));
    assert_eq!(queries.len(), list.lines().count());
    assert_eq!(
        queries["search"]["params"],
        serde_json::json!(["q", "language", "type", "from", "to"])
    );
    let tables = &meta["databases"]["test"]["tables"];
    assert_eq!(tables["clauses"]["fts_table"], "clauses_fts");
    assert_eq!(
        tables["statement_overview"]["facets"][2],
        serde_json::json!({"array": "tag_list"})
    );
    assert!(!queries["overview"]["sql"]
        .as_str()
        .unwrap()
        .contains("-- name"));
}

/// Runs a Python `script` that drives Datasette in process, given the database and the
/// metadata file as its arguments.
fn run_with_datasette(env: &Env, script: &str, meta: &std::path::Path) -> std::process::Output {
    std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(env.db())
        .arg(meta)
        .output()
        .unwrap()
}

#[test]
#[ignore = "needs Datasette (pip install datasette); run by .ci/run"]
fn a_real_datasette_answers_every_canned_query() {
    let env = seeded();
    // One official record, so that the reports over votes have a row to give.
    env.write(
        "record.json",
        r#"{"symbol": "S/RES/1889 (2009)", "adoption_date": "5 October 2009", "adoption_type": "Adopted unanimously, 6196th meeting", "MS_in_favour_count": "15", "MS_against_count": "0", "MS_abstaining_count": "0", "MS_in_favour": ["CHINA", "FRANCE"], "sponsors": ["VIET NAM"]}"#,
    );
    env.expect(&["import", "record.json"], 0);
    let meta = env.path("metadata.json");
    std::fs::write(&meta, env.expect(&["datasette-metadata"], 0).stdout).unwrap();
    let script = r#"
import asyncio, json, sys, urllib.parse
from datasette.app import Datasette
db, meta = sys.argv[1], sys.argv[2]
metadata = json.load(open(meta))
ds = Datasette([db], metadata=metadata)
params = {"q": "维持 和平", "id": "1", "symbol": "", "since": "2000-01-01",
          "language": "", "type": "", "from": "", "to": ""}
async def main():
    for name, q in metadata["databases"]["test"]["queries"].items():
        args = {p: params[p] for p in q.get("params", [])}
        if name == "decision":
            args["symbol"] = "S/RES/1889 (2009)"
        url = f"/test/{name}.json?_shape=array&" + urllib.parse.urlencode(args)
        r = await ds.client.get(url)
        rows = r.json()
        assert r.status_code == 200, (name, r.status_code, r.text[:500])
        assert isinstance(rows, list) and rows, (name, rows)
        print(name, len(rows))
asyncio.run(main())
"#;
    let out = run_with_datasette(&env, script, &meta);
    assert_exit(&out, 0, &["python3", "datasette"]);
    assert!(stdout(&out).contains("search "), "{}", stdout(&out));
}

#[test]
fn report_pages_link_the_index_their_data_and_say_when() {
    let env = seeded();
    env.write(
        "mine/many.sql",
        "-- name: many\n-- title: Many rows\n-- description: 1,500 rows.\nWITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1500) SELECT x, 'نص' AS text FROM n\n",
    );
    let site = env.path("site");
    env.expect(
        &[
            "report",
            "--all",
            "--out",
            p(&site),
            "--reports-dir",
            p(&env.path("mine")),
        ],
        0,
    );
    let page = std::fs::read_to_string(site.join("many.html")).unwrap();
    assert!(
        page.contains("<a href=\"index.html\">"),
        "no link to the index"
    );
    assert!(page.contains("generated by councildb on "), "no time");
    assert!(page.contains("the first 1000 of 1500 rows"), "no cap");
    assert!(page.contains("<a href=\"many.csv\">all 1500 rows as CSV</a>"));
    // The header row and the first 1,000.
    assert_eq!(page.matches("<tr>").count(), 1001);
    assert!(page.contains("<td dir=\"auto\">نص</td>"));
    let csv = std::fs::read_to_string(site.join("many.csv")).unwrap();
    assert_eq!(csv.lines().count(), 1501);
    let tags = std::fs::read_to_string(site.join("tags.html")).unwrap();
    assert!(tags.contains("<a href=\"tags.csv\">as CSV</a>"));
}

#[test]
#[ignore = "needs Datasette and sqlite-utils (pip install datasette sqlite-utils); run by .ci/run"]
fn datasette_and_sqlite_utils_find_the_full_text_index() {
    let env = seeded();
    let script = r#"
import asyncio, json, sys
from datasette.app import Datasette
ds = Datasette([sys.argv[1]], metadata=json.load(open(sys.argv[2])))
async def main():
    every = (await ds.client.get("/test/clauses.json?_shape=array&_size=max")).json()
    found = (await ds.client.get("/test/clauses.json?_shape=array&_size=max&_search=peacekeeping")).json()
    assert found and len(found) < len(every), (len(found), len(every))
    page = (await ds.client.get("/test/clauses")).text
    assert 'name="_search"' in page, "no search box"
    facets = (await ds.client.get("/test/statement_overview.json?_facet_array=tag_list")).json()
    tags = facets["facet_results"]["tag_list"]["results"]
    assert any(t["value"] == "PEACEKEEPING OPERATIONS" for t in tags), tags
    print(len(found), len(every))
asyncio.run(main())
"#;
    let meta = env.path("metadata.json");
    std::fs::write(&meta, env.expect(&["datasette-metadata"], 0).stdout).unwrap();
    let out = run_with_datasette(&env, script, &meta);
    assert_exit(&out, 0, &["python3", "datasette _search"]);
    let out = std::process::Command::new("sqlite-utils")
        .args([
            "search",
            p(&env.db()),
            "clauses",
            "peacekeeping",
            "--limit",
            "3",
        ])
        .output()
        .unwrap();
    assert_exit(&out, 0, &["sqlite-utils", "search"]);
    assert!(stdout(&out).contains("text"), "{}", stdout(&out));
}

#[test]
fn very_common_words_are_listed_newest_first() {
    let env = Env::new();
    let corpus = env.path("corpus");
    write_corpus(&corpus, 1, 140);
    env.expect(&["import", p(&corpus)], 0);
    let hits = report_csv(&env, &["search", "--param", "q=维持和平"]);
    let total: usize = hits[0][8].parse().unwrap();
    assert!(
        total > 2000,
        "{total} matches: not the case this test is for"
    );
    assert_eq!(
        total.to_string(),
        env.scalar("SELECT count(*) FROM clauses WHERE replace(text, ' ', '') LIKE '%维持和平%'")
    );
    assert_eq!(hits.len(), 200);
    // The most recently imported first: statement ids never rise down the list.
    let ids: Vec<i64> = hits.iter().map(|r| r[0].parse().unwrap()).collect();
    assert!(ids.windows(2).all(|w| w[0] >= w[1]), "{ids:?}");
    assert_eq!(
        ids[0].to_string(),
        env.scalar("SELECT max(id) FROM statements")
    );
    assert!(hits.iter().all(|r| r[7].contains("[维持 和平]")));
}
