//! The `stitch` command line: `stitch [options] FILE [ARGS]`, `stitch -c CODE`,
//! `-X name[=value]` switches, and the process exit status.

use stitch_runtime::{Options, Vm};

/// mimalloc serves the runtime's many short-lived buffers (list items, dict
/// tables, strings being built) much faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The VM thread's stack: deep enough for the compiler's and the runtime's native
/// recursion limits, which raise RecursionError well before it runs out.
const VM_STACK: usize = 512 << 20;

enum Target {
    File(String),
    Command(String),
}

struct Cli {
    target: Target,
    argv: Vec<String>,
    options: Options,
}

const USAGE: &str = "usage: stitch [option] ... [-c cmd | file] [arg] ...";

fn usage_error(msg: &str) -> ! {
    eprintln!("{msg}\n{USAGE}\nTry `stitch -h' for more information.");
    std::process::exit(2);
}

fn parse(args: Vec<String>) -> Cli {
    let mut options = Options::default();
    let mut i = 1;
    while i < args.len() {
        let a = &args[i];
        if a == "-c" {
            let Some(code) = args.get(i + 1) else {
                usage_error("Argument expected for the -c option");
            };
            let mut argv = vec!["-c".to_string()];
            argv.extend(args[i + 2..].iter().cloned());
            return Cli {
                target: Target::Command(code.clone()),
                argv,
                options,
            };
        }
        if let Some(rest) = a.strip_prefix("-c")
            && !rest.is_empty()
        {
            let mut argv = vec!["-c".to_string()];
            argv.extend(args[i + 1..].iter().cloned());
            return Cli {
                target: Target::Command(rest.to_string()),
                argv,
                options,
            };
        }
        if a == "-X" || (a.starts_with("-X") && a.len() > 2) {
            let opt = if a == "-X" {
                i += 1;
                match args.get(i) {
                    Some(o) => o.clone(),
                    None => usage_error("Argument expected for the -X option"),
                }
            } else {
                a[2..].to_string()
            };
            let (name, value) = match opt.split_once('=') {
                Some((n, v)) => (n.to_string(), Some(v.to_string())),
                None => (opt.clone(), None),
            };
            match name.as_str() {
                "gc-stress" => options.gc_stress = true,
                "dis" => options.dis = true,
                "stats" => options.stats = true,
                _ => {}
            }
            options.xoptions.push((name, value));
            i += 1;
            continue;
        }
        match a.as_str() {
            "-V" | "--version" => {
                println!("Python 3.11.7 (stitch {})", env!("CARGO_PKG_VERSION"));
                std::process::exit(0);
            }
            "-h" | "--help" | "-?" => {
                println!(
                    "{USAGE}\n-c cmd : program passed in as string\n-X opt : set implementation-specific option (gc-stress, dis, stats)\nfile   : program read from script file\narg ...: arguments passed to program in sys.argv[1:]"
                );
                std::process::exit(0);
            }
            "-u" | "-B" | "-E" | "-s" | "-S" | "-I" | "-O" | "-OO" | "-q" | "-b" | "-d" | "-v" => {
                i += 1;
                continue;
            }
            "-" => usage_error("reading a program from stdin is not supported yet"),
            _ if a.starts_with('-') && a.len() > 1 => usage_error(&format!("Unknown option: {a}")),
            _ => {
                return Cli {
                    target: Target::File(a.clone()),
                    argv: args[i..].to_vec(),
                    options,
                };
            }
        }
    }
    usage_error("an interactive prompt is not supported yet: give a file or -c")
}

fn main() {
    let cli = parse(std::env::args().collect());
    if std::env::var("STITCH_GC_STRESS").is_ok_and(|v| !v.is_empty() && v != "0") {
        // Environment switch for the collector's stress mode.
    }
    let handle = std::thread::Builder::new()
        .name("stitch".into())
        .stack_size(VM_STACK)
        .spawn(move || {
            let mut options = cli.options;
            if std::env::var("STITCH_GC_STRESS").is_ok_and(|v| !v.is_empty() && v != "0") {
                options.gc_stress = true;
            }
            stitch_runtime::signals::install();
            let mut vm = Vm::new(options);
            match &cli.target {
                Target::File(path) => stitch_runtime::run::run_path(&mut vm, path, &cli.argv),
                Target::Command(code) => stitch_runtime::run::run_command(&mut vm, code, &cli.argv),
            }
        })
        .expect("spawning the VM thread");
    let status = handle.join().unwrap_or(70);
    std::process::exit(status);
}
