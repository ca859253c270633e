//! Runs the suite: startup runs, then N interleaved rounds over every
//! program and interpreter, then one steady-state run each; holds the raw
//! samples and derives medians, ratios and geometric means from them.

use std::path::Path;
use std::time::Duration;

use crate::interp::Interp;
use crate::measure;
use crate::programs::{self, Program};
use crate::stats::{geomean, median};

/// How to run the suite.
#[derive(Debug, Clone)]
pub struct Config {
    pub runs: usize,
    pub short: bool,
    pub steady: usize,
    pub warmup: usize,
    pub startup_runs: usize,
    /// Run every program once in short mode, untimed, before measuring (fills
    /// bytecode caches and the page cache).
    pub prime: bool,
    pub timeout: Duration,
    pub quiet: bool,
}

/// One process run.
#[derive(Debug, Clone)]
pub struct Sample {
    pub wall: f64,
    pub maxrss_kb: u64,
    /// Per-iteration seconds from the program's own `#stitch-bench iter` lines.
    pub iters: Vec<f64>,
    /// Why the run does not count: failed to run, or printed the wrong output.
    pub error: Option<String>,
}

/// All runs of one program under one interpreter.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    pub runs: Vec<Sample>,
    pub steady: Option<Sample>,
    /// False when no expected output was recorded for the program.
    pub verified: bool,
}

impl Cell {
    /// First error among the timed runs.
    pub fn error(&self) -> Option<&str> {
        self.runs.iter().find_map(|s| s.error.as_deref())
    }

    /// Median wall time, if every run succeeded.
    pub fn wall(&self) -> Option<f64> {
        if self.error().is_some() {
            return None;
        }
        median(&self.runs.iter().map(|s| s.wall).collect::<Vec<_>>())
    }

    /// Median peak RSS in MiB over the runs that succeeded.
    pub fn rss_mib(&self) -> Option<f64> {
        let v: Vec<f64> = self
            .runs
            .iter()
            .filter(|s| s.error.is_none() && s.maxrss_kb > 0)
            .map(|s| s.maxrss_kb as f64 / 1024.0)
            .collect();
        median(&v)
    }

    pub fn steady_error(&self) -> Option<&str> {
        self.steady.as_ref().and_then(|s| s.error.as_deref())
    }

    /// Median per-iteration time of the steady-state run.
    pub fn steady_time(&self) -> Option<f64> {
        let s = self.steady.as_ref()?;
        if s.error.is_some() {
            return None;
        }
        median(&s.iters)
    }
}

/// Everything measured in one invocation of the harness.
#[derive(Debug)]
pub struct Results {
    pub config: Config,
    pub programs: Vec<Program>,
    pub interps: Vec<Interp>,
    pub versions: Vec<String>,
    /// Index into `interps` of the baseline, if it is present.
    pub baseline: Option<usize>,
    /// `cells[program][interp]`.
    pub cells: Vec<Vec<Cell>>,
    /// `-c pass` samples per interpreter.
    pub startup: Vec<Vec<Sample>>,
}

/// Which per-program measure a ratio or a chart is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    Wall,
    Steady,
}

impl Results {
    pub fn value(&self, p: usize, i: usize, metric: Metric) -> Option<f64> {
        let cell = &self.cells[p][i];
        match metric {
            Metric::Wall => cell.wall(),
            Metric::Steady => cell.steady_time(),
        }
    }

    /// Time of interpreter `i` relative to the baseline on program `p`.
    pub fn ratio(&self, p: usize, i: usize, metric: Metric) -> Option<f64> {
        let b = self.baseline?;
        let base = self.value(p, b, metric)?;
        let v = self.value(p, i, metric)?;
        (base > 0.0).then(|| v / base)
    }

    /// Geometric mean of the ratios over programs where both ran correctly,
    /// with the number of programs it covers.
    pub fn geomean(&self, i: usize, metric: Metric) -> Option<(f64, usize)> {
        let v: Vec<f64> = (0..self.programs.len())
            .filter_map(|p| self.ratio(p, i, metric))
            .collect();
        geomean(&v).map(|g| (g, v.len()))
    }

    /// Median startup time of interpreter `i`, or the first failure.
    pub fn startup(&self, i: usize) -> Result<Option<f64>, String> {
        let samples = &self.startup[i];
        if let Some(e) = samples.iter().find_map(|s| s.error.clone()) {
            return Err(e);
        }
        Ok(median(&samples.iter().map(|s| s.wall).collect::<Vec<_>>()))
    }
}

fn sample(out: measure::Outcome, expected: Option<&str>) -> Sample {
    let iters = programs::iter_times(&out.stderr);
    let error = out.failure.or_else(|| match expected {
        Some(exp) if exp != out.stdout => Some(describe_mismatch(exp, &out.stdout)),
        _ => None,
    });
    Sample {
        wall: out.wall,
        maxrss_kb: out.maxrss_kb,
        iters,
        error,
    }
}

fn describe_mismatch(expected: &str, got: &str) -> String {
    let mut e = expected.lines();
    let mut g = got.lines();
    let mut n = 1;
    loop {
        match (e.next(), g.next()) {
            (Some(a), Some(b)) if a == b => n += 1,
            (a, b) => {
                let cut = |s: Option<&str>| -> String {
                    s.map(|s| s.chars().take(60).collect())
                        .unwrap_or_else(|| "<end>".into())
                };
                return format!(
                    "wrong output at line {n}: expected {:?}, got {:?}",
                    cut(a),
                    cut(b)
                );
            }
        }
    }
}

fn log(cfg: &Config, msg: &str) {
    if !cfg.quiet {
        eprintln!("{msg}");
    }
}

fn status(s: &Sample) -> String {
    match &s.error {
        None => format!("{:.3} s ok", s.wall),
        Some(e) => format!("{:.3} s FAILED: {e}", s.wall),
    }
}

/// Run everything, interleaving interpreters within each round.
pub fn run(
    cfg: Config,
    programs: Vec<Program>,
    interps: Vec<Interp>,
    baseline: &str,
    cwd: &Path,
) -> Results {
    let versions: Vec<String> = interps.iter().map(|i| i.version(cwd)).collect();
    for (i, v) in interps.iter().zip(&versions) {
        log(&cfg, &format!("{}: {} ({v})", i.name, i.argv.join(" ")));
    }

    let mut startup = vec![Vec::new(); interps.len()];
    for _ in 0..cfg.startup_runs {
        for (k, interp) in interps.iter().enumerate() {
            let mut argv = interp.argv.clone();
            argv.extend(["-c".to_string(), "pass".to_string()]);
            startup[k].push(sample(measure::run(&argv, cwd, cfg.timeout), None));
        }
    }
    for (k, interp) in interps.iter().enumerate() {
        if let Some(s) = startup[k].first() {
            log(&cfg, &format!("startup {}: {}", interp.name, status(s)));
        }
    }

    if cfg.prime {
        log(&cfg, "priming: one untimed --short run of each program");
        for prog in &programs {
            for interp in &interps {
                let mut argv = interp.argv.clone();
                argv.push(prog.path.display().to_string());
                argv.push("--short".into());
                let _ = measure::run(&argv, cwd, cfg.timeout);
            }
        }
    }

    let mut cells: Vec<Vec<Cell>> = programs
        .iter()
        .map(|p| {
            vec![
                Cell {
                    verified: p.expected.is_some(),
                    ..Cell::default()
                };
                interps.len()
            ]
        })
        .collect();
    let mode: Vec<String> = if cfg.short {
        vec!["--short".into()]
    } else {
        vec![]
    };
    let total = cfg.runs * programs.len() * interps.len();
    let mut done = 0;
    for round in 0..cfg.runs {
        for (p, prog) in programs.iter().enumerate() {
            for (k, interp) in interps.iter().enumerate() {
                let mut argv = interp.argv.clone();
                argv.push(prog.path.display().to_string());
                argv.extend(mode.iter().cloned());
                let s = sample(
                    measure::run(&argv, cwd, cfg.timeout),
                    prog.expected.as_deref(),
                );
                done += 1;
                log(
                    &cfg,
                    &format!(
                        "[{done}/{total}] run {} {} {}: {}",
                        round + 1,
                        prog.name,
                        interp.name,
                        status(&s)
                    ),
                );
                cells[p][k].runs.push(s);
            }
        }
    }
    if cfg.steady > 0 {
        for (p, prog) in programs.iter().enumerate() {
            for (k, interp) in interps.iter().enumerate() {
                if cells[p][k].error().is_some() {
                    // Not worth a long run when the plain runs already failed.
                    continue;
                }
                let mut argv = interp.argv.clone();
                argv.push(prog.path.display().to_string());
                argv.extend(mode.iter().cloned());
                argv.extend([
                    "--steady".to_string(),
                    cfg.steady.to_string(),
                    "--warmup".to_string(),
                    cfg.warmup.to_string(),
                ]);
                let mut s = sample(
                    measure::run(&argv, cwd, cfg.timeout * (cfg.steady + cfg.warmup) as u32),
                    prog.expected.as_deref(),
                );
                if s.error.is_none() && s.iters.len() != cfg.steady {
                    s.error = Some(format!(
                        "expected {} iter lines on stderr, got {}",
                        cfg.steady,
                        s.iters.len()
                    ));
                }
                log(
                    &cfg,
                    &format!("steady {} {}: {}", prog.name, interp.name, status(&s)),
                );
                cells[p][k].steady = Some(s);
            }
        }
    }
    let baseline = interps.iter().position(|i| i.name == baseline);
    Results {
        config: cfg,
        programs,
        interps,
        versions,
        baseline,
        cells,
        startup,
    }
}
