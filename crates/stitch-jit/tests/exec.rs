//! Runs compiled traces for real, without the runtime: a fake frame, code object and
//! value stack, and a helper table pointing at test functions.

use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use stitch_core::env::{FRAME_PUSHED, HELPER_NAMES};
use stitch_core::frame::{Frame, Regs};
use stitch_core::instr::{Instr, binop, cmpop};
use stitch_core::layout::CodePrefix;
use stitch_core::value::Value;
use stitch_jit::{ExitSpec, Flow, Op, Runtime, Target, Uop, compile, disassemble, exit_flow};

/// A frame with its locals and value stack, a code object with constants, and a
/// fake instruction array (only its addresses matter).
struct Fixture {
    frame: Box<Frame>,
    _code: Box<CodePrefix>,
    _consts: Vec<Value>,
    slots: Vec<Value>,
    instrs: Vec<Instr>,
    nlocals: usize,
}

impl Fixture {
    fn new(locals: &[Value], consts: &[Value]) -> Fixture {
        let consts = consts.to_vec();
        // SAFETY: every field of CodePrefix and Frame is valid all-zero.
        let mut code: Box<CodePrefix> = Box::new(unsafe { std::mem::zeroed() });
        code.consts = consts.as_ptr();
        code.nlocals = locals.len() as u32;
        let mut slots = vec![Value::NULL; locals.len() + 16];
        slots[..locals.len()].copy_from_slice(locals);
        let mut frame: Box<Frame> = Box::new(unsafe { std::mem::zeroed() });
        frame.code = &mut *code;
        frame.locals = slots.as_mut_ptr();
        Fixture {
            frame,
            _code: code,
            _consts: consts,
            slots,
            instrs: vec![Instr::default(); 64],
            nlocals: locals.len(),
        }
    }
    fn stack_base(&mut self) -> *mut Value {
        // SAFETY: within `slots`.
        unsafe { self.slots.as_mut_ptr().add(self.nlocals) }
    }
    fn instr(&self, i: usize) -> *const Instr {
        &self.instrs[i]
    }
    fn regs(&mut self) -> Regs {
        Regs {
            frame: &mut *self.frame,
            sp: self.stack_base(),
            pc: std::ptr::null(),
            cur: std::ptr::null(),
            code_start: self.instrs.as_ptr(),
        }
    }
    fn local(&self, i: usize) -> Value {
        self.slots[i]
    }
}

/// An op standing for instruction `i`, continuing with the next op.
fn op(fx: &Fixture, i: usize, uop: Uop, oparg: u32, deopt: usize) -> Op {
    Op {
        uop,
        oparg,
        operands: vec![],
        cur: fx.instr(i),
        next_pc: fx.instr(i + 1),
        on_next: Target::Op(i + 1),
        on_jump: Target::Exit(deopt),
        on_deopt: Target::Exit(deopt),
        on_other: Target::Exit(deopt),
    }
}

thread_local! {
    static LOG: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}
/// The eval-breaker flag of every test but one (never set).
static QUIET: AtomicBool = AtomicBool::new(false);
/// The flag of the test of periodic work.
static PENDING: AtomicBool = AtomicBool::new(false);
static PERIODIC: AtomicUsize = AtomicUsize::new(0);
static NEW_SP: AtomicUsize = AtomicUsize::new(0);

fn log(s: String) {
    LOG.with(|l| l.borrow_mut().push(s));
}
fn take_log() -> Vec<String> {
    LOG.with(|l| std::mem::take(&mut *l.borrow_mut()))
}

extern "C" fn unexpected(_regs: *mut Regs) -> Value {
    log("unexpected helper".into());
    Value::NULL
}
extern "C" fn raise_error(regs: *mut Regs, code: u32, arg: u64) -> Value {
    // SAFETY: the trace passes its registers.
    let cur = unsafe { (*regs).cur };
    log(format!("raise_error {code} {arg} cur={cur:?}"));
    Value::NULL
}
extern "C" fn periodic(_regs: *mut Regs) -> Value {
    PERIODIC.fetch_add(1, Ordering::Relaxed);
    PENDING.store(false, Ordering::Relaxed);
    Value::NONE
}
/// Pretends to push a Python frame: moves the stack pointer.
extern "C" fn call(regs: *mut Regs, base: *mut Value, argc: u32, _kw: Value) -> Value {
    // SAFETY: the trace passes its registers.
    unsafe {
        log(format!(
            "call argc={argc} sp_ok={}",
            (*regs).sp == base.add(argc as usize + 2)
        ));
        (*regs).sp = NEW_SP.load(Ordering::Relaxed) as *mut Value;
    }
    FRAME_PUSHED
}
/// Returns a value: the stencil continues after it with the stack pointer it reloads.
extern "C" fn build_tuple(regs: *mut Regs, items: *mut Value, n: u32) -> Value {
    // SAFETY: the trace passes its registers.
    unsafe {
        log(format!(
            "build_tuple n={n} sp_ok={} pc_set={}",
            (*regs).sp == items.add(n as usize),
            !(*regs).pc.is_null()
        ));
    }
    Value::small(1000 + n as i64)
}

fn runtime() -> Runtime {
    runtime_with(&QUIET)
}

fn runtime_with(flag: &'static AtomicBool) -> Runtime {
    let mut helpers = vec![unexpected as *const () as usize; HELPER_NAMES.len()];
    let mut set = |name: &str, f: usize| {
        let i = HELPER_NAMES.iter().position(|n| *n == name).unwrap();
        helpers[i] = f;
    };
    set("raise_error", raise_error as *const () as usize);
    set("periodic", periodic as *const () as usize);
    set("call", call as *const () as usize);
    set("build_tuple", build_tuple as *const () as usize);
    Runtime {
        helpers,
        pending_flag: flag.as_ptr() as *const u8,
    }
}

/// `while i < n: total += i; i += 1` as a trace: locals [i, total], consts [1, n].
fn sum_loop(fx: &Fixture) -> Vec<Op> {
    use Uop::*;
    let mut ops = vec![
        op(fx, 0, LOAD_FAST, 1, 0),
        op(fx, 1, LOAD_FAST, 0, 0),
        op(fx, 2, GUARD_BOTH_SMALL_INT, 0, 0),
        op(fx, 3, BINARY_OP_INT, binop::ADD, 0),
        op(fx, 4, STORE_FAST, 1, 0),
        op(fx, 5, LOAD_FAST, 0, 0),
        op(fx, 6, LOAD_CONST, 0, 0),
        op(fx, 7, GUARD_BOTH_SMALL_INT, 0, 0),
        op(fx, 8, BINARY_OP_INT, binop::ADD, 0),
        op(fx, 9, STORE_FAST, 0, 0),
        op(fx, 10, LOAD_FAST, 0, 0),
        op(fx, 11, LOAD_CONST, 1, 0),
        op(fx, 12, COMPARE_OP_INT, cmpop::LT, 0),
        op(fx, 13, POP_JUMP_IF_FALSE, 0, 0),
        op(fx, 14, JUMP_BACKWARD, 0, 0),
    ];
    ops[13].on_jump = Target::Exit(1);
    ops[14].on_jump = Target::Op(0);
    ops
}

fn exits(fx: &Fixture) -> Vec<ExitSpec> {
    vec![
        ExitSpec {
            cur: fx.instr(40),
            pc: fx.instr(41),
        },
        ExitSpec {
            cur: fx.instr(50),
            pc: fx.instr(51),
        },
        ExitSpec {
            cur: fx.instr(60),
            pc: fx.instr(61),
        },
    ]
}

fn run(trace: &stitch_jit::Trace, regs: &mut Regs) -> (usize, Flow) {
    let sp = regs.sp;
    // SAFETY: the fixture outlives the call and the trace was compiled for it.
    exit_flow(unsafe { (trace.entry())(regs, sp) })
}

#[test]
fn loop_runs_and_leaves_by_its_exit() {
    let mut fx = Fixture::new(
        &[Value::small(0), Value::small(0)],
        &[Value::small(1), Value::small(1000)],
    );
    let ops = sum_loop(&fx);
    let ex = exits(&fx);
    let trace = compile(&ops, &ex, &runtime()).unwrap();
    assert!(!disassemble(trace.code(), trace.addr()).is_empty());
    let dump = trace.dump(&ops);
    assert!(
        dump.contains("; 3: BINARY_OP_INT 0") && dump.contains("; exits"),
        "{dump}"
    );
    let mut regs = fx.regs();
    let base = fx.stack_base();
    let (exit, flow) = run(&trace, &mut regs);
    assert_eq!((exit, flow), (1, Flow::Next));
    assert_eq!(fx.local(0), Value::small(1000));
    assert_eq!(fx.local(1), Value::small(499500));
    assert_eq!(regs.sp, base);
    assert_eq!(regs.cur, fx.instr(50));
    assert_eq!(regs.pc, fx.instr(51));
    assert!(take_log().is_empty());
}

#[test]
fn pending_flag_calls_periodic_at_the_back_edge() {
    let mut fx = Fixture::new(
        &[Value::small(0), Value::small(0)],
        &[Value::small(1), Value::small(10)],
    );
    let ops = sum_loop(&fx);
    let trace = compile(&ops, &exits(&fx), &runtime_with(&PENDING)).unwrap();
    let mut regs = fx.regs();
    PERIODIC.store(0, Ordering::Relaxed);
    PENDING.store(true, Ordering::Relaxed);
    let (exit, _) = run(&trace, &mut regs);
    assert_eq!(exit, 1);
    assert_eq!(PERIODIC.load(Ordering::Relaxed), 1);
    assert_eq!(fx.local(1), Value::small(45));
}

#[test]
fn failed_guard_exits_with_deopt_and_the_stack_as_it_was() {
    // `total` is a float: the first guard fails with two values pushed.
    let mut fx = Fixture::new(
        &[Value::small(3), Value::from_f64(1.5)],
        &[Value::small(1), Value::small(1000)],
    );
    let ops = sum_loop(&fx);
    let trace = compile(&ops, &exits(&fx), &runtime()).unwrap();
    let mut regs = fx.regs();
    let base = fx.stack_base();
    let (exit, flow) = run(&trace, &mut regs);
    assert_eq!((exit, flow), (0, Flow::Deopt));
    // SAFETY: within the fixture's stack.
    assert_eq!(regs.sp, unsafe { base.add(2) });
    assert_eq!(regs.cur, fx.instr(40));
    assert_eq!(regs.pc, fx.instr(41));
    assert_eq!(fx.slots[2], Value::from_f64(1.5));
    assert_eq!(fx.slots[3], Value::small(3));
}

#[test]
fn overflow_in_the_loop_deopts_mid_trace() {
    let big = (1i64 << 47) - 10;
    let mut fx = Fixture::new(
        &[Value::small(0), Value::small(big)],
        &[Value::small(1), Value::small(1000)],
    );
    let ops = sum_loop(&fx);
    let trace = compile(&ops, &exits(&fx), &runtime()).unwrap();
    let mut regs = fx.regs();
    let (exit, flow) = run(&trace, &mut regs);
    assert_eq!((exit, flow), (0, Flow::Deopt));
    // big + (0+1+2+3) fits (the largest small int is big + 9); adding 4 overflows.
    assert_eq!(fx.local(1), Value::small(big + 6));
    assert_eq!(fx.local(0), Value::small(4));
}

#[test]
fn unbound_local_raises_through_the_helper_and_exits_with_error() {
    let mut fx = Fixture::new(&[Value::small(1), Value::NULL], &[]);
    let mut ops = vec![
        op(&fx, 0, Uop::LOAD_FAST, 0, 0),
        op(&fx, 1, Uop::LOAD_FAST, 1, 0),
    ];
    ops[1].on_other = Target::Exit(2);
    ops[1].on_next = Target::Exit(1);
    let trace = compile(&ops, &exits(&fx), &runtime()).unwrap();
    let mut regs = fx.regs();
    let base = fx.stack_base();
    let (exit, flow) = run(&trace, &mut regs);
    assert_eq!((exit, flow), (2, Flow::Error));
    let log = take_log();
    assert_eq!(log, vec![format!("raise_error 0 1 cur={:?}", fx.instr(1))]);
    // SAFETY: within the fixture's stack.
    assert_eq!(regs.sp, unsafe { base.add(1) });
    assert_eq!(regs.cur, fx.instr(60));
}

#[test]
fn helper_that_pushes_a_frame_moves_sp_and_exits_with_call() {
    let mut fx = Fixture::new(&[Value::small(7)], &[Value::small(1)]);
    let use_ = Uop::PUSH_NULL;
    let mut ops = vec![
        op(&fx, 0, Uop::LOAD_CONST, 0, 0),
        op(&fx, 1, use_, 0, 0),
        op(&fx, 2, Uop::LOAD_FAST, 0, 0),
        op(&fx, 3, Uop::CALL, 1, 0),
    ];
    ops[3].on_other = Target::Exit(2);
    ops[3].on_next = Target::Exit(1);
    let trace = compile(&ops, &exits(&fx), &runtime()).unwrap();
    let mut regs = fx.regs();
    let base = fx.stack_base();
    // SAFETY: within the fixture's stack.
    let new_sp = unsafe { base.add(9) };
    NEW_SP.store(new_sp as usize, Ordering::Relaxed);
    let (exit, flow) = run(&trace, &mut regs);
    assert_eq!((exit, flow), (2, Flow::Call));
    assert_eq!(take_log(), vec!["call argc=1 sp_ok=true".to_string()]);
    assert_eq!(regs.sp, new_sp);
    assert_eq!(regs.cur, fx.instr(60));
}

#[test]
fn helper_returning_a_value_continues_in_the_trace() {
    let mut fx = Fixture::new(&[Value::small(7)], &[]);
    let mut ops = vec![
        op(&fx, 0, Uop::LOAD_FAST, 0, 0),
        op(&fx, 1, Uop::LOAD_FAST, 0, 0),
        op(&fx, 2, Uop::BUILD_TUPLE, 2, 0),
        op(&fx, 3, Uop::STORE_FAST, 0, 0),
    ];
    ops[3].on_next = Target::Exit(1);
    let trace = compile(&ops, &exits(&fx), &runtime()).unwrap();
    let mut regs = fx.regs();
    let base = fx.stack_base();
    let (exit, flow) = run(&trace, &mut regs);
    assert_eq!((exit, flow), (1, Flow::Next));
    assert_eq!(
        take_log(),
        vec!["build_tuple n=2 sp_ok=true pc_set=true".to_string()]
    );
    assert_eq!(fx.local(0), Value::small(1002));
    assert_eq!(regs.sp, base);
}

#[test]
fn jump_back_runs_n_times() {
    // A counting loop of three ops: i += 1; guard-free compare; jump back.
    let mut fx = Fixture::new(
        &[Value::small(0)],
        &[Value::small(1), Value::small(100_000)],
    );
    use Uop::*;
    let mut ops = vec![
        op(&fx, 0, LOAD_FAST, 0, 0),
        op(&fx, 1, LOAD_CONST, 0, 0),
        op(&fx, 2, BINARY_OP_INT, binop::ADD, 0),
        op(&fx, 3, COPY, 1, 0),
        op(&fx, 4, STORE_FAST, 0, 0),
        op(&fx, 5, LOAD_CONST, 1, 0),
        op(&fx, 6, COMPARE_OP_INT, cmpop::LT, 0),
        op(&fx, 7, POP_JUMP_IF_TRUE, 0, 0),
    ];
    ops[7].on_jump = Target::Op(0);
    ops[7].on_next = Target::Exit(1);
    let trace = compile(&ops, &exits(&fx), &runtime()).unwrap();
    let mut regs = fx.regs();
    let (exit, flow) = run(&trace, &mut regs);
    assert_eq!((exit, flow), (1, Flow::Next));
    assert_eq!(fx.local(0), Value::small(100_000));
    assert_eq!(regs.sp, fx.stack_base());
}

#[test]
fn tier1_uops_and_bad_targets_are_refused() {
    let fx = Fixture::new(&[Value::small(0)], &[]);
    let o = op(&fx, 0, Uop::SPECIALIZE, 0, 0);
    assert!(compile(&[o], &exits(&fx), &runtime()).is_err());
    let mut o = op(&fx, 0, Uop::NOP, 0, 0);
    o.on_next = Target::Op(5);
    assert!(compile(&[o], &exits(&fx), &runtime()).is_err());
}

#[test]
fn for_range_loop_leaves_by_the_jump_exit() {
    use stitch_core::layout::{Kind, RangeIterObj};
    // `for i in range(3, 3 + 2 * 50, 2): total += i` with the iterator on the stack.
    // SAFETY: every field of RangeIterObj is valid all-zero.
    let mut it: Box<RangeIterObj> = Box::new(unsafe { std::mem::zeroed() });
    it.header.kind = Kind::RangeIter;
    it.next = 3;
    it.step = 2;
    it.remaining = 50;
    let itv = Value::from_ptr(&*it);
    let mut fx = Fixture::new(&[Value::small(0), Value::small(0)], &[]);
    use Uop::*;
    let mut ops = vec![
        op(&fx, 0, FOR_ITER_RANGE, 0, 0),
        op(&fx, 1, STORE_FAST, 0, 0),
        op(&fx, 2, LOAD_FAST, 1, 0),
        op(&fx, 3, LOAD_FAST, 0, 0),
        op(&fx, 4, BINARY_OP_INT, binop::ADD, 0),
        op(&fx, 5, STORE_FAST, 1, 0),
        op(&fx, 6, JUMP_BACKWARD, 0, 0),
    ];
    ops[0].on_jump = Target::Exit(1);
    ops[6].on_jump = Target::Op(0);
    let trace = compile(&ops, &exits(&fx), &runtime()).unwrap();
    let mut regs = fx.regs();
    let base = fx.stack_base();
    fx.slots[2] = itv;
    // SAFETY: within the fixture's stack.
    regs.sp = unsafe { base.add(1) };
    let (exit, flow) = run(&trace, &mut regs);
    assert_eq!((exit, flow), (1, Flow::Next));
    assert_eq!(regs.sp, base, "the exhausted iterator is popped");
    assert_eq!(fx.local(0), Value::small(101));
    assert_eq!(
        fx.local(1),
        Value::small((0..50).map(|k| 3 + 2 * k).sum::<i64>())
    );
    assert_eq!(it.remaining, 0);
}

#[test]
fn dropped_tail_jumps_make_straight_line_code() {
    let fx = Fixture::new(&[Value::small(0)], &[Value::small(1)]);
    let mut ops = vec![
        op(&fx, 0, Uop::LOAD_CONST, 0, 0),
        op(&fx, 1, Uop::STORE_FAST, 0, 0),
    ];
    ops[1].on_next = Target::Exit(1);
    let trace = compile(&ops, &exits(&fx), &runtime()).unwrap();
    let lc = stitch_jit::stencil_info(Uop::LOAD_CONST).unwrap();
    assert!(lc.falls_through);
    assert_eq!(trace.op_offsets(), &[0, lc.code.len() - 5]);
}

/// `cargo test --release -p stitch-jit --test exec -- --ignored --nocapture`
#[test]
#[ignore]
fn speed_of_the_sum_loop() {
    let n = 100_000_000;
    let mut fx = Fixture::new(
        &[Value::small(0), Value::small(0)],
        &[Value::small(1), Value::small(n)],
    );
    let ops = sum_loop(&fx);
    let t0 = std::time::Instant::now();
    let trace = compile(&ops, &exits(&fx), &runtime()).unwrap();
    let compile_time = t0.elapsed();
    let mut regs = fx.regs();
    let t0 = std::time::Instant::now();
    run(&trace, &mut regs);
    let dt = t0.elapsed();
    eprintln!(
        "compile {:?} ({} bytes); {:.2} ns per iteration of 15 uops",
        compile_time,
        trace.code().len(),
        dt.as_nanos() as f64 / n as f64
    );
    eprintln!("{}", trace.dump(&ops));
}

#[test]
fn oparg_variants_compute_like_the_generic_stencil() {
    // Every operator of BINARY_OP_INT (plain and inplace) and COMPARE_OP_INT, each
    // compiled with its oparg-specialised variant.
    let cases: &[(u32, i64, i64)] = &[
        (binop::ADD, 7, -3),
        (binop::SUB, 7, 10),
        (binop::MUL, -6, 7),
        (binop::FLOORDIV, -7, 2),
        (binop::MOD, -7, 3),
        (binop::AND, 12, 10),
        (binop::OR, 12, 3),
        (binop::XOR, 5, 3),
        (binop::LSHIFT, 3, 4),
        (binop::RSHIFT, -17, 2),
    ];
    for &(opc, x, y) in cases {
        let want = match opc {
            binop::ADD => x + y,
            binop::SUB => x - y,
            binop::MUL => x * y,
            binop::FLOORDIV => (x as f64 / y as f64).floor() as i64,
            binop::MOD => x.rem_euclid(y),
            binop::AND => x & y,
            binop::OR => x | y,
            binop::XOR => x ^ y,
            binop::LSHIFT => x << y,
            _ => x >> y,
        };
        for oparg in [opc, opc + binop::INPLACE] {
            let mut fx = Fixture::new(&[Value::small(x), Value::small(y)], &[]);
            let mut ops = vec![
                op(&fx, 0, Uop::LOAD_FAST, 0, 0),
                op(&fx, 1, Uop::LOAD_FAST, 1, 0),
                op(&fx, 2, Uop::BINARY_OP_INT, oparg, 0),
                op(&fx, 3, Uop::STORE_FAST, 0, 0),
            ];
            ops[3].on_next = Target::Exit(1);
            let trace = compile(&ops, &exits(&fx), &runtime()).unwrap();
            let mut regs = fx.regs();
            assert_eq!(run(&trace, &mut regs), (1, Flow::Next));
            assert_eq!(fx.local(0), Value::small(want), "{x} op{oparg} {y}");
        }
    }
    for c in 0..6u32 {
        for (x, y) in [(1, 2), (2, 2), (3, 2)] {
            let want = match c {
                cmpop::LT => x < y,
                cmpop::LE => x <= y,
                cmpop::EQ => x == y,
                cmpop::NE => x != y,
                cmpop::GT => x > y,
                _ => x >= y,
            };
            let mut fx = Fixture::new(&[Value::small(x), Value::small(y)], &[]);
            let mut ops = vec![
                op(&fx, 0, Uop::LOAD_FAST, 0, 0),
                op(&fx, 1, Uop::LOAD_FAST, 1, 0),
                op(&fx, 2, Uop::COMPARE_OP_INT, c, 0),
                op(&fx, 3, Uop::STORE_FAST, 0, 0),
            ];
            ops[3].on_next = Target::Exit(1);
            let trace = compile(&ops, &exits(&fx), &runtime()).unwrap();
            let mut regs = fx.regs();
            run(&trace, &mut regs);
            assert_eq!(fx.local(0), Value::from_bool(want), "{x} cmp{c} {y}");
        }
    }
}
