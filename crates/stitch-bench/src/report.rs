//! Writes the Markdown report (tables of wall time, steady state, peak RSS,
//! output checks, summary with geometric means and startup) and a TSV file
//! with every raw sample.

use std::fmt::Write;

use crate::suite::{Metric, Results, Sample};

/// Format seconds with about three significant digits.
pub fn secs(s: f64) -> String {
    if s >= 100.0 {
        format!("{s:.0} s")
    } else if s >= 10.0 {
        format!("{s:.1} s")
    } else if s >= 1.0 {
        format!("{s:.2} s")
    } else if s >= 0.001 {
        format!("{:.1} ms", s * 1000.0)
    } else {
        format!("{:.0} µs", s * 1e6)
    }
}

/// Format a ratio with two or three significant digits.
pub fn ratio(r: f64) -> String {
    if r >= 100.0 {
        format!("{r:.0}")
    } else if r >= 10.0 {
        format!("{r:.1}")
    } else if r >= 0.1 {
        format!("{r:.2}")
    } else {
        format!("{r:.3}")
    }
}

fn header(r: &Results, first: &str) -> String {
    let mut s = format!("| {first} |");
    for i in &r.interps {
        let _ = write!(s, " {} |", i.name);
    }
    s.push_str("\n|---|");
    for _ in &r.interps {
        s.push_str("---:|");
    }
    s.push('\n');
    s
}

fn time_table(r: &Results, metric: Metric) -> String {
    let mut s = header(r, "program");
    for (p, prog) in r.programs.iter().enumerate() {
        let _ = write!(s, "| {} |", prog.name);
        for k in 0..r.interps.len() {
            let cell = &r.cells[p][k];
            let text = match r.value(p, k, metric) {
                Some(v) => match r.ratio(p, k, metric) {
                    Some(x) if Some(k) != r.baseline => format!("{} ×{}", secs(v), ratio(x)),
                    _ => secs(v),
                },
                None => {
                    let failed = match metric {
                        Metric::Wall => cell.error().is_some(),
                        Metric::Steady => cell.error().is_some() || cell.steady_error().is_some(),
                    };
                    if failed { "✗ failed" } else { "–" }.to_string()
                }
            };
            let _ = write!(s, " {text} |");
        }
        s.push('\n');
    }
    s.push_str("| **geomean** |");
    for k in 0..r.interps.len() {
        let text = match r.geomean(k, metric) {
            Some((g, n)) => format!("**×{}** ({n})", ratio(g)),
            None => "–".into(),
        };
        let _ = write!(s, " {text} |");
    }
    s.push('\n');
    s
}

fn rss_table(r: &Results) -> String {
    let mut s = header(r, "program");
    for (p, prog) in r.programs.iter().enumerate() {
        let _ = write!(s, "| {} |", prog.name);
        for k in 0..r.interps.len() {
            let text = match r.cells[p][k].rss_mib() {
                Some(m) => format!("{m:.1}"),
                None => "–".into(),
            };
            let _ = write!(s, " {text} |");
        }
        s.push('\n');
    }
    s
}

fn check_table(r: &Results) -> String {
    let mut s = header(r, "program");
    for (p, prog) in r.programs.iter().enumerate() {
        let _ = write!(s, "| {} |", prog.name);
        for k in 0..r.interps.len() {
            let cell = &r.cells[p][k];
            let text = match cell.error() {
                Some(e) if e.starts_with("wrong output") => "✗ wrong output",
                Some(_) => "✗ failed",
                None if !cell.verified => "? not recorded",
                None => "✓ ok",
            };
            let _ = write!(s, " {text} |");
        }
        s.push('\n');
    }
    s
}

/// The whole Markdown report.
pub fn markdown(r: &Results, title: &str, machine: &str, svg_name: &str) -> String {
    let c = &r.config;
    let base = r
        .baseline
        .map(|b| r.interps[b].name.clone())
        .unwrap_or_else(|| "(no baseline)".into());
    let mut s = format!("# {title}\n\n");
    let _ = writeln!(s, "- Machine: {machine}");
    let _ = writeln!(
        s,
        "- Workloads: {} (`{}`), {} programs",
        if c.short { "short" } else { "normal" },
        if c.short {
            "prog.py --short"
        } else {
            "prog.py"
        },
        r.programs.len()
    );
    let _ = writeln!(
        s,
        "- Wall time: median of {} runs per program and interpreter, interleaved (round 1 of each, then round 2, ...), whole process including startup",
        c.runs
    );
    if c.steady > 0 {
        let _ = writeln!(
            s,
            "- Steady state: one process per program running {} warm-up and {} timed iterations (`--steady {} --warmup {}`); median of the timed iterations as reported by the program",
            c.warmup, c.steady, c.steady, c.warmup
        );
    } else {
        let _ = writeln!(s, "- Steady state: not measured (`--steady 0`)");
    }
    let _ = writeln!(
        s,
        "- Ratios (×r) are time relative to {base}: below 1 is faster. Geometric means cover the programs that ran correctly under both (count in parentheses)."
    );
    let _ = writeln!(s, "- Chart: [{svg_name}]({svg_name})\n");

    s.push_str("## Interpreters\n\n| name | command | version |\n|---|---|---|\n");
    for (i, v) in r.interps.iter().zip(&r.versions) {
        let _ = writeln!(s, "| {} | `{}` | {} |", i.name, i.argv.join(" "), v);
    }

    let _ = writeln!(
        s,
        "\n## Summary\n\n| interpreter | programs ok | geomean wall ×{base} | geomean steady ×{base} | startup (`-c pass`) |\n|---|---:|---:|---:|---:|"
    );
    for (k, i) in r.interps.iter().enumerate() {
        let ok = (0..r.programs.len())
            .filter(|&p| r.cells[p][k].error().is_none())
            .count();
        let g = |m| {
            r.geomean(k, m)
                .map(|(g, n)| format!("×{} ({n})", ratio(g)))
                .unwrap_or_else(|| "–".into())
        };
        let st = match r.startup(k) {
            Ok(Some(t)) => secs(t),
            Ok(None) => "–".into(),
            Err(_) => "✗ failed".into(),
        };
        let _ = writeln!(
            s,
            "| {} | {ok}/{} | {} | {} | {st} |",
            i.name,
            r.programs.len(),
            g(Metric::Wall),
            g(Metric::Steady)
        );
    }

    let _ = writeln!(
        s,
        "\n## Wall time\n\nMedian seconds per process run, ×ratio to {base}.\n"
    );
    s.push_str(&time_table(r, Metric::Wall));
    if c.steady > 0 {
        let _ = writeln!(
            s,
            "\n## Steady state\n\nMedian seconds per iteration after warm-up, ×ratio to {base}.\n"
        );
        s.push_str(&time_table(r, Metric::Steady));
    }
    s.push_str("\n## Peak RSS\n\nMedian of `ru_maxrss` over the runs, MiB.\n\n");
    s.push_str(&rss_table(r));
    s.push_str("\n## Output check\n\nStdout compared with `bench/programs/expected/` (recorded from CPython).\n\n");
    s.push_str(&check_table(r));

    // Failures grouped by interpreter and reason, so that one missing binary
    // gives one line rather than one per program.
    let mut groups: Vec<(String, String, Vec<String>)> = Vec::new();
    let mut note = |interp: &str, what: String, reason: &str| {
        let reason = reason.replace('|', "\\|");
        match groups
            .iter_mut()
            .find(|(i, r, _)| i == interp && *r == reason)
        {
            Some((_, _, list)) => list.push(what),
            None => groups.push((interp.to_string(), reason, vec![what])),
        }
    };
    for (k, i) in r.interps.iter().enumerate() {
        for (p, prog) in r.programs.iter().enumerate() {
            let cell = &r.cells[p][k];
            if let Some(e) = cell.error() {
                note(&i.name, prog.name.clone(), e);
            } else if let Some(e) = cell.steady_error() {
                note(&i.name, format!("{} (steady)", prog.name), e);
            }
        }
        if let Err(e) = r.startup(k) {
            note(&i.name, "startup".into(), &e);
        }
    }
    let mut failures = String::new();
    for (interp, reason, what) in &groups {
        let _ = writeln!(failures, "- {interp} ({}): {reason}", what.join(", "));
    }
    if !failures.is_empty() {
        s.push_str("\n## Failures\n\n");
        s.push_str(&failures);
    }
    s
}

/// Every raw sample, tab-separated.
pub fn tsv(r: &Results) -> String {
    let mut s =
        String::from("program\tinterpreter\tkind\tindex\twall_s\tmaxrss_kb\titers_s\terror\n");
    let mut row = |prog: &str, interp: &str, kind: &str, idx: usize, x: &Sample| {
        let iters: Vec<String> = x.iters.iter().map(|t| format!("{t:.6}")).collect();
        let _ = writeln!(
            s,
            "{prog}\t{interp}\t{kind}\t{idx}\t{:.6}\t{}\t{}\t{}",
            x.wall,
            x.maxrss_kb,
            iters.join(","),
            x.error.as_deref().unwrap_or("").replace(['\t', '\n'], " ")
        );
    };
    for (k, i) in r.interps.iter().enumerate() {
        for (n, x) in r.startup[k].iter().enumerate() {
            row("-c pass", &i.name, "startup", n + 1, x);
        }
    }
    for (p, prog) in r.programs.iter().enumerate() {
        for (k, i) in r.interps.iter().enumerate() {
            let cell = &r.cells[p][k];
            for (n, x) in cell.runs.iter().enumerate() {
                row(&prog.name, &i.name, "run", n + 1, x);
            }
            if let Some(x) = &cell.steady {
                row(&prog.name, &i.name, "steady", 1, x);
            }
        }
    }
    s
}
