//! The VM's fixed tables: builtin types, the exception hierarchy, and interned names
//! the runtime looks up often. Each is declared once here.

use stitch_core::value::Value;

use crate::gc::Tracer;

macro_rules! value_table {
    ($(#[$m:meta])* $name:ident { $($field:ident),* $(,)? }) => {
        $(#[$m])*
        pub struct $name { $(pub $field: Value),* }
        impl $name {
            pub fn empty() -> $name { $name { $($field: Value::NULL),* } }
            pub fn trace(&self, t: &mut Tracer) { $(t.mark(self.$field);)* }
        }
    };
}

value_table! {
    /// Builtin types.
    Types {
        object, type_, int, bool, float, complex, str, bytes, bytearray, tuple, list, dict, set,
        frozenset, range, slice, none_type, not_implemented_type, ellipsis_type, function,
        builtin_function, method_descriptor, wrapper_descriptor, method, code, cell, module,
        generator, coroutine, async_generator, property, classmethod, staticmethod, super_,
        list_iterator, tuple_iterator, range_iterator, traceback, frame, shape, native,
        getset_descriptor, member_descriptor, mappingproxy,
    }
}

/// Calls `$m!` with the exception hierarchy: `field "Name" parent_field;` in an
/// order where parents come first.
macro_rules! exception_hierarchy {
    ($m:ident) => {
        $m! {
            base_exception "BaseException" base_exception;
            base_exception_group "BaseExceptionGroup" base_exception;
            generator_exit "GeneratorExit" base_exception;
            keyboard_interrupt "KeyboardInterrupt" base_exception;
            system_exit "SystemExit" base_exception;
            exception "Exception" base_exception;
            arithmetic_error "ArithmeticError" exception;
            floating_point_error "FloatingPointError" arithmetic_error;
            overflow_error "OverflowError" arithmetic_error;
            zero_division_error "ZeroDivisionError" arithmetic_error;
            assertion_error "AssertionError" exception;
            attribute_error "AttributeError" exception;
            buffer_error "BufferError" exception;
            eof_error "EOFError" exception;
            exception_group "ExceptionGroup" base_exception_group;
            import_error "ImportError" exception;
            module_not_found_error "ModuleNotFoundError" import_error;
            lookup_error "LookupError" exception;
            index_error "IndexError" lookup_error;
            key_error "KeyError" lookup_error;
            memory_error "MemoryError" exception;
            name_error "NameError" exception;
            unbound_local_error "UnboundLocalError" name_error;
            os_error "OSError" exception;
            blocking_io_error "BlockingIOError" os_error;
            child_process_error "ChildProcessError" os_error;
            connection_error "ConnectionError" os_error;
            broken_pipe_error "BrokenPipeError" connection_error;
            connection_aborted_error "ConnectionAbortedError" connection_error;
            connection_refused_error "ConnectionRefusedError" connection_error;
            connection_reset_error "ConnectionResetError" connection_error;
            file_exists_error "FileExistsError" os_error;
            file_not_found_error "FileNotFoundError" os_error;
            interrupted_error "InterruptedError" os_error;
            is_a_directory_error "IsADirectoryError" os_error;
            not_a_directory_error "NotADirectoryError" os_error;
            permission_error "PermissionError" os_error;
            process_lookup_error "ProcessLookupError" os_error;
            timeout_error "TimeoutError" os_error;
            reference_error "ReferenceError" exception;
            runtime_error "RuntimeError" exception;
            not_implemented_error "NotImplementedError" runtime_error;
            recursion_error "RecursionError" runtime_error;
            stop_async_iteration "StopAsyncIteration" exception;
            stop_iteration "StopIteration" exception;
            syntax_error "SyntaxError" exception;
            indentation_error "IndentationError" syntax_error;
            tab_error "TabError" indentation_error;
            system_error "SystemError" exception;
            type_error "TypeError" exception;
            value_error "ValueError" exception;
            unicode_error "UnicodeError" value_error;
            unicode_decode_error "UnicodeDecodeError" unicode_error;
            unicode_encode_error "UnicodeEncodeError" unicode_error;
            unicode_translate_error "UnicodeTranslateError" unicode_error;
            warning "Warning" exception;
            bytes_warning "BytesWarning" warning;
            deprecation_warning "DeprecationWarning" warning;
            encoding_warning "EncodingWarning" warning;
            future_warning "FutureWarning" warning;
            import_warning "ImportWarning" warning;
            pending_deprecation_warning "PendingDeprecationWarning" warning;
            resource_warning "ResourceWarning" warning;
            runtime_warning "RuntimeWarning" warning;
            syntax_warning "SyntaxWarning" warning;
            unicode_warning "UnicodeWarning" warning;
            user_warning "UserWarning" warning;
        }
    };
}

macro_rules! declare_exc_types {
    ($($field:ident $name:literal $parent:ident;)*) => {
        value_table! {
            /// Builtin exception types.
            ExcTypes { $($field),* }
        }
        /// `(field name, Python name, parent field name)` of every builtin exception.
        pub const EXCEPTIONS: &[(&str, &str, &str)] = &[$((stringify!($field), $name, stringify!($parent))),*];
        impl ExcTypes {
            pub fn get_mut(&mut self, field: &str) -> Option<&mut Value> {
                match field { $(stringify!($field) => Some(&mut self.$field),)* _ => None }
            }
            pub fn get(&self, field: &str) -> Option<Value> {
                match field { $(stringify!($field) => Some(self.$field),)* _ => None }
            }
        }
    };
}
exception_hierarchy!(declare_exc_types);

macro_rules! names_table {
    ($($field:ident = $text:literal),* $(,)?) => {
        value_table! {
            /// Interned names the runtime uses.
            Names { $($field),* }
        }
        impl Names {
            pub fn init_all(vm: &mut crate::vm::Vm) {
                $(vm.names.$field = crate::object::str::intern(vm, $text);)*
            }
        }
    };
}

names_table! {
    init = "__init__", new = "__new__", getattribute = "__getattribute__", getattr = "__getattr__",
    setattr = "__setattr__", delattr = "__delattr__", dict = "__dict__", class = "__class__",
    name = "__name__", qualname = "__qualname__", module = "__module__", doc = "__doc__",
    call = "__call__", iter = "__iter__", next = "__next__", len = "__len__",
    getitem = "__getitem__", setitem = "__setitem__", delitem = "__delitem__",
    contains = "__contains__", hash = "__hash__", eq = "__eq__", ne = "__ne__", lt = "__lt__",
    le = "__le__", gt = "__gt__", ge = "__ge__", repr = "__repr__", str = "__str__",
    bool_ = "__bool__", enter = "__enter__", exit = "__exit__", get = "__get__", set = "__set__",
    delete = "__delete__", set_name = "__set_name__", init_subclass = "__init_subclass__",
    class_getitem = "__class_getitem__", mro_entries = "__mro_entries__", prepare = "__prepare__",
    classcell = "__classcell__", slots = "__slots__", index = "__index__", int = "__int__",
    float = "__float__", complex = "__complex__", format = "__format__", missing = "__missing__",
    del = "__del__", annotations = "__annotations__", all = "__all__", file = "__file__",
    builtins = "__builtins__", spec = "__spec__", loader = "__loader__", package = "__package__",
    path = "__path__", await_ = "__await__", aiter = "__aiter__", anext = "__anext__",
    aenter = "__aenter__", aexit = "__aexit__", neg = "__neg__", pos = "__pos__", abs = "__abs__",
    invert = "__invert__", round = "__round__", trunc = "__trunc__", floor = "__floor__",
    ceil = "__ceil__", reversed = "__reversed__", length_hint = "__length_hint__",
    instancecheck = "__instancecheck__", subclasscheck = "__subclasscheck__",
    match_args = "__match_args__", fspath = "__fspath__", bytes = "__bytes__",
    main = "__main__", send = "send", throw = "throw", close = "close", keys = "keys",
    args = "args", weakref = "__weakref__", mro = "mro", orig_bases = "__orig_bases__",
    abstractmethods = "__abstractmethods__", isabstractmethod = "__isabstractmethod__",
    self_ = "self", version = "__version__", notes = "__notes__", dir = "__dir__",
    sizeof = "__sizeof__", reduce = "__reduce__", reduce_ex = "__reduce_ex__",
    getstate = "__getstate__", copy = "__copy__", deepcopy = "__deepcopy__",
    debug = "__debug__", import = "__import__", wrapped = "__wrapped__",
}
