//! Calls: pushing and popping frames, binding arguments to parameters (with
//! CPython's error messages), and calling any callable from Rust.

use stitch_core::env::FRAME_PUSHED;
use stitch_core::frame::{Frame, frame_kind};
use stitch_core::layout::{CodePrefix, FunctionPrefix, Kind, MethodObj, code_flags};
use stitch_core::value::Value;

use super::interp::{Exit, run};
use super::{Args, PyResult, Vm};
use crate::gc::Rooted;
use crate::object::{BuiltinObj, CodeObj, FunctionObj, ValueExt, dict, str as pystr, tuple, types};

/// Finds the exception handler covering instruction `lasti` of `frame`.
pub fn find_handler(frame: *mut Frame, lasti: u32) -> Option<(u32, u32)> {
    // SAFETY: the frame's code is a CodeObj.
    let code = unsafe { Value::from_ptr((*frame).code).raw::<CodeObj>() };
    code.unit
        .exception_table
        .iter()
        .find(|e| e.start <= lasti && lasti < e.end)
        .map(|e| (e.target, e.depth))
}

/// Pops the running frame `f`.
pub fn pop_frame(vm: &mut Vm, f: *mut Frame) {
    // SAFETY: f is the top frame.
    unsafe {
        vm.frame = (*f).prev;
    }
    vm.depth -= 1;
}

/// The frame slot above the running one.
fn next_frame_slot(vm: &Vm) -> *mut Frame {
    if vm.frame.is_null() {
        vm.frames_base
    } else {
        // SAFETY: frames are contiguous; the caller checks the end.
        unsafe { vm.frame.add(1) }
    }
}

/// Raises RecursionError when one more frame would exceed the limit.
pub fn check_depth(vm: &mut Vm) -> PyResult<()> {
    if vm.depth + 1 > vm.recursion_limit || next_frame_slot(vm) >= vm.frames_end {
        return Err(vm.new_error(vm.exc.recursion_error, "maximum recursion depth exceeded"));
    }
    Ok(())
}

/// Pushes a frame running `code` with `locals` (already holding its arguments) and
/// returning into `ret`.
///
/// # Safety
/// `locals` points into the value stack above every live value except the arguments.
pub unsafe fn push_frame(
    vm: &mut Vm,
    code: Value,
    func: Value,
    globals: Value,
    builtins: Value,
    locals: *mut Value,
    ret: *mut Value,
) -> PyResult<*mut Frame> {
    check_depth(vm)?;
    let c = unsafe { &*code.ptr::<CodePrefix>() };
    let n = c.nlocalsplus();
    // SAFETY: checked against the end of the value stack.
    unsafe {
        if locals.add(n + c.stacksize as usize + 8) >= vm.stack_end {
            return Err(vm.new_error(vm.exc.recursion_error, "maximum recursion depth exceeded"));
        }
        let f = next_frame_slot(vm);
        std::ptr::write(
            f,
            Frame {
                code: code.ptr(),
                func,
                globals: globals.ptr(),
                builtins: builtins.ptr(),
                ns: Value::NULL,
                locals,
                sp: locals.add(n),
                pc: c.instrs,
                ret,
                prev: vm.frame,
                generator: Value::NULL,
                kind: 0,
                lasti: 0,
                aux: Value::NULL,
            },
        );
        vm.frame = f;
        vm.depth += 1;
        Ok(f)
    }
}

/// Calls the Python function `func` with arguments on the value stack: `base` holds
/// `[callable, self_or_null, args...]` with `argc` arguments after the self slot,
/// the last `len(kwnames)` by keyword. Pushes the frame and returns it.
///
/// # Safety
/// `base` is the top of the live value stack as described.
pub unsafe fn push_function_frame(
    vm: &mut Vm,
    func: Value,
    base: *mut Value,
    argc: usize,
    kwnames: Value,
) -> PyResult<*mut Frame> {
    unsafe {
        let fp = &*func.ptr::<FunctionPrefix>();
        let code = Value::from_ptr(fp.code);
        let c = &*fp.code;
        let has_self = !(*base.add(1)).is_null();
        let locals = if has_self { base.add(1) } else { base.add(2) };
        let nargs = argc + has_self as usize;
        let nkw = if kwnames.is_null() {
            0
        } else {
            tuple::len(kwnames)
        };
        let n = c.nlocalsplus();
        let simple = nkw == 0
            && c.flags & (code_flags::VARARGS | code_flags::VARKEYWORDS) == 0
            && c.kwonlyargcount == 0
            && nargs == c.argcount as usize;
        if simple {
            for i in nargs..n {
                *locals.add(i) = Value::NULL;
            }
        } else {
            // Mark the arguments live while binding allocates.
            let saved_scratch = vm.scratch_top;
            vm.scratch_top = vm.scratch_top.max(locals.add(nargs));
            let args: Vec<Value> = std::slice::from_raw_parts(locals, nargs).to_vec();
            let bound = bind_arguments(vm, func, &args, kwnames);
            vm.scratch_top = saved_scratch;
            let bound = bound?;
            std::ptr::copy_nonoverlapping(bound.as_ptr(), locals, bound.len());
            for i in bound.len()..n {
                *locals.add(i) = Value::NULL;
            }
        }
        let f = push_frame(
            vm,
            code,
            func,
            Value::from_ptr(fp.globals),
            Value::from_ptr(fp.builtins),
            locals,
            base,
        )?;
        Ok(f)
    }
}

/// Binds positional arguments `args` (the last `len(kwnames)` of them by keyword)
/// to the parameters of `func`; returns the initial locals (parameters only).
pub fn bind_arguments(
    vm: &mut Vm,
    func: Value,
    args: &[Value],
    kwnames: Value,
) -> PyResult<Rooted> {
    let f = unsafe { func.raw::<FunctionObj>() };
    let code = unsafe { Value::from_ptr(f.prefix.code).raw::<CodeObj>() };
    let c = &code.prefix;
    let unit = &code.unit;
    let nkw = if kwnames.is_null() {
        0
    } else {
        tuple::len(kwnames)
    };
    let npos = args.len() - nkw;
    let argcount = c.argcount as usize;
    let kwonly = c.kwonlyargcount as usize;
    let total = argcount + kwonly;
    let has_varargs = c.flags & code_flags::VARARGS != 0;
    let has_varkw = c.flags & code_flags::VARKEYWORDS != 0;
    let nparams = total + has_varargs as usize + has_varkw as usize;
    let mut locals = Rooted::from_vec(vec![Value::NULL; nparams]);
    let qualname = pystr::as_str(f.qualname).to_string();

    let kwdict = if has_varkw {
        let d = dict::new(vm);
        locals[total + has_varargs as usize] = d;
        Some(d)
    } else {
        None
    };
    let ncopy = npos.min(argcount);
    locals[..ncopy].copy_from_slice(&args[..ncopy]);
    if has_varargs {
        let rest = if npos > argcount {
            &args[argcount..npos]
        } else {
            &[][..]
        };
        locals[total] = tuple::new(vm, rest);
    }
    // Keywords.
    let mut posonly_as_kw: Vec<String> = Vec::new();
    for k in 0..nkw {
        let name = tuple::items(kwnames)[k];
        let value = args[npos + k];
        let ns = pystr::as_str(name);
        let found = (c.posonlyargcount as usize..total).find(|&j| unit.varnames[j] == ns);
        match found {
            Some(j) => {
                if !locals[j].is_null() {
                    return Err(vm.type_error(format!(
                        "{qualname}() got multiple values for argument '{ns}'"
                    )));
                }
                locals[j] = value;
            }
            None => {
                if let Some(d) = kwdict {
                    dict::set(vm, d, name, value)?;
                } else if (0..c.posonlyargcount as usize).any(|j| unit.varnames[j] == ns) {
                    posonly_as_kw.push(ns.to_string());
                } else {
                    return Err(vm.type_error(format!(
                        "{qualname}() got an unexpected keyword argument '{ns}'"
                    )));
                }
            }
        }
    }
    if !posonly_as_kw.is_empty() {
        let list = posonly_as_kw
            .iter()
            .map(|n| format!("'{n}'"))
            .collect::<Vec<_>>()
            .join(", ");
        return Err(vm.type_error(format!(
            "{qualname}() got some positional-only arguments passed as keyword arguments: {list}"
        )));
    }
    let defaults: Vec<Value> = if f.prefix.defaults.is_null() {
        Vec::new()
    } else {
        tuple::items(f.prefix.defaults).to_vec()
    };
    if npos > argcount && !has_varargs {
        let kwonly_given = (argcount..total).filter(|&j| !locals[j].is_null()).count();
        let defcount = defaults.len();
        let (sig, plural) = if defcount > 0 {
            (
                format!("from {} to {}", argcount - defcount, argcount),
                true,
            )
        } else {
            (format!("{argcount}"), argcount != 1)
        };
        let kwonly_sig = if kwonly_given > 0 {
            format!(
                " positional argument{} (and {} keyword-only argument{})",
                if npos != 1 { "s" } else { "" },
                kwonly_given,
                if kwonly_given != 1 { "s" } else { "" }
            )
        } else {
            String::new()
        };
        return Err(vm.type_error(format!(
            "{qualname}() takes {sig} positional argument{} but {npos}{kwonly_sig} {} given",
            if plural { "s" } else { "" },
            if npos == 1 && kwonly_given == 0 {
                "was"
            } else {
                "were"
            }
        )));
    }
    // Defaults and missing positional parameters.
    let m = argcount - defaults.len().min(argcount);
    let missing: Vec<String> = (npos.min(argcount)..m)
        .filter(|&i| locals[i].is_null())
        .map(|i| unit.varnames[i].clone())
        .collect();
    if !missing.is_empty() {
        return Err(missing_error(vm, &qualname, "positional", &missing));
    }
    for i in m.max(npos)..argcount {
        if locals[i].is_null() {
            locals[i] = defaults[i - m];
        }
    }
    // Keyword-only parameters.
    let mut missing_kw = Vec::new();
    for i in argcount..total {
        if locals[i].is_null() {
            let name = &unit.varnames[i];
            let dflt = if f.prefix.kwdefaults.is_null() {
                None
            } else {
                let key = pystr::new(vm, name);
                dict::get(vm, f.prefix.kwdefaults, key)?
            };
            match dflt {
                Some(v) => locals[i] = v,
                None => missing_kw.push(name.clone()),
            }
        }
    }
    if !missing_kw.is_empty() {
        return Err(missing_error(vm, &qualname, "keyword-only", &missing_kw));
    }
    Ok(locals)
}

fn missing_error(vm: &mut Vm, qualname: &str, kind: &str, names: &[String]) -> super::PyErr {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    vm.type_error(format!(
        "{qualname}() missing {} required {kind} argument{}: {list}",
        names.len(),
        if names.len() == 1 { "" } else { "s" }
    ))
}

/// Pushes the frame of the Python function at `base` whose code takes exactly the
/// `nargs` positional arguments on the stack (checked when the call was
/// specialised): no binding, the arguments are already the first locals.
///
/// # Safety
/// `base` holds `[function, self_or_null, args...]` at the top of the live stack.
pub unsafe fn push_exact_frame(vm: &mut Vm, base: *mut Value, nargs: u32) -> PyResult<*mut Frame> {
    unsafe {
        let func = *base;
        let fp = &*func.ptr::<FunctionPrefix>();
        let locals = if (*base.add(1)).is_null() {
            base.add(2)
        } else {
            base.add(1)
        };
        let n = (*fp.code).nlocalsplus();
        for i in nargs as usize..n {
            *locals.add(i) = Value::NULL;
        }
        push_frame(
            vm,
            Value::from_ptr(fp.code),
            func,
            Value::from_ptr(fp.globals),
            Value::from_ptr(fp.builtins),
            locals,
            base,
        )
    }
}

/// Instantiates the class at `base` (plain `object.__new__`) and pushes the frame of
/// its `__init__` (a simple Python function), which returns the instance.
///
/// # Safety
/// `base` holds `[class, NULL, args...]` at the top of the live stack.
pub unsafe fn push_init_frame(
    vm: &mut Vm,
    base: *mut Value,
    argc: u32,
    init: Value,
) -> PyResult<*mut Frame> {
    unsafe {
        let cls = *base;
        let saved = vm.scratch_top;
        vm.scratch_top = vm.scratch_top.max(base.add(argc as usize + 2));
        let inst = crate::object::instance::new(vm, cls);
        vm.scratch_top = saved;
        *base = init;
        *base.add(1) = inst;
        let f = push_exact_frame(vm, base, argc + 1)?;
        (*f).kind |= frame_kind::INIT;
        (*f).aux = inst;
        Ok(f)
    }
}

/// Calls the native function at `base` on the arguments above it (binding its
/// `self` into the empty self slot when it is a bound builtin).
///
/// # Safety
/// `base` holds `[builtin, self_or_null, args...]` at the top of the live stack.
pub unsafe fn call_native_on_stack(
    vm: &mut Vm,
    base: *mut Value,
    argc: usize,
    kwnames: Value,
) -> PyResult<Value> {
    unsafe {
        let b = (*base).raw::<BuiltinObj>();
        let mut argc = argc;
        let first = if !(*base.add(1)).is_null() {
            argc += 1;
            base.add(1)
        } else if !b.self_.is_null() {
            *base.add(1) = b.self_;
            argc += 1;
            base.add(1)
        } else {
            base.add(2)
        };
        let all = std::slice::from_raw_parts(first, argc);
        let nkw = if kwnames.is_null() {
            0
        } else {
            tuple::len(kwnames)
        };
        let args = Args {
            pos: &all[..argc - nkw],
            kwnames: if kwnames.is_null() {
                &[]
            } else {
                tuple::items(kwnames)
            },
            kwvals: &all[argc - nkw..],
        };
        let saved = vm.scratch_top;
        vm.scratch_top = vm.scratch_top.max(first.add(argc));
        let unbound_method =
            first == base.add(2) && b.flags & crate::object::function::builtin_flags::METHOD != 0;
        // The interpreter's values are all on the VM stack (see `gc::stack`).
        let outer = crate::gc::stack::callout(b as *const BuiltinObj as *const u8);
        let r = if unbound_method {
            check_method_self(vm, b, &args).and_then(|_| (b.func)(vm, &args))
        } else {
            (b.func)(vm, &args)
        };
        crate::gc::stack::callout_done(outer);
        vm.scratch_top = saved;
        r
    }
}

/// The interpreter's generic call: `[callable, self_or_null, args...]` at `base`.
/// Returns the result, or `FRAME_PUSHED` after pushing a Python frame.
///
/// # Safety
/// `base` and the `argc` values after the self slot are live stack slots.
pub unsafe fn call_on_stack(
    vm: &mut Vm,
    base: *mut Value,
    argc: usize,
    kwnames: Value,
) -> PyResult<Value> {
    unsafe {
        let mut callable = *base;
        let mut argc = argc;
        // Unpack bound methods into [func, self] so that no argument is copied.
        if (*base.add(1)).is_null()
            && let Some(m) = callable.get::<MethodObj>()
        {
            *base = m.func;
            *base.add(1) = m.self_;
            callable = m.func;
        }
        if callable.is_kind(Kind::Function) {
            push_function_frame(vm, callable, base, argc, kwnames)?;
            return Ok(FRAME_PUSHED);
        }
        let has_self = !(*base.add(1)).is_null();
        if let Some(b) = callable.get::<BuiltinObj>()
            && !b.self_.is_null()
            && !has_self
        {
            *base.add(1) = b.self_;
            argc += 1;
        } else if has_self {
            argc += 1;
        }
        let first = if has_self || (*base.add(1)) != Value::NULL {
            base.add(1)
        } else {
            base.add(2)
        };
        let all = std::slice::from_raw_parts(first, argc);
        let nkw = if kwnames.is_null() {
            0
        } else {
            tuple::len(kwnames)
        };
        let args = Args {
            pos: &all[..argc - nkw],
            kwnames: if kwnames.is_null() {
                &[]
            } else {
                tuple::items(kwnames)
            },
            kwvals: &all[argc - nkw..],
        };
        let saved = vm.scratch_top;
        vm.scratch_top = vm.scratch_top.max(first.add(argc));
        // The interpreter's values are all on the VM stack (see `gc::stack`).
        let outer = crate::gc::stack::callout(
            callable
                .get::<BuiltinObj>()
                .map_or(std::ptr::null(), |b| b as *const BuiltinObj as *const u8),
        );
        // A bound native function's self is already in the self slot.
        let r = match callable.get::<BuiltinObj>() {
            Some(b)
                if !has_self
                    && b.self_.is_null()
                    && b.flags & crate::object::function::builtin_flags::METHOD != 0 =>
            {
                check_method_self(vm, b, &args).and_then(|_| (b.func)(vm, &args))
            }
            Some(b) => (b.func)(vm, &args),
            None => call_args(vm, callable, &args),
        };
        crate::gc::stack::callout_done(outer);
        vm.scratch_top = saved;
        r
    }
}

/// Calls any callable with `args`.
pub fn call_args(vm: &mut Vm, callable: Value, args: &Args) -> PyResult<Value> {
    match callable.kind() {
        Some(Kind::Builtin) => {
            let b = unsafe { callable.raw::<BuiltinObj>() };
            if !b.self_.is_null() {
                let mut pos = Vec::with_capacity(args.pos.len() + 1);
                pos.push(b.self_);
                pos.extend_from_slice(args.pos);
                let a = Args {
                    pos: &pos,
                    kwnames: args.kwnames,
                    kwvals: args.kwvals,
                };
                return (b.func)(vm, &a);
            }
            if b.flags & crate::object::function::builtin_flags::METHOD != 0 {
                check_method_self(vm, b, args)?;
            }
            (b.func)(vm, args)
        }
        Some(Kind::Function) => call_function(vm, callable, args),
        Some(Kind::Method) => {
            let m = unsafe { callable.raw::<MethodObj>() };
            let mut pos = Vec::with_capacity(args.pos.len() + 1);
            pos.push(m.self_);
            pos.extend_from_slice(args.pos);
            let a = Args {
                pos: &pos,
                kwnames: args.kwnames,
                kwvals: args.kwvals,
            };
            call_args(vm, m.func, &a)
        }
        Some(Kind::Type) => crate::vm::protocol::call_type(vm, callable, args),
        _ => {
            let ty = vm.type_of(callable);
            match types::lookup(ty, vm.names.call) {
                Some(f) => {
                    let mut pos = Vec::with_capacity(args.pos.len() + 1);
                    pos.push(callable);
                    pos.extend_from_slice(args.pos);
                    let a = Args {
                        pos: &pos,
                        kwnames: args.kwnames,
                        kwvals: args.kwvals,
                    };
                    call_args(vm, f, &a)
                }
                None => Err(vm.type_error(format!(
                    "'{}' object is not callable",
                    vm.type_name(callable)
                ))),
            }
        }
    }
}

/// An unbound method descriptor (`list.append(x, 1)`): its first argument must be
/// an instance of the defining type, as CPython checks.
fn check_method_self(vm: &mut Vm, b: &BuiltinObj, args: &Args) -> PyResult<()> {
    if b.flags & crate::object::function::builtin_flags::CLASSMETHOD != 0
        || !b.owner.is_kind(Kind::Type)
    {
        return Ok(());
    }
    let owner = types::name(b.owner).to_string();
    match args.pos.first() {
        None => Err(vm.type_error(format!(
            "unbound method {owner}.{}() needs an argument",
            b.name
        ))),
        Some(&s) if !vm.is_instance_of(s, b.owner) => Err(vm.type_error(format!(
            "descriptor '{}' for '{owner}' objects doesn't apply to a '{}' object",
            b.name,
            vm.type_name(s)
        ))),
        Some(_) => Ok(()),
    }
}

/// Calls a Python function from Rust: pushes its arguments and frame, runs it.
pub fn call_function(vm: &mut Vm, func: Value, args: &Args) -> PyResult<Value> {
    let top = vm.stack_top();
    let n = args.pos.len() + args.kwvals.len();
    // SAFETY: the value stack has room (checked against its end).
    unsafe {
        if top.add(n + 2 + 64) >= vm.stack_end {
            return Err(vm.new_error(vm.exc.recursion_error, "maximum recursion depth exceeded"));
        }
        *top = func;
        *top.add(1) = Value::NULL;
        std::ptr::copy_nonoverlapping(args.pos.as_ptr(), top.add(2), args.pos.len());
        std::ptr::copy_nonoverlapping(
            args.kwvals.as_ptr(),
            top.add(2 + args.pos.len()),
            args.kwvals.len(),
        );
        let saved = vm.scratch_top;
        vm.scratch_top = top.add(n + 2);
        let kwnames = if args.kwnames.is_empty() {
            Value::NULL
        } else {
            tuple::new(vm, args.kwnames)
        };
        let pushed = push_function_frame(vm, func, top, n, kwnames);
        vm.scratch_top = saved;
        let f = pushed?;
        (*f).kind |= frame_kind::ENTRY;
        run_entry(vm, f)
    }
}

/// Runs an entry frame to completion (a nested run loop: native recursion).
pub fn run_entry(vm: &mut Vm, f: *mut Frame) -> PyResult<Value> {
    if crate::gc::stack::approx_sp() < vm.native_stack_limit {
        pop_frame(vm, f);
        return Err(vm.new_error(vm.exc.recursion_error, "maximum recursion depth exceeded"));
    }
    match run(vm, f)? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(v) => Ok(v),
    }
}

/// Calls `callable(*args)`.
pub fn call(vm: &mut Vm, callable: Value, args: &[Value]) -> PyResult<Value> {
    call_args(vm, callable, &Args::new(args))
}

/// The globals dict of the running code (the `__main__` dict outside any frame).
pub fn current_globals(vm: &Vm) -> Option<Value> {
    if vm.frame.is_null() {
        None
    } else {
        // SAFETY: the running frame has globals.
        Some(Value::from_ptr(unsafe { (*vm.frame).globals }))
    }
}

/// Runs module-level (or class-body, or exec) code with `globals` and namespace `ns`.
pub fn run_code(vm: &mut Vm, code: Value, globals: Value, ns: Value) -> PyResult<Value> {
    let builtins = crate::builtins::builtins_for(vm, globals)?;
    let top = vm.stack_top();
    // SAFETY: the value stack has room for the return slot and locals.
    unsafe {
        *top = Value::NONE;
        let locals = top.add(1);
        let n = code.raw::<CodeObj>().prefix.nlocalsplus();
        for i in 0..n {
            *locals.add(i) = Value::NULL;
        }
        let saved = vm.scratch_top;
        vm.scratch_top = locals.add(n);
        let pushed = push_frame(vm, code, Value::NULL, globals, builtins, locals, top);
        vm.scratch_top = saved;
        let f = pushed?;
        (*f).ns = ns;
        (*f).kind |= frame_kind::ENTRY;
        run_entry(vm, f)
    }
}

/// Runs a function's code as a class body with namespace `ns` (for `__build_class__`).
pub fn run_class_body(vm: &mut Vm, func: Value, ns: Value) -> PyResult<Value> {
    let top = vm.stack_top();
    // SAFETY: as in run_code.
    unsafe {
        *top = func;
        *top.add(1) = Value::NULL;
        let saved = vm.scratch_top;
        vm.scratch_top = top.add(2);
        let pushed = push_function_frame(vm, func, top, 0, Value::NULL);
        vm.scratch_top = saved;
        let f = pushed?;
        (*f).ns = ns;
        (*f).kind |= frame_kind::ENTRY;
        run_entry(vm, f)
    }
}

/// The globals of a function.
pub fn function_globals(func: Value) -> Value {
    // SAFETY: func is a function.
    Value::from_ptr(unsafe { (*func.ptr::<FunctionPrefix>()).globals })
}
