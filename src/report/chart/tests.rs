//! The charts drawn from small result sets: each kind, the axis, gaps and label spacing.

use super::*;
use rusqlite::types::Value;

fn rows(columns: &[&str], data: Vec<Vec<Value>>) -> ResultSet {
    ResultSet {
        columns: columns.iter().map(|c| c.to_string()).collect(),
        rows: data,
    }
}

#[test]
fn parses_specs() {
    assert_eq!(
        ChartSpec::parse("bars x=year y=a,b"),
        Ok(ChartSpec::Bars {
            x: "year".into(),
            ys: vec!["a".into(), "b".into()]
        })
    );
    assert_eq!(
        ChartSpec::parse("hbars label=tag value=n"),
        Ok(ChartSpec::HBars {
            label: "tag".into(),
            value: "n".into(),
            limit: 25
        })
    );
    assert!(ChartSpec::parse("pie x=1").is_err());
    assert!(ChartSpec::parse("bars x=year").is_err());
}

#[test]
fn a_year_with_nothing_is_a_gap() {
    let years: Vec<String> = ["2009", "2012", "(no date)"].map(String::from).to_vec();
    assert_eq!(
        with_missing_years(&years),
        ["2009", "2010", "2011", "2012", "(no date)"]
    );
    let sparse: Vec<String> = ["1946", "2009"].map(String::from).to_vec();
    assert_eq!(with_missing_years(&sparse), sparse);
    let t = |s: &str| Value::Text(s.into());
    let bars = ChartSpec::parse("bars x=year y=a").unwrap();
    let svg = bars
        .render(&rows(
            &["year", "a"],
            vec![
                vec![t("2009"), Value::Integer(3)],
                vec![t("2011"), Value::Integer(1)],
            ],
        ))
        .unwrap()
        .unwrap();
    assert!(svg.contains(">2010<"), "{svg}");
}

#[test]
fn month_labels_do_not_run_together() {
    let months: Vec<String> = (0..48)
        .map(|k| format!("20{:02}-{:02}", 10 + k / 12, 1 + k % 12))
        .collect();
    // 48 labels of 7 characters in 880 px: every third at most.
    let slot = (WIDTH - PLOT_LEFT - PLOT_RIGHT) / 48.0;
    assert!(label_step(&months, slot) >= 3);
    assert_eq!(label_step(&["2009".to_string()], 500.0), 1);
}

#[test]
fn draws_each_kind() {
    let t = |s: &str| Value::Text(s.into());
    let i = Value::Integer;
    let bars = ChartSpec::parse("bars x=year y=a,b").unwrap();
    let svg = bars
        .render(&rows(
            &["year", "a", "b"],
            vec![vec![t("2009"), i(3), i(1)], vec![t("2010"), i(0), i(2)]],
        ))
        .unwrap()
        .unwrap();
    assert_eq!(
        svg.matches("<rect x=").count(),
        2 + 3,
        "2 legend boxes and 3 non-empty segments: {svg}"
    );
    let hbars = ChartSpec::parse("hbars label=tag value=n limit=1").unwrap();
    let svg = hbars
        .render(&rows(
            &["tag", "n"],
            vec![vec![t("A & B"), i(5)], vec![t("C"), i(2)]],
        ))
        .unwrap()
        .unwrap();
    assert!(svg.contains("A &amp; B") && !svg.contains(">C<"), "{svg}");
    let lines = ChartSpec::parse("lines x=year y=n series=tag limit=1").unwrap();
    let svg = lines
        .render(&rows(
            &["year", "tag", "n"],
            vec![
                vec![t("2009"), t("X"), i(1)],
                vec![t("2010"), t("X"), i(4)],
                vec![t("2010"), t("Y"), i(2)],
            ],
        ))
        .unwrap()
        .unwrap();
    assert_eq!(svg.matches("<polyline").count(), 1);
    let grid = ChartSpec::parse("grid x=year y=n series=tag limit=2").unwrap();
    let svg = grid
        .render(&rows(
            &["year", "tag", "n"],
            vec![
                vec![t("2009"), t("X"), i(1)],
                vec![t("2011"), t("X"), i(4)],
                vec![t("2011"), t("Y"), i(2)],
            ],
        ))
        .unwrap()
        .unwrap();
    // Two tags by three years: 2010, which has no row, is a column of empty cells.
    assert_eq!(svg.matches("<rect").count(), 6, "{svg}");
    assert!(svg.contains(">2010<"), "{svg}");
    assert!(bars
        .render(&rows(&["year", "a", "b"], vec![]))
        .unwrap()
        .is_none());
    assert!(bars.render(&rows(&["nope"], vec![vec![t("x")]])).is_err());
}

#[test]
fn axis_is_round() {
    assert_eq!(axis(7.0), (8.0, 2.0));
    assert_eq!(axis(0.0), (1.0, 1.0));
    assert_eq!(axis(1234.0), (1500.0, 500.0));
}
