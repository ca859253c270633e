//! The tier-1 instruction set: each instruction is a sequence of micro-ops.
//!
//! An instruction is one 8-byte [`Instr`] word (opcode, adaptive counter, 32-bit
//! oparg) followed by its inline-cache words. [`instruction_list!`] declares every
//! instruction once: its cache size, the generic instruction of its family (which a
//! specialised form falls back to when a guard fails) and its micro-ops. The
//! interpreter's dispatch loop is generated from this list.

/// One instruction word.
#[repr(C, align(8))]
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub struct Instr {
    pub op: u8,
    pub _pad: u8,
    /// Adaptive counter (tier 1).
    pub counter: u16,
    pub arg: u32,
}

impl Instr {
    pub const fn new(op: Op, arg: u32) -> Instr {
        Instr {
            op: op as u8,
            _pad: 0,
            counter: 0,
            arg,
        }
    }
    /// The opcode. Every word the compiler emits as an instruction holds a valid one.
    #[inline(always)]
    pub fn opcode(self) -> Op {
        Op::from_u8(self.op).unwrap_or(Op::NOP)
    }
}

/// Calls `$m!` with every instruction as `NAME(cache_words, FAMILY) => [UOPS];`.
#[macro_export]
macro_rules! instruction_list {
    ($m:ident) => {
        $m! {
            NOP(0, NOP) => [NOP];
            LOAD_CONST(0, LOAD_CONST) => [LOAD_CONST];
            LOAD_FAST(0, LOAD_FAST) => [LOAD_FAST];
            STORE_FAST(0, STORE_FAST) => [STORE_FAST];
            DELETE_FAST(0, DELETE_FAST) => [DELETE_FAST];
            PUSH_NULL(0, PUSH_NULL) => [PUSH_NULL];
            MAKE_CELL(0, MAKE_CELL) => [MAKE_CELL];
            COPY_FREE_VARS(0, COPY_FREE_VARS) => [COPY_FREE_VARS];
            LOAD_DEREF(0, LOAD_DEREF) => [LOAD_DEREF];
            STORE_DEREF(0, STORE_DEREF) => [STORE_DEREF];
            DELETE_DEREF(0, DELETE_DEREF) => [DELETE_DEREF];
            LOAD_CLOSURE(0, LOAD_CLOSURE) => [LOAD_CLOSURE];
            LOAD_CLASSDEREF(0, LOAD_CLASSDEREF) => [LOAD_CLASSDEREF];
            LOAD_GLOBAL(3, LOAD_GLOBAL) => [SPECIALIZE, LOAD_GLOBAL];
            LOAD_GLOBAL_MODULE(3, LOAD_GLOBAL) => [LOAD_GLOBAL_MODULE];
            LOAD_GLOBAL_BUILTIN(3, LOAD_GLOBAL) => [LOAD_GLOBAL_BUILTIN];
            STORE_GLOBAL(0, STORE_GLOBAL) => [STORE_GLOBAL];
            DELETE_GLOBAL(0, DELETE_GLOBAL) => [DELETE_GLOBAL];
            LOAD_NAME(0, LOAD_NAME) => [LOAD_NAME];
            STORE_NAME(0, STORE_NAME) => [STORE_NAME];
            DELETE_NAME(0, DELETE_NAME) => [DELETE_NAME];
            LOAD_ATTR(8, LOAD_ATTR) => [SPECIALIZE, LOAD_ATTR];
            LOAD_ATTR_INSTANCE(8, LOAD_ATTR) => [LOAD_ATTR_INSTANCE];
            LOAD_ATTR_MODULE(8, LOAD_ATTR) => [LOAD_ATTR_MODULE];
            LOAD_ATTR_CLASS(8, LOAD_ATTR) => [LOAD_ATTR_CLASS];
            LOAD_ATTR_INSTANCE_POLY(8, LOAD_ATTR) => [LOAD_ATTR_INSTANCE_POLY];
            LOAD_METHOD(12, LOAD_METHOD) => [SPECIALIZE, LOAD_METHOD];
            LOAD_METHOD_INSTANCE(12, LOAD_METHOD) => [LOAD_METHOD_INSTANCE];
            LOAD_METHOD_BUILTIN(12, LOAD_METHOD) => [LOAD_METHOD_BUILTIN];
            LOAD_METHOD_MODULE(12, LOAD_METHOD) => [LOAD_METHOD_MODULE];
            LOAD_METHOD_INSTANCE_POLY(12, LOAD_METHOD) => [LOAD_METHOD_INSTANCE_POLY];
            STORE_ATTR(8, STORE_ATTR) => [SPECIALIZE, STORE_ATTR];
            STORE_ATTR_INSTANCE(8, STORE_ATTR) => [STORE_ATTR_INSTANCE];
            STORE_ATTR_INSTANCE_ADD(8, STORE_ATTR) => [STORE_ATTR_INSTANCE_ADD];
            STORE_ATTR_INSTANCE_POLY(8, STORE_ATTR) => [STORE_ATTR_INSTANCE_POLY];
            DELETE_ATTR(0, DELETE_ATTR) => [DELETE_ATTR];
            BINARY_SUBSCR(0, BINARY_SUBSCR) => [SPECIALIZE, BINARY_SUBSCR];
            BINARY_SUBSCR_LIST_INT(0, BINARY_SUBSCR) => [BINARY_SUBSCR_LIST_INT];
            BINARY_SUBSCR_TUPLE_INT(0, BINARY_SUBSCR) => [BINARY_SUBSCR_TUPLE_INT];
            BINARY_SUBSCR_DICT(0, BINARY_SUBSCR) => [BINARY_SUBSCR_DICT];
            BINARY_SUBSCR_STR_INT(0, BINARY_SUBSCR) => [BINARY_SUBSCR_STR_INT];
            STORE_SUBSCR(0, STORE_SUBSCR) => [SPECIALIZE, STORE_SUBSCR];
            STORE_SUBSCR_LIST_INT(0, STORE_SUBSCR) => [STORE_SUBSCR_LIST_INT];
            STORE_SUBSCR_DICT(0, STORE_SUBSCR) => [STORE_SUBSCR_DICT];
            DELETE_SUBSCR(0, DELETE_SUBSCR) => [DELETE_SUBSCR];
            BUILD_SLICE(0, BUILD_SLICE) => [BUILD_SLICE];
            BINARY_OP(0, BINARY_OP) => [SPECIALIZE, BINARY_OP];
            BINARY_OP_INT(0, BINARY_OP) => [GUARD_BOTH_SMALL_INT, BINARY_OP_INT];
            BINARY_OP_FLOAT(0, BINARY_OP) => [GUARD_FLOAT_MIX, BINARY_OP_FLOAT];
            BINARY_OP_ADD_STR(0, BINARY_OP) => [GUARD_BOTH_STR, BINARY_OP_ADD_STR];
            UNARY_OP(0, UNARY_OP) => [UNARY_OP];
            COMPARE_OP(0, COMPARE_OP) => [SPECIALIZE, COMPARE_OP];
            COMPARE_OP_INT(0, COMPARE_OP) => [GUARD_BOTH_SMALL_INT, COMPARE_OP_INT];
            COMPARE_OP_FLOAT(0, COMPARE_OP) => [GUARD_FLOAT_MIX, COMPARE_OP_FLOAT];
            COMPARE_OP_STR(0, COMPARE_OP) => [GUARD_BOTH_STR, COMPARE_OP_STR];
            IS_OP(0, IS_OP) => [IS_OP];
            CONTAINS_OP(0, CONTAINS_OP) => [CONTAINS_OP];
            POP_TOP(0, POP_TOP) => [POP_TOP];
            COPY(0, COPY) => [COPY];
            SWAP(0, SWAP) => [SWAP];
            JUMP(0, JUMP) => [JUMP];
            JUMP_BACKWARD(0, JUMP_BACKWARD) => [JUMP_BACKWARD];
            JUMP_BACKWARD_TRACE(0, JUMP_BACKWARD) => [JUMP_BACKWARD];
            POP_JUMP_IF_FALSE(0, POP_JUMP_IF_FALSE) => [POP_JUMP_IF_FALSE];
            POP_JUMP_IF_TRUE(0, POP_JUMP_IF_TRUE) => [POP_JUMP_IF_TRUE];
            POP_JUMP_IF_NONE(0, POP_JUMP_IF_NONE) => [POP_JUMP_IF_NONE];
            POP_JUMP_IF_NOT_NONE(0, POP_JUMP_IF_NOT_NONE) => [POP_JUMP_IF_NOT_NONE];
            GET_ITER(0, GET_ITER) => [GET_ITER];
            FOR_ITER(0, FOR_ITER) => [SPECIALIZE, FOR_ITER];
            FOR_ITER_LIST(0, FOR_ITER) => [FOR_ITER_LIST];
            FOR_ITER_TUPLE(0, FOR_ITER) => [FOR_ITER_TUPLE];
            FOR_ITER_RANGE(0, FOR_ITER) => [FOR_ITER_RANGE];
            FOR_ITER_GEN(0, FOR_ITER) => [FOR_ITER_GEN];
            BUILD_TUPLE(0, BUILD_TUPLE) => [BUILD_TUPLE];
            BUILD_LIST(0, BUILD_LIST) => [BUILD_LIST];
            BUILD_SET(0, BUILD_SET) => [BUILD_SET];
            BUILD_MAP(0, BUILD_MAP) => [BUILD_MAP];
            BUILD_STRING(0, BUILD_STRING) => [BUILD_STRING];
            LIST_APPEND(0, LIST_APPEND) => [LIST_APPEND];
            SET_ADD(0, SET_ADD) => [SET_ADD];
            MAP_ADD(0, MAP_ADD) => [MAP_ADD];
            LIST_EXTEND(0, LIST_EXTEND) => [LIST_EXTEND];
            SET_UPDATE(0, SET_UPDATE) => [SET_UPDATE];
            DICT_UPDATE(0, DICT_UPDATE) => [DICT_UPDATE];
            DICT_MERGE(0, DICT_MERGE) => [DICT_MERGE];
            LIST_TO_TUPLE(0, LIST_TO_TUPLE) => [LIST_TO_TUPLE];
            UNPACK_SEQUENCE(0, UNPACK_SEQUENCE) => [UNPACK_SEQUENCE];
            UNPACK_EX(0, UNPACK_EX) => [UNPACK_EX];
            CALL(3, CALL) => [SPECIALIZE, CALL];
            CALL_PY_EXACT_ARGS(3, CALL) => [GUARD_CALLABLE_FUNCTION, CALL_PY_EXACT_ARGS];
            CALL_BOUND_METHOD_EXACT_ARGS(3, CALL) => [UNPACK_METHOD_FUNCTION, CALL_PY_EXACT_ARGS];
            CALL_PY_SIMPLE(3, CALL) => [GUARD_SIMPLE_FUNCTION, CALL_PY_EXACT_ARGS];
            CALL_BOUND_METHOD_SIMPLE(3, CALL) => [UNPACK_SIMPLE_METHOD, CALL_PY_EXACT_ARGS];
            CALL_NATIVE(3, CALL) => [CALL_NATIVE];
            CALL_CLASS_INIT(3, CALL) => [CALL_CLASS_INIT];
            CALL_KW(0, CALL_KW) => [CALL_KW];
            CALL_EX(0, CALL_EX) => [CALL_EX];
            MAKE_FUNCTION(0, MAKE_FUNCTION) => [MAKE_FUNCTION];
            RETURN_VALUE(0, RETURN_VALUE) => [RETURN_VALUE];
            RETURN_GENERATOR(0, RETURN_GENERATOR) => [RETURN_GENERATOR];
            YIELD_VALUE(0, YIELD_VALUE) => [YIELD_VALUE];
            SEND(0, SEND) => [SEND];
            GET_YIELD_FROM_ITER(0, GET_YIELD_FROM_ITER) => [GET_YIELD_FROM_ITER];
            GET_AWAITABLE(0, GET_AWAITABLE) => [GET_AWAITABLE];
            GET_AITER(0, GET_AITER) => [GET_AITER];
            GET_ANEXT(0, GET_ANEXT) => [GET_ANEXT];
            END_ASYNC_FOR(0, END_ASYNC_FOR) => [END_ASYNC_FOR];
            CLEANUP_THROW(0, CLEANUP_THROW) => [CLEANUP_THROW];
            ASYNC_GEN_WRAP(0, ASYNC_GEN_WRAP) => [ASYNC_GEN_WRAP];
            RAISE_VARARGS(0, RAISE_VARARGS) => [RAISE_VARARGS];
            RERAISE(0, RERAISE) => [RERAISE];
            PUSH_EXC_INFO(0, PUSH_EXC_INFO) => [PUSH_EXC_INFO];
            POP_EXCEPT(0, POP_EXCEPT) => [POP_EXCEPT];
            CHECK_EXC_MATCH(0, CHECK_EXC_MATCH) => [CHECK_EXC_MATCH];
            CHECK_EG_MATCH(0, CHECK_EG_MATCH) => [CHECK_EG_MATCH];
            PREP_RERAISE_STAR(0, PREP_RERAISE_STAR) => [PREP_RERAISE_STAR];
            LOAD_SPECIAL(0, LOAD_SPECIAL) => [LOAD_SPECIAL];
            BEFORE_WITH(0, BEFORE_WITH) => [BEFORE_WITH];
            BEFORE_ASYNC_WITH(0, BEFORE_ASYNC_WITH) => [BEFORE_ASYNC_WITH];
            WITH_EXCEPT_START(0, WITH_EXCEPT_START) => [WITH_EXCEPT_START];
            IMPORT_NAME(0, IMPORT_NAME) => [IMPORT_NAME];
            IMPORT_FROM(0, IMPORT_FROM) => [IMPORT_FROM];
            IMPORT_STAR(0, IMPORT_STAR) => [IMPORT_STAR];
            SETUP_ANNOTATIONS(0, SETUP_ANNOTATIONS) => [SETUP_ANNOTATIONS];
            FORMAT_VALUE(0, FORMAT_VALUE) => [FORMAT_VALUE];
            MATCH_CLASS(0, MATCH_CLASS) => [MATCH_CLASS];
            MATCH_MAPPING(0, MATCH_MAPPING) => [MATCH_MAPPING];
            MATCH_SEQUENCE(0, MATCH_SEQUENCE) => [MATCH_SEQUENCE];
            MATCH_KEYS(0, MATCH_KEYS) => [MATCH_KEYS];
            GET_LEN(0, GET_LEN) => [GET_LEN];
            COPY_DICT_WITHOUT_KEYS(0, COPY_DICT_WITHOUT_KEYS) => [COPY_DICT_WITHOUT_KEYS];
            PRINT_EXPR(0, PRINT_EXPR) => [PRINT_EXPR];
        }
    };
}

macro_rules! define_instructions {
    ($( $name:ident ($cache:literal, $base:ident) => [$($uop:ident),*]; )*) => {
        /// Every tier-1 opcode.
        #[allow(non_camel_case_types)]
        #[repr(u8)]
        #[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
        pub enum Op { $($name),* }

        impl Op {
            pub const ALL: &'static [Op] = &[$(Op::$name),*];
            #[inline(always)]
            pub fn from_u8(b: u8) -> Option<Op> {
                Op::ALL.get(b as usize).copied()
            }
            pub fn name(self) -> &'static str {
                match self { $(Op::$name => stringify!($name)),* }
            }
            /// Inline-cache words after the instruction word.
            pub fn cache_words(self) -> usize {
                match self { $(Op::$name => $cache),* }
            }
            /// The generic instruction of this one's family.
            pub fn family(self) -> Op {
                match self { $(Op::$name => Op::$base),* }
            }
            /// The micro-ops this instruction is made of.
            pub fn uops(self) -> &'static [crate::uops::Uop] {
                match self { $(Op::$name => &[$(crate::uops::Uop::$uop),*]),* }
            }
            /// True when the oparg names a jump target.
            pub fn is_jump(self) -> bool {
                self.family().uops().iter().any(|u| u.flags() & crate::uops::flags::JUMP != 0)
            }
        }
    };
}
instruction_list!(define_instructions);

/// Opargs of `BINARY_OP`; the in-place forms follow at `INPLACE + op`.
pub mod binop {
    pub const ADD: u32 = 0;
    pub const SUB: u32 = 1;
    pub const MUL: u32 = 2;
    pub const TRUEDIV: u32 = 3;
    pub const FLOORDIV: u32 = 4;
    pub const MOD: u32 = 5;
    pub const POW: u32 = 6;
    pub const LSHIFT: u32 = 7;
    pub const RSHIFT: u32 = 8;
    pub const AND: u32 = 9;
    pub const OR: u32 = 10;
    pub const XOR: u32 = 11;
    pub const MATMUL: u32 = 12;
    pub const COUNT: u32 = 13;
    pub const INPLACE: u32 = 16;
    /// The operator's symbol, as in error messages.
    pub const SYMBOLS: [&str; 13] = [
        "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@",
    ];
    /// The special method names: (forward, reflected, in-place).
    pub const DUNDERS: [(&str, &str, &str); 13] = [
        ("__add__", "__radd__", "__iadd__"),
        ("__sub__", "__rsub__", "__isub__"),
        ("__mul__", "__rmul__", "__imul__"),
        ("__truediv__", "__rtruediv__", "__itruediv__"),
        ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        ("__mod__", "__rmod__", "__imod__"),
        ("__pow__", "__rpow__", "__ipow__"),
        ("__lshift__", "__rlshift__", "__ilshift__"),
        ("__rshift__", "__rrshift__", "__irshift__"),
        ("__and__", "__rand__", "__iand__"),
        ("__or__", "__ror__", "__ior__"),
        ("__xor__", "__rxor__", "__ixor__"),
        ("__matmul__", "__rmatmul__", "__imatmul__"),
    ];
}

/// Opargs of `COMPARE_OP`.
pub mod cmpop {
    pub const LT: u32 = 0;
    pub const LE: u32 = 1;
    pub const EQ: u32 = 2;
    pub const NE: u32 = 3;
    pub const GT: u32 = 4;
    pub const GE: u32 = 5;
    pub const SYMBOLS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];
    pub const DUNDERS: [&str; 6] = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];
    /// The comparison with operands swapped (`a < b` is `b > a`).
    pub const fn swapped(op: u32) -> u32 {
        [GT, GE, EQ, NE, LT, LE][op as usize]
    }
}

/// Opargs of `UNARY_OP`.
pub mod unaryop {
    pub const NEG: u32 = 0;
    pub const POS: u32 = 1;
    pub const INVERT: u32 = 2;
    pub const NOT: u32 = 3;
}

/// Which extras `MAKE_FUNCTION` finds below the code object (in this order).
pub mod make_function_flags {
    pub const DEFAULTS: u32 = 1;
    pub const KWDEFAULTS: u32 = 2;
    pub const ANNOTATIONS: u32 = 4;
    pub const CLOSURE: u32 = 8;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opcodes_round_trip_and_families_are_generic() {
        for (i, op) in Op::ALL.iter().enumerate() {
            assert_eq!(Op::from_u8(i as u8), Some(*op));
            assert_eq!(op.family().family(), op.family(), "{}", op.name());
            assert_eq!(op.cache_words(), op.family().cache_words(), "{}", op.name());
        }
        assert!(Op::ALL.len() <= 256);
    }
}
