//! Draws the comparison chart as hand-written SVG: one row per program (plus
//! the geometric mean), one bar per interpreter drawn from the baseline's 1×
//! line on a shared log-scale axis, a panel for wall time and one for the
//! steady state, a legend and a title with the date and machine.

use std::fmt::Write;

use crate::report::ratio;
use crate::suite::{Metric, Results};

const PALETTE: [&str; 8] = [
    "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1", "#edc948", "#9c755f",
];
const LABEL_W: f64 = 150.0;
const PANEL_W: f64 = 400.0;
const GAP: f64 = 40.0;
const BAR_H: f64 = 11.0;
const TOP: f64 = 110.0;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

enum Bar {
    Value(f64),
    Failed,
    Missing,
}

fn tick_label(e: i32, m: f64) -> String {
    let v = if e >= 0 {
        m * 10f64.powi(e)
    } else {
        m / 10f64.powi(-e)
    };
    format!("{v}×")
}

/// The chart for `r` (empty axes when nothing could be compared).
pub fn chart(r: &Results, title: &str, subtitle: &str) -> String {
    let metrics: Vec<Metric> = if r.config.steady > 0 {
        vec![Metric::Wall, Metric::Steady]
    } else {
        vec![Metric::Wall]
    };
    let shown: Vec<usize> = (0..r.interps.len())
        .filter(|&k| Some(k) != r.baseline)
        .collect();
    let colour =
        |k: usize| PALETTE[shown.iter().position(|&s| s == k).unwrap_or(0) % PALETTE.len()];

    // rows: programs then geomean; bars[metric][row][shown index]
    let mut labels: Vec<String> = r.programs.iter().map(|p| p.name.clone()).collect();
    labels.push("geomean".into());
    let bars: Vec<Vec<Vec<Bar>>> = metrics
        .iter()
        .map(|&m| {
            let mut rows: Vec<Vec<Bar>> = (0..r.programs.len())
                .map(|p| {
                    shown
                        .iter()
                        .map(|&k| match r.ratio(p, k, m) {
                            Some(x) => Bar::Value(x),
                            None => {
                                let cell = &r.cells[p][k];
                                let failed = cell.error().is_some()
                                    || (m == Metric::Steady && cell.steady_error().is_some());
                                if failed { Bar::Failed } else { Bar::Missing }
                            }
                        })
                        .collect()
                })
                .collect();
            rows.push(
                shown
                    .iter()
                    .map(|&k| match r.geomean(k, m) {
                        Some((g, _)) => Bar::Value(g),
                        None => Bar::Missing,
                    })
                    .collect(),
            );
            rows
        })
        .collect();

    let (mut lo, mut hi) = (0.0f64, 0.0f64);
    for rows in &bars {
        for row in rows {
            for b in row {
                if let Bar::Value(x) = b {
                    lo = lo.min(x.log10());
                    hi = hi.max(x.log10());
                }
            }
        }
    }
    let lo = lo - 0.35;
    let hi = hi + 0.35;
    let span = hi - lo;

    let per_row = shown.len().max(1) as f64 * BAR_H + 10.0;
    let rows_h = per_row * labels.len() as f64;
    let width = LABEL_W + metrics.len() as f64 * (PANEL_W + GAP);
    let height = TOP + rows_h + 60.0;

    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" font-family="Helvetica, Arial, sans-serif" font-size="11">"#
    );
    let _ = writeln!(s, r#"<rect width="100%" height="100%" fill="white"/>"#);
    let _ = writeln!(
        s,
        r#"<text x="12" y="22" font-size="15" font-weight="bold">{}</text>"#,
        esc(title)
    );
    let _ = writeln!(
        s,
        r##"<text x="12" y="40" fill="#444">{}</text>"##,
        esc(subtitle)
    );

    // legend
    let mut lx = 12.0;
    let ly = 60.0;
    if let Some(b) = r.baseline {
        let _ = writeln!(
            s,
            r##"<line x1="{lx}" y1="{}" x2="{}" y2="{}" stroke="#000" stroke-width="2"/><text x="{}" y="{}">{} = 1× (baseline)</text>"##,
            ly - 4.0,
            lx + 14.0,
            ly - 4.0,
            lx + 18.0,
            ly,
            esc(&r.interps[b].name)
        );
        lx += 40.0 + 7.0 * (r.interps[b].name.len() as f64 + 16.0);
    }
    for &k in &shown {
        let _ = writeln!(
            s,
            r#"<rect x="{lx}" y="{}" width="12" height="10" fill="{}"/><text x="{}" y="{ly}">{}</text>"#,
            ly - 9.0,
            colour(k),
            lx + 16.0,
            esc(&r.interps[k].name)
        );
        lx += 30.0 + 7.0 * r.interps[k].name.len() as f64;
    }

    // row backgrounds and labels
    for (n, label) in labels.iter().enumerate() {
        let y = TOP + n as f64 * per_row;
        if n % 2 == 0 {
            let _ = writeln!(
                s,
                r##"<rect x="0" y="{y}" width="{width:.0}" height="{per_row}" fill="#f4f4f4"/>"##
            );
        }
        let weight = if n == labels.len() - 1 {
            "bold"
        } else {
            "normal"
        };
        let _ = writeln!(
            s,
            r#"<text x="{}" y="{}" text-anchor="end" font-weight="{weight}">{}</text>"#,
            LABEL_W - 8.0,
            y + per_row / 2.0 + 4.0,
            esc(label)
        );
    }
    let gy = TOP + (labels.len() - 1) as f64 * per_row;
    let _ = writeln!(
        s,
        r##"<line x1="0" y1="{gy}" x2="{width:.0}" y2="{gy}" stroke="#888"/>"##
    );

    for (mi, &metric) in metrics.iter().enumerate() {
        let px = LABEL_W + mi as f64 * (PANEL_W + GAP);
        let x = |v: f64| px + (v.log10() - lo) / span * PANEL_W;
        let heading = match metric {
            Metric::Wall => "Wall time per run (whole process)",
            Metric::Steady => "Steady state per iteration (after warm-up)",
        };
        let _ = writeln!(
            s,
            r#"<text x="{}" y="{}" text-anchor="middle" font-weight="bold">{heading}</text>"#,
            px + PANEL_W / 2.0,
            TOP - 12.0
        );
        // ticks and grid
        let steps: &[f64] = if span <= 3.5 {
            &[1.0, 2.0, 5.0]
        } else {
            &[1.0]
        };
        let bottom = TOP + rows_h;
        for e in (lo.floor() as i32)..=(hi.ceil() as i32) {
            for &m in steps {
                let v = if e >= 0 {
                    m * 10f64.powi(e)
                } else {
                    m / 10f64.powi(-e)
                };
                let l = v.log10();
                if l < lo || l > hi {
                    continue;
                }
                let tx = x(v);
                let (stroke, w) = if m == 1.0 {
                    ("#bbb", 1.0)
                } else {
                    ("#ddd", 0.7)
                };
                let _ = writeln!(
                    s,
                    r##"<line x1="{tx:.1}" y1="{TOP}" x2="{tx:.1}" y2="{bottom}" stroke="{stroke}" stroke-width="{w}"/><text x="{tx:.1}" y="{}" text-anchor="middle" fill="#444" font-size="10">{}</text>"##,
                    bottom + 14.0,
                    tick_label(e, m)
                );
            }
        }
        let _ = writeln!(
            s,
            r##"<text x="{}" y="{}" text-anchor="middle" fill="#444">time relative to baseline (log scale; left of 1× is faster)</text>"##,
            px + PANEL_W / 2.0,
            bottom + 32.0
        );
        let one = x(1.0);
        for (n, row) in bars[mi].iter().enumerate() {
            let y0 = TOP + n as f64 * per_row + 5.0;
            for (j, b) in row.iter().enumerate() {
                let y = y0 + j as f64 * BAR_H;
                let c = colour(shown[j]);
                match b {
                    Bar::Value(v) => {
                        let bx = x(*v);
                        let (left, w) = if bx < one {
                            (bx, one - bx)
                        } else {
                            (one, bx - one)
                        };
                        let _ = writeln!(
                            s,
                            r#"<rect x="{left:.1}" y="{y:.1}" width="{:.1}" height="{}" fill="{c}"><title>{}: ×{}</title></rect>"#,
                            w.max(1.0),
                            BAR_H - 2.0,
                            esc(&r.interps[shown[j]].name),
                            ratio(*v)
                        );
                        let (tx, anchor) = if bx < one {
                            (bx - 3.0, "end")
                        } else {
                            (bx + 3.0, "start")
                        };
                        let _ = writeln!(
                            s,
                            r##"<text x="{tx:.1}" y="{:.1}" text-anchor="{anchor}" font-size="9" fill="#222">{}</text>"##,
                            y + BAR_H - 3.0,
                            ratio(*v)
                        );
                    }
                    Bar::Failed => {
                        let _ = writeln!(
                            s,
                            r#"<text x="{:.1}" y="{:.1}" font-size="9" fill="{c}">✗ failed</text>"#,
                            one + 3.0,
                            y + BAR_H - 3.0
                        );
                    }
                    Bar::Missing => {}
                }
            }
        }
        let _ = writeln!(
            s,
            r##"<line x1="{one:.1}" y1="{}" x2="{one:.1}" y2="{}" stroke="#000" stroke-width="1.5"/>"##,
            TOP - 4.0,
            TOP + rows_h
        );
    }
    s.push_str("</svg>\n");
    s
}
