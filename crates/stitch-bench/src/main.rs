//! `stitch-bench`: command-line entry point. Parses options, picks the
//! programs and interpreters, runs the suite and writes the Markdown report,
//! the SVG chart and the raw TSV samples to the output directory.

mod interp;
mod machine;
mod measure;
mod programs;
mod report;
mod stats;
mod suite;
mod svg;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use interp::Interp;
use suite::Config;

const USAGE: &str = "\
usage: stitch-bench [run] [options]      run the suite and write a report
       stitch-bench list [options]       list the programs that would run

options:
  -p, --programs LIST    comma-separated names or substrings (default: all)
  -n, --runs N           timed runs per program and interpreter (default 3)
      --short            run the --short workloads (smoke tests)
      --steady N         timed iterations of the steady-state run (default 3; 0 = skip)
      --warmup W         warm-up iterations before them (default 1)
      --startup-runs N   runs of `-c pass` for startup time (default 10; 0 = skip)
      --interp NAME=CMD  add an interpreter, or replace a default one of that name;
                         CMD is split on spaces, e.g. 'nojit=target/release/stitch -X jit=off'
      --only LIST        keep only these interpreters (comma-separated names)
      --stitch PATH      stitch binary (default: <root>/target/release/stitch)
      --baseline NAME    interpreter the ratios are against (default python3)
  -o, --out DIR          output directory (default: <root>/bench/results)
      --tag TEXT         extra suffix for the output file names
      --no-prime         skip the untimed --short run of each program that precedes
                         the measurements (it fills bytecode and page caches)
      --timeout SECS     limit for one run (default 300)
      --root DIR         repository root (default: found from this crate)
  -q, --quiet            no progress lines on stderr
  -h, --help
";

struct Options {
    command: String,
    programs: Vec<String>,
    runs: usize,
    short: bool,
    steady: usize,
    warmup: usize,
    startup_runs: usize,
    prime: bool,
    interps: Vec<Interp>,
    only: Vec<String>,
    stitch: Option<PathBuf>,
    baseline: String,
    out: Option<PathBuf>,
    tag: Option<String>,
    timeout: u64,
    root: Option<PathBuf>,
    quiet: bool,
}

fn list(v: &str) -> Vec<String> {
    v.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut o = Options {
        command: "run".into(),
        programs: vec![],
        runs: 3,
        short: false,
        steady: 3,
        warmup: 1,
        startup_runs: 10,
        prime: true,
        interps: vec![],
        only: vec![],
        stitch: None,
        baseline: "python3".into(),
        out: None,
        tag: None,
        timeout: 300,
        root: None,
        quiet: false,
    };
    let mut it = args.iter().peekable();
    if let Some(first) = it.next_if(|a| *a == "run" || *a == "list") {
        o.command = first.clone();
    }
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = || -> Result<String, String> {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        let num = |v: String| -> Result<usize, String> {
            v.parse()
                .map_err(|_| format!("{flag} needs a number, got {v:?}"))
        };
        match flag.as_str() {
            "-h" | "--help" => o.command = "help".into(),
            "-p" | "--programs" => o.programs.extend(list(&value()?)),
            "-n" | "--runs" => o.runs = num(value()?)?.max(1),
            "--short" => o.short = true,
            "--no-prime" => o.prime = false,
            "--steady" => o.steady = num(value()?)?,
            "--warmup" => o.warmup = num(value()?)?,
            "--startup-runs" => o.startup_runs = num(value()?)?,
            "--interp" => o.interps.push(Interp::parse(&value()?)?),
            "--only" => o.only.extend(list(&value()?)),
            "--stitch" => o.stitch = Some(PathBuf::from(value()?)),
            "--baseline" => o.baseline = value()?,
            "-o" | "--out" => o.out = Some(PathBuf::from(value()?)),
            "--tag" => o.tag = Some(value()?),
            "--timeout" => o.timeout = num(value()?)?.max(1) as u64,
            "--root" => o.root = Some(PathBuf::from(value()?)),
            "-q" | "--quiet" => o.quiet = true,
            _ => return Err(format!("unknown argument {arg:?}")),
        }
    }
    Ok(o)
}

/// The repository root: `--root`, else the one this crate was built in,
/// else the nearest ancestor of the working directory with bench/programs.
fn find_root(explicit: Option<PathBuf>) -> Result<PathBuf, String> {
    if let Some(r) = explicit {
        return Ok(r);
    }
    let built = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    if built.join("bench/programs").is_dir() {
        return built.canonicalize().map_err(|e| e.to_string());
    }
    let cwd = std::env::current_dir().map_err(|e| e.to_string())?;
    cwd.ancestors()
        .find(|a| a.join("bench/programs").is_dir())
        .map(Path::to_path_buf)
        .ok_or_else(|| "cannot find bench/programs; use --root".into())
}

fn slugify(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match real_main(&args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("stitch-bench: {e}");
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn real_main(args: &[String]) -> Result<ExitCode, String> {
    let o = parse_args(args)?;
    if o.command == "help" {
        print!("{USAGE}");
        return Ok(ExitCode::SUCCESS);
    }
    let root = find_root(o.root.clone())?;
    let prog_dir = root.join("bench/programs");
    let programs = programs::discover(&prog_dir, &o.programs, o.short)?;
    if programs.is_empty() {
        return Err(format!("no program matches {:?}", o.programs));
    }
    if o.command == "list" {
        for p in &programs {
            let rec = if p.expected.is_some() {
                ""
            } else {
                "  (no expected output)"
            };
            println!("{}{rec}", p.name);
        }
        return Ok(ExitCode::SUCCESS);
    }

    let stitch = o
        .stitch
        .clone()
        .unwrap_or_else(|| root.join("target/release/stitch"));
    let mut interps = interp::defaults(&stitch);
    for extra in o.interps {
        match interps.iter_mut().find(|i| i.name == extra.name) {
            Some(slot) => *slot = extra,
            None => interps.push(extra),
        }
    }
    if !o.only.is_empty() {
        for name in &o.only {
            if !interps.iter().any(|i| &i.name == name) {
                return Err(format!("--only names unknown interpreter {name:?}"));
            }
        }
        interps.retain(|i| o.only.contains(&i.name));
    }

    let machine = machine::Machine::detect();
    let (date, time) = machine::now_utc();
    let cfg = Config {
        runs: o.runs,
        short: o.short,
        steady: o.steady,
        warmup: o.warmup,
        startup_runs: o.startup_runs,
        prime: o.prime,
        timeout: Duration::from_secs(o.timeout),
        quiet: o.quiet,
    };
    let results = suite::run(cfg, programs, interps, &o.baseline, &prog_dir);

    let out_dir = o.out.clone().unwrap_or_else(|| root.join("bench/results"));
    fs::create_dir_all(&out_dir)
        .map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;
    let mut stem = format!("{date}-{}", machine.slug());
    if o.short {
        stem.push_str("-short");
    }
    if let Some(tag) = &o.tag {
        stem.push('-');
        stem.push_str(&slugify(tag));
    }
    let names: Vec<&str> = results.interps.iter().map(|i| i.name.as_str()).collect();
    let title = format!(
        "Stitch benchmarks, {date} {time} UTC: {}",
        names.join(" vs ")
    );
    let svg_name = format!("{stem}.svg");
    let md = report::markdown(&results, &title, &machine.describe(), &svg_name);
    let subtitle = format!(
        "{} | {} workloads, median of {} runs",
        machine.describe(),
        if o.short { "short" } else { "normal" },
        o.runs
    );
    let chart = svg::chart(&results, &title, &subtitle);
    let write = |name: String, text: &str| -> Result<PathBuf, String> {
        let path = out_dir.join(name);
        fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        Ok(path)
    };
    let md_path = write(format!("{stem}.md"), &md)?;
    let svg_path = write(svg_name, &chart)?;
    let tsv_path = write(format!("{stem}.tsv"), &report::tsv(&results))?;
    println!("{}", md_path.display());
    println!("{}", svg_path.display());
    println!("{}", tsv_path.display());
    Ok(ExitCode::SUCCESS)
}
