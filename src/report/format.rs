//! Result sets in every output format: table, csv, tsv, json, jsonl, markdown and html (the
//! page itself is `html`'s). Used by `sql` and `report`; knows nothing of where the rows came
//! from.

use std::io::{self, Write};

use rusqlite::types::Value;

use super::html;
use super::query::ResultSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Tsv,
    Json,
    Jsonl,
    Markdown,
    Html,
}

impl Format {
    /// `table` on a terminal, `csv` when the output goes to a file or a pipe.
    pub fn default_for(out_is_terminal: bool) -> Format {
        if out_is_terminal {
            Format::Table
        } else {
            Format::Csv
        }
    }

    /// True when rows can be written as they come (csv, tsv, json, jsonl).
    pub fn streams(self) -> bool {
        matches!(
            self,
            Format::Csv | Format::Tsv | Format::Json | Format::Jsonl
        )
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Table => "txt",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }
}

/// Text for a terminal: control characters (an escape sequence in a file name, a carriage
/// return) shown as escapes instead of acting on the terminal.
pub fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    escape_controls(text, |c| c.is_control())
}

fn escape_controls(text: &str, escaped: impl Fn(char) -> bool) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(&escaped) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escaped(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Text of a value as shown in text formats; NULL is empty.
pub fn text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Integer(i) => i.to_string(),
        Value::Real(f) => f.to_string(),
        Value::Text(s) => s.clone(),
        Value::Blob(b) => format!(
            "x'{}'",
            b.iter().map(|x| format!("{x:02x}")).collect::<String>()
        ),
    }
}

fn json_value(value: &Value) -> serde_json::Value {
    match value {
        Value::Null => serde_json::Value::Null,
        Value::Integer(i) => (*i).into(),
        Value::Real(f) => serde_json::Number::from_f64(*f)
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::Null),
        other => text(other).into(),
    }
}

fn json_object(columns: &[String], row: &[Value]) -> serde_json::Value {
    let map: serde_json::Map<String, serde_json::Value> = columns
        .iter()
        .zip(row)
        .map(|(c, v)| (c.clone(), json_value(v)))
        .collect();
    serde_json::Value::Object(map)
}

/// Cells longer than this are cut in the `table` format, which is for reading on a terminal;
/// every other format gives them whole.
const TABLE_CELL_CHARS: usize = 100;

fn cut(s: &str) -> String {
    if s.chars().count() <= TABLE_CELL_CHARS {
        return s.to_string();
    }
    let mut out: String = s.chars().take(TABLE_CELL_CHARS - 1).collect();
    out.push('…');
    out
}

/// Everything an html page needs besides the rows.
pub struct Page<'a> {
    pub title: &'a str,
    pub description: &'a str,
    /// An inline SVG chart to show above the table, if the report has one.
    pub chart: Option<String>,
    /// The file beside the page with every row (on a page of a folder of reports).
    pub full_data: Option<&'a str>,
    /// True on a page of a folder of reports, which links back to the folder's index.
    pub in_folder: bool,
}

/// Rows written as they come, for the formats that need not see the whole result first.
pub trait RowSink {
    fn row(&mut self, row: &[Value]) -> io::Result<()>;
    fn finish(self: Box<Self>) -> io::Result<()>;
}

/// A sink for `format` writing to `out`, for a format that streams (`Format::streams`); the
/// table, markdown and html formats need the whole result (column widths, a page): `write`.
pub fn streaming<'w>(
    format: Format,
    out: &'w mut dyn Write,
    columns: &[String],
) -> io::Result<Box<dyn RowSink + 'w>> {
    Ok(match format {
        Format::Csv | Format::Tsv => {
            let mut w = csv::WriterBuilder::new()
                .delimiter(if format == Format::Csv { b',' } else { b'\t' })
                .from_writer(out);
            w.write_record(columns)?;
            Box::new(DelimitedSink(w))
        }
        Format::Jsonl | Format::Json => Box::new(JsonSink {
            out,
            columns: columns.to_vec(),
            array: format == Format::Json,
            rows: 0,
        }),
        Format::Table | Format::Markdown | Format::Html => {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "this format needs the whole result: use format::write",
            ))
        }
    })
}

struct DelimitedSink<'w>(csv::Writer<&'w mut dyn Write>);

impl RowSink for DelimitedSink<'_> {
    fn row(&mut self, row: &[Value]) -> io::Result<()> {
        Ok(self.0.write_record(row.iter().map(text))?)
    }

    fn finish(mut self: Box<Self>) -> io::Result<()> {
        self.0.flush()
    }
}

struct JsonSink<'w> {
    out: &'w mut dyn Write,
    columns: Vec<String>,
    /// One array of objects (json) rather than one object a line (jsonl).
    array: bool,
    rows: usize,
}

impl RowSink for JsonSink<'_> {
    fn row(&mut self, row: &[Value]) -> io::Result<()> {
        let object = json_object(&self.columns, row);
        if self.array {
            self.out
                .write_all(if self.rows == 0 { b"[\n  " } else { b",\n  " })?;
            serde_json::to_writer(&mut *self.out, &object)?;
        } else {
            serde_json::to_writer(&mut *self.out, &object)?;
            writeln!(self.out)?;
        }
        self.rows += 1;
        Ok(())
    }

    fn finish(self: Box<Self>) -> io::Result<()> {
        if self.array {
            self.out
                .write_all(if self.rows == 0 { b"[]\n" } else { b"\n]\n" })?;
        }
        Ok(())
    }
}

pub fn write(out: &mut dyn Write, format: Format, rows: &ResultSet, page: &Page) -> io::Result<()> {
    match format {
        Format::Table => write_table(out, rows),
        Format::Csv => write_delimited(out, rows, b','),
        Format::Tsv => write_delimited(out, rows, b'\t'),
        Format::Json => {
            let all: Vec<serde_json::Value> = rows
                .rows
                .iter()
                .map(|r| json_object(&rows.columns, r))
                .collect();
            serde_json::to_writer_pretty(&mut *out, &all)?;
            writeln!(out)
        }
        Format::Jsonl => {
            for r in &rows.rows {
                serde_json::to_writer(&mut *out, &json_object(&rows.columns, r))?;
                writeln!(out)?;
            }
            Ok(())
        }
        Format::Markdown => write_markdown(out, rows),
        Format::Html => html::write_page(out, rows, page),
    }
}

fn write_table(out: &mut dyn Write, rows: &ResultSet) -> io::Result<()> {
    let mut table = comfy_table::Table::new();
    table.load_preset(comfy_table::presets::UTF8_FULL_CONDENSED);
    // On a terminal, the table fits its width (cells wrap); elsewhere it keeps its own.
    table.set_content_arrangement(comfy_table::ContentArrangement::Dynamic);
    table.set_header(rows.columns.clone());
    for r in &rows.rows {
        // Line breaks stay (a cell may span lines); other control characters are escaped.
        let cell = |v| cut(&escape_controls(&text(v), |c| c.is_control() && c != '\n'));
        table.add_row(r.iter().map(cell).collect::<Vec<_>>());
    }
    writeln!(out, "{table}")?;
    writeln!(
        out,
        "({} row{})",
        rows.rows.len(),
        if rows.rows.len() == 1 { "" } else { "s" }
    )
}

fn write_delimited(out: &mut dyn Write, rows: &ResultSet, delimiter: u8) -> io::Result<()> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(out);
    w.write_record(&rows.columns)?;
    for r in &rows.rows {
        w.write_record(r.iter().map(text))?;
    }
    w.flush()
}

fn markdown_cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', "<br>")
}

fn write_markdown(out: &mut dyn Write, rows: &ResultSet) -> io::Result<()> {
    let header: Vec<String> = rows.columns.iter().map(|c| markdown_cell(c)).collect();
    writeln!(out, "| {} |", header.join(" | "))?;
    writeln!(out, "|{}|", vec!["---"; rows.columns.len()].join("|"))?;
    for r in &rows.rows {
        let cells: Vec<String> = r.iter().map(|v| markdown_cell(&text(v))).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> ResultSet {
        ResultSet {
            columns: vec!["name".into(), "n".into(), "note".into()],
            rows: vec![
                vec![
                    Value::Text("PEACEBUILDING".into()),
                    Value::Integer(3),
                    Value::Null,
                ],
                vec![
                    Value::Text("a|b, \"c\" <d>".into()),
                    Value::Real(1.5),
                    Value::Text("安理会".into()),
                ],
            ],
        }
    }

    fn render(format: Format) -> String {
        let mut out = Vec::new();
        write(
            &mut out,
            format,
            &sample(),
            &Page {
                title: "T & t",
                description: "d",
                chart: None,
                full_data: None,
                in_folder: false,
            },
        )
        .unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn every_format() {
        let cases: &[(Format, &[&str])] = &[
            (
                Format::Csv,
                &[
                    "name,n,note\n",
                    "PEACEBUILDING,3,\n",
                    "\"a|b, \"\"c\"\" <d>\",1.5,安理会\n",
                ],
            ),
            (Format::Tsv, &["name\tn\tnote\n", "PEACEBUILDING\t3\t\n"]),
            (
                Format::Json,
                &[
                    "\"name\": \"PEACEBUILDING\"",
                    "\"n\": 3",
                    "\"note\": null",
                    "\"n\": 1.5",
                ],
            ),
            (
                Format::Jsonl,
                &["{\"name\":\"PEACEBUILDING\",\"n\":3,\"note\":null}\n"],
            ),
            (
                Format::Markdown,
                &[
                    "| name | n | note |\n|---|---|---|\n",
                    "| a\\|b, \"c\" <d> | 1.5 | 安理会 |",
                ],
            ),
            (
                Format::Html,
                &[
                    "<title>T &amp; t</title>",
                    "<td dir=\"auto\">a|b, &quot;c&quot; &lt;d&gt;</td>",
                    "<td class=\"num\">3</td>",
                ],
            ),
            (Format::Table, &["PEACEBUILDING", "安理会", "(2 rows)"]),
        ];
        for (format, wants) in cases {
            let got = render(*format);
            for want in *wants {
                assert!(got.contains(want), "{format:?}: {want:?} not in\n{got}");
            }
        }
        let parsed: serde_json::Value = serde_json::from_str(&render(Format::Json)).unwrap();
        assert_eq!(parsed.as_array().unwrap().len(), 2);
        // Column order is kept.
        assert!(
            render(Format::Json).find("\"name\"").unwrap()
                < render(Format::Json).find("\"note\"").unwrap()
        );
    }

    #[test]
    fn table_cuts_long_cells_only() {
        let long = "x".repeat(500);
        let rows = ResultSet {
            columns: vec!["c".into()],
            rows: vec![vec![Value::Text(long.clone())]],
        };
        let page = Page {
            title: "",
            description: "",
            chart: None,
            full_data: None,
            in_folder: false,
        };
        let mut table = Vec::new();
        write(&mut table, Format::Table, &rows, &page).unwrap();
        assert!(!String::from_utf8(table).unwrap().contains(&long));
        let mut csv = Vec::new();
        write(&mut csv, Format::Csv, &rows, &page).unwrap();
        assert!(String::from_utf8(csv).unwrap().contains(&long));
    }
}
