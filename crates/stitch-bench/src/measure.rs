//! Runs one child process and measures it: wall time, peak RSS (from
//! `wait4`'s rusage), exit status and captured stdout/stderr, with a timeout
//! that kills the child's process group.

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// What happened to one process run.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Wall-clock seconds from spawn to reaping.
    pub wall: f64,
    /// Peak resident set size in KiB (`ru_maxrss`), 0 if unknown.
    pub maxrss_kb: u64,
    pub stdout: String,
    pub stderr: String,
    /// `None` if the process ran and exited with status 0, else why not.
    pub failure: Option<String>,
}

/// Run `argv` (program and arguments) in `cwd`, killing it after `timeout`.
pub fn run(argv: &[String], cwd: &Path, timeout: Duration) -> Outcome {
    let failed = |why: String| Outcome {
        wall: 0.0,
        maxrss_kb: 0,
        stdout: String::new(),
        stderr: String::new(),
        failure: Some(why),
    };
    let Some((prog, args)) = argv.split_first() else {
        return failed("empty command".into());
    };
    let start = Instant::now();
    let mut child = match Command::new(prog)
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
    {
        Ok(c) => c,
        Err(e) => return failed(format!("cannot start {prog}: {e}")),
    };
    let pid = child.id() as libc::pid_t;
    let out_reader = reader(child.stdout.take());
    let err_reader = reader(child.stderr.take());

    // Watchdog: kills the process group unless told the child was reaped.
    let (done_tx, done_rx) = mpsc::channel::<()>();
    let watchdog = thread::spawn(move || {
        if let Err(mpsc::RecvTimeoutError::Timeout) = done_rx.recv_timeout(timeout) {
            // SAFETY: plain syscall; the child has not been reaped yet because
            // the main thread signals `done` right after wait4 returns.
            unsafe {
                libc::kill(-pid, libc::SIGKILL);
            }
            return true;
        }
        false
    });

    let mut status: libc::c_int = 0;
    // SAFETY: rusage is plain old data, zero is a valid bit pattern.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let reaped = loop {
        // SAFETY: pid is our child; status and usage point to valid memory.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == pid {
            break true;
        }
        if r < 0 && std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
            break false;
        }
    };
    let wall = start.elapsed().as_secs_f64();
    let _ = done_tx.send(());
    let timed_out = watchdog.join().unwrap_or(false);
    // Kill any grandchildren left holding the pipes open.
    // SAFETY: plain syscall on our own process group.
    unsafe {
        libc::kill(-pid, libc::SIGKILL);
    }
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    // The child is already reaped; dropping `child` does not wait again.
    drop(child);

    let failure = if !reaped {
        Some("wait4 failed".to_string())
    } else if timed_out {
        Some(format!("timeout after {} s", timeout.as_secs()))
    } else if libc::WIFEXITED(status) {
        match libc::WEXITSTATUS(status) {
            0 => None,
            code => Some(format!("exit status {code}{}", last_line(&stderr))),
        }
    } else if libc::WIFSIGNALED(status) {
        Some(format!("killed by signal {}", libc::WTERMSIG(status)))
    } else {
        Some(format!("unexpected wait status {status}"))
    };
    Outcome {
        wall,
        maxrss_kb: usage.ru_maxrss.max(0) as u64,
        stdout,
        stderr,
        failure,
    }
}

fn reader<R: Read + Send + 'static>(pipe: Option<R>) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut p) = pipe {
            let _ = p.read_to_end(&mut buf);
        }
        String::from_utf8_lossy(&buf).into_owned()
    })
}

/// The last non-empty, non-timing line of stderr, as ": line" (for reasons).
fn last_line(stderr: &str) -> String {
    stderr
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("#stitch-bench"))
        .map(|l| {
            let short: String = l.chars().take(120).collect();
            format!(": {short}")
        })
        .unwrap_or_default()
}
