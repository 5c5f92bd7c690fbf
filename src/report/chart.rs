//! Inline SVG charts for html reports: stacked bars, horizontal bars and lines, drawn from a
//! report's rows as its `-- chart:` header says. No scripts, no network: the page stays
//! standalone.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::format::text;
use super::html::escape_html;
use super::query::ResultSet;

/// Okabe-Ito colours, distinguishable with colour-blindness.
const PALETTE: [&str; 8] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#7F7F7F", "#000000",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChartSpec {
    /// Vertical bars per `x`, one stacked segment per column of `ys`.
    Bars { x: String, ys: Vec<String> },
    /// Horizontal bars of `value` per `label`, the first `limit` rows.
    HBars {
        label: String,
        value: String,
        limit: usize,
    },
    /// A table of shaded cells: one row per `series` (the `limit` biggest), one column per `x`,
    /// each cell `y`: readable where a dozen crossing lines are not.
    Grid {
        x: String,
        y: String,
        series: String,
        limit: usize,
    },
    /// One line per `series` (the `limit` biggest), `y` over `x`.
    Lines {
        x: String,
        y: String,
        series: String,
        limit: usize,
    },
}

impl ChartSpec {
    /// Parses a header like `bars x=year y=a,b` or `lines x=year y=n series=tag limit=8`.
    pub fn parse(spec: &str) -> Result<ChartSpec, String> {
        let mut words = spec.split_whitespace();
        let kind = words.next().ok_or("empty chart line")?;
        let mut opts: BTreeMap<&str, &str> = BTreeMap::new();
        for w in words {
            let (k, v) = w
                .split_once('=')
                .ok_or_else(|| format!("chart option {w:?} is not KEY=VALUE"))?;
            opts.insert(k, v);
        }
        let get = |k: &str| {
            opts.get(k)
                .map(|v| v.to_string())
                .ok_or_else(|| format!("{kind} chart needs {k}="))
        };
        let limit = |default: usize| {
            opts.get("limit")
                .map(|v| v.parse().map_err(|_| format!("limit={v} is not a number")))
                .unwrap_or(Ok(default))
        };
        match kind {
            "bars" => Ok(ChartSpec::Bars {
                x: get("x")?,
                ys: get("y")?.split(',').map(String::from).collect(),
            }),
            "hbars" => Ok(ChartSpec::HBars {
                label: get("label")?,
                value: get("value")?,
                limit: limit(25)?,
            }),
            "grid" => Ok(ChartSpec::Grid {
                x: get("x")?,
                y: get("y")?,
                series: get("series")?,
                limit: limit(12)?,
            }),
            "lines" => Ok(ChartSpec::Lines {
                x: get("x")?,
                y: get("y")?,
                series: get("series")?,
                limit: limit(8)?,
            }),
            other => Err(format!(
                "unknown chart kind {other:?} (bars, hbars, grid or lines)"
            )),
        }
    }

    /// The SVG for `rows`, or None when there is nothing to draw.
    pub fn render(&self, rows: &ResultSet) -> Result<Option<String>, String> {
        let col = |name: &str| {
            rows.columns
                .iter()
                .position(|c| c == name)
                .ok_or_else(|| format!("chart column {name:?} is not in the result"))
        };
        let num =
            |r: &[rusqlite::types::Value], i: usize| text(&r[i]).parse::<f64>().unwrap_or(0.0);
        if rows.rows.is_empty() {
            return Ok(None);
        }
        match self {
            ChartSpec::Bars { x, ys } => {
                let xi = col(x)?;
                let yis = ys.iter().map(|y| col(y)).collect::<Result<Vec<_>, _>>()?;
                let given: Vec<String> = rows.rows.iter().map(|r| text(&r[xi])).collect();
                let labels = with_missing_years(&given);
                let series: Vec<(String, Vec<f64>)> = ys
                    .iter()
                    .zip(&yis)
                    .map(|(name, &i)| {
                        let at: BTreeMap<String, f64> = rows
                            .rows
                            .iter()
                            .map(|r| (text(&r[xi]), num(r, i)))
                            .collect();
                        let values = labels
                            .iter()
                            .map(|l| at.get(l.as_str()).copied().unwrap_or(0.0))
                            .collect();
                        (name.replace('_', " "), values)
                    })
                    .collect();
                Ok(Some(stacked_bars(&labels, &series)))
            }
            ChartSpec::HBars {
                label,
                value,
                limit,
            } => {
                let (li, vi) = (col(label)?, col(value)?);
                let bars: Vec<(String, f64)> = rows
                    .rows
                    .iter()
                    .take(*limit)
                    .map(|r| (text(&r[li]), num(r, vi)))
                    .collect();
                Ok(Some(horizontal_bars(&bars)))
            }
            ChartSpec::Lines {
                x,
                y,
                series,
                limit,
            }
            | ChartSpec::Grid {
                x,
                y,
                series,
                limit,
            } => {
                let (xi, yi, si) = (col(x)?, col(y)?, col(series)?);
                let mut xs: Vec<String> = rows.rows.iter().map(|r| text(&r[xi])).collect();
                xs.sort();
                xs.dedup();
                let xs = with_missing_years(&xs);
                let mut totals: BTreeMap<String, f64> = BTreeMap::new();
                let mut points: BTreeMap<(String, String), f64> = BTreeMap::new();
                for r in &rows.rows {
                    *totals.entry(text(&r[si])).or_default() += num(r, yi);
                    *points.entry((text(&r[si]), text(&r[xi]))).or_default() += num(r, yi);
                }
                let mut top: Vec<(String, f64)> = totals.into_iter().collect();
                top.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                let lines: Vec<(String, Vec<f64>)> = top
                    .into_iter()
                    .take(*limit)
                    .map(|(name, _)| {
                        let ys = xs
                            .iter()
                            .map(|x| {
                                points
                                    .get(&(name.clone(), x.clone()))
                                    .copied()
                                    .unwrap_or(0.0)
                            })
                            .collect();
                        (name, ys)
                    })
                    .collect();
                Ok(Some(match self {
                    ChartSpec::Grid { .. } => grid(&xs, &lines),
                    _ => line_chart(&xs, &lines),
                }))
            }
        }
    }
}

const WIDTH: f64 = 960.0;
const PLOT_LEFT: f64 = 56.0;
const PLOT_RIGHT: f64 = 24.0;

/// A round axis maximum and tick step for values up to `max`.
fn axis(max: f64) -> (f64, f64) {
    if max <= 0.0 {
        return (1.0, 1.0);
    }
    let raw = max / 4.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude)
        .max(1.0);
    ((max / step).ceil() * step, step)
}

fn open_svg(height: f64, title: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" height=\"{height}\" role=\"img\" aria-label=\"{}\" font-family=\"system-ui, sans-serif\" font-size=\"12\">\n",
        escape_html(title)
    )
}

fn y_axis(svg: &mut String, top: f64, plot_height: f64, max: f64, step: f64) {
    let mut v = 0.0;
    while v <= max + 1e-9 {
        let y = top + plot_height - v / max * plot_height;
        let _ = writeln!(
            svg,
            "<line x1=\"{PLOT_LEFT}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#e4e7eb\"/>",
            WIDTH - PLOT_RIGHT
        );
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#52606d\">{}</text>",
            PLOT_LEFT - 6.0,
            y + 4.0,
            v
        );
        v += step;
    }
}

/// Legend entries in a grid of three columns (long names cut to fit); returns the height used.
fn legend(svg: &mut String, names: &[&str]) -> f64 {
    const COLUMNS: usize = 3;
    const COLUMN_WIDTH: f64 = 300.0;
    const ROW: f64 = 20.0;
    for (k, name) in names.iter().enumerate() {
        let x = PLOT_LEFT + (k % COLUMNS) as f64 * COLUMN_WIDTH;
        let y = 16.0 + (k / COLUMNS) as f64 * ROW;
        let colour = PALETTE[k % PALETTE.len()];
        let shown: String = if name.chars().count() > 34 {
            name.chars().take(33).chain(['…']).collect()
        } else {
            name.to_string()
        };
        let _ = writeln!(
            svg,
            "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"12\" height=\"12\" fill=\"{colour}\"/>",
            y - 10.0
        );
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{y:.1}\"><title>{}</title>{}</text>",
            x + 16.0,
            escape_html(name),
            escape_html(&shown)
        );
    }
    names.len().div_ceil(COLUMNS) as f64 * ROW
}

/// The x labels with the years that have no row put back in (with zeros), so that a year
/// with nothing shows as a gap instead of disappearing. Labels that are not years (a "(no
/// date)") keep their place after the years.
fn with_missing_years(labels: &[String]) -> Vec<String> {
    let year = |l: &String| {
        (l.len() == 4)
            .then(|| l.parse::<i32>().ok())
            .flatten()
            .filter(|y| (1900..=2200).contains(y))
    };
    let years: Vec<i32> = labels.iter().filter_map(year).collect();
    let (Some(&first), Some(&last)) = (years.iter().min(), years.iter().max()) else {
        return labels.to_vec();
    };
    // A span that is mostly holes is not a timeline worth filling.
    if years.len() < 2 || (last - first) as usize > 4 * years.len() + 20 {
        return labels.to_vec();
    }
    (first..=last)
        .map(|y| y.to_string())
        .chain(labels.iter().filter(|l| year(l).is_none()).cloned())
        .collect()
}

/// Shows every k-th x label so that labels do not run into each other: a label takes about
/// 7 px a character (the page's font at the chart's size) and a little room around it.
fn label_step(labels: &[String], slot: f64) -> usize {
    let widest = labels.iter().map(|l| l.chars().count()).max().unwrap_or(1) as f64;
    let needed = widest * 7.0 + 8.0;
    ((needed / slot).ceil() as usize)
        .max(1)
        .min(labels.len().max(1))
}

fn stacked_bars(labels: &[String], series: &[(String, Vec<f64>)]) -> String {
    let names: Vec<&str> = series.iter().map(|s| s.0.as_str()).collect();
    let (top, plot_height) = (names.len().div_ceil(3) as f64 * 20.0 + 16.0, 240.0);
    let height = top + plot_height + 40.0;
    let totals: Vec<f64> = (0..labels.len())
        .map(|i| series.iter().map(|s| s.1[i]).sum())
        .collect();
    let (max, step) = axis(totals.iter().copied().fold(0.0, f64::max));
    let mut svg = open_svg(height, "bar chart");
    legend(&mut svg, &names);
    y_axis(&mut svg, top, plot_height, max, step);
    let slot = (WIDTH - PLOT_LEFT - PLOT_RIGHT) / labels.len().max(1) as f64;
    let every = label_step(labels, slot);
    for (i, label) in labels.iter().enumerate() {
        let x = PLOT_LEFT + i as f64 * slot + slot * 0.15;
        let mut base = top + plot_height;
        for (k, (name, values)) in series.iter().enumerate() {
            let h = values[i] / max * plot_height;
            if h > 0.0 {
                let _ = writeln!(
                    svg,
                    "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{h:.1}\" fill=\"{}\"><title>{} {}: {}</title></rect>",
                    base - h,
                    slot * 0.7,
                    PALETTE[k % PALETTE.len()],
                    escape_html(label),
                    escape_html(name),
                    values[i]
                );
            }
            base -= h;
        }
        if i % every == 0 {
            let _ = writeln!(
                svg,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#52606d\">{}</text>",
                x + slot * 0.35,
                top + plot_height + 18.0,
                escape_html(label)
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

fn horizontal_bars(bars: &[(String, f64)]) -> String {
    let row = 22.0;
    let label_width = 300.0;
    let height = bars.len() as f64 * row + 16.0;
    let max = bars.iter().map(|b| b.1).fold(0.0, f64::max).max(1.0);
    let mut svg = open_svg(height, "bar chart");
    let room = WIDTH - label_width - 80.0;
    for (i, (label, value)) in bars.iter().enumerate() {
        let y = 8.0 + i as f64 * row;
        let shown: String = if label.chars().count() > 44 {
            label.chars().take(43).chain(['…']).collect()
        } else {
            label.clone()
        };
        let w = value / max * room;
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            label_width - 8.0,
            y + 14.0,
            escape_html(&shown)
        );
        let _ = writeln!(svg, "<rect x=\"{label_width}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{:.1}\" fill=\"{}\"><title>{}: {value}</title></rect>", row - 6.0, PALETTE[0], escape_html(label));
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" fill=\"#52606d\">{value}</text>",
            label_width + w + 6.0,
            y + 14.0
        );
    }
    svg.push_str("</svg>");
    svg
}

fn line_chart(xs: &[String], lines: &[(String, Vec<f64>)]) -> String {
    let top = lines.len().div_ceil(3).max(1) as f64 * 20.0 + 16.0;
    let plot_height = 240.0;
    let height = top + plot_height + 40.0;
    let (max, step) = axis(
        lines
            .iter()
            .flat_map(|l| l.1.iter().copied())
            .fold(0.0, f64::max),
    );
    let mut svg = open_svg(height, "line chart");
    let names: Vec<&str> = lines.iter().map(|l| l.0.as_str()).collect();
    legend(&mut svg, &names);
    y_axis(&mut svg, top, plot_height, max, step);
    let slot = (WIDTH - PLOT_LEFT - PLOT_RIGHT) / xs.len().max(1) as f64;
    let every = label_step(xs, slot);
    let x_at = |i: usize| PLOT_LEFT + slot * (i as f64 + 0.5);
    for (i, x) in xs.iter().enumerate() {
        if i % every == 0 {
            let _ = writeln!(
                svg,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#52606d\">{}</text>",
                x_at(i),
                top + plot_height + 18.0,
                escape_html(x)
            );
        }
    }
    for (k, (name, ys)) in lines.iter().enumerate() {
        let colour = PALETTE[k % PALETTE.len()];
        let points: Vec<String> = ys
            .iter()
            .enumerate()
            .map(|(i, y)| {
                format!(
                    "{:.1},{:.1}",
                    x_at(i),
                    top + plot_height - y / max * plot_height
                )
            })
            .collect();
        let _ = writeln!(svg, "<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{}\"><title>{}</title></polyline>", points.join(" "), escape_html(name));
        for (i, y) in ys.iter().enumerate() {
            let _ = writeln!(svg, "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"{colour}\"><title>{} {}: {y}</title></circle>", x_at(i), top + plot_height - y / max * plot_height, escape_html(name), escape_html(&xs[i]));
        }
    }
    svg.push_str("</svg>");
    svg
}

/// A grid of shaded cells: one row per series, one column per x value, the value in each.
fn grid(xs: &[String], rows: &[(String, Vec<f64>)]) -> String {
    let (row_height, label_width, header) = (22.0, 240.0, 28.0);
    let height = header + rows.len() as f64 * row_height + 8.0;
    let max = rows
        .iter()
        .flat_map(|r| r.1.iter().copied())
        .fold(0.0, f64::max)
        .max(1.0);
    let cell = ((WIDTH - label_width - 8.0) / xs.len().max(1) as f64).min(64.0);
    let every = label_step(xs, cell);
    let mut svg = open_svg(height, "grid");
    for (i, x) in xs.iter().enumerate() {
        if i % every == 0 {
            let _ = writeln!(
                svg,
                "<text x=\"{:.1}\" y=\"18\" text-anchor=\"middle\" fill=\"#52606d\">{}</text>",
                label_width + cell * (i as f64 + 0.5),
                escape_html(x)
            );
        }
    }
    for (k, (name, values)) in rows.iter().enumerate() {
        let y = header + k as f64 * row_height;
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#1f2933\">{}</text>",
            label_width - 8.0,
            y + row_height * 0.7,
            escape_html(name)
        );
        for (i, v) in values.iter().enumerate() {
            // Darker for more; an empty cell stays white, a gap.
            let shade = if *v > 0.0 { 0.15 + 0.85 * v / max } else { 0.0 };
            let _ = writeln!(
                svg,
                "<rect x=\"{:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"#3b82f6\" fill-opacity=\"{shade:.2}\" stroke=\"#e4e7eb\"><title>{} {}: {v}</title></rect>",
                label_width + cell * i as f64,
                cell,
                row_height,
                escape_html(name),
                escape_html(&xs[i])
            );
        }
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests;
