# sys: struct sequences and descriptive attributes the standard library reads.
import sys

vi = sys.version_info
print(vi[:2], vi.major, vi.minor, vi.releaselevel, vi.serial, len(vi))
print(vi >= (3, 8), vi < (4,), tuple(vi)[:3] == (vi.major, vi.minor, vi.micro))
print(type(vi).__name__, isinstance(vi, tuple))
major, minor, *rest = vi
print(major, minor, len(rest))

f = sys.flags
print(f.debug, f.optimize, f.dont_write_bytecode, f.verbose, f.hash_randomization, f.dev_mode, f.int_max_str_digits)
print(len(f), f[0], type(f).__name__)
print(sys.float_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.mant_dig, sys.float_info.dig)
print(sys.int_info)
print(sys.hash_info.width, sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.algorithm)
print(sys.thread_info.name, len(sys.thread_info))
print(sys.maxunicode, sys.maxsize, sys.byteorder, sys.float_repr_style)
print(sys.getfilesystemencoding(), sys.getfilesystemencodeerrors(), sys.getdefaultencoding())
print(type(sys.implementation).__name__, hasattr(sys.implementation, "cache_tag"))
print(sys.implementation.version == sys.version_info, sys.implementation.hexversion == sys.hexversion)
print(sys.meta_path is not None, type(sys.path_hooks), type(sys.path_importer_cache), sys.warnoptions)
print(sys.dont_write_bytecode in (True, False), sys.pycache_prefix, sys.platlibdir, sys.api_version)
print(isinstance(sys.orig_argv, list), sys.is_finalizing(), sys.getswitchinterval())
sys.setswitchinterval(0.01)
print(sys.getswitchinterval())
print(sys.audit("event", 1), sys.addaudithook(lambda *a: None), sys.getrefcount(object()) > 0)
print(isinstance(sys.prefix, str), isinstance(sys.exec_prefix, str), sys.base_prefix == sys.prefix)
print(sys._git[1:], type(sys._git))

# Struct sequences are immutable tuples with a named repr.
for stmt in ["vi.major = 4", "del vi.major", "type(sys.flags)()", "type(vi)((1, 2))"]:
    try:
        exec(stmt)
    except Exception as e:
        print(stmt, "->", type(e).__name__, e)
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print("ValueError", e)
try:
    sys.setswitchinterval("x")
except TypeError as e:
    print("TypeError", e)
print(repr(vi).startswith("sys.version_info(major=3, minor=11"))
print(vi == tuple(vi), hash(vi) == hash(tuple(vi)), vi[-1], vi[1:3])
print(sorted(sys.flags._fields) if hasattr(sys.flags, "_fields") else "no _fields", sys.flags.n_fields if hasattr(sys.flags, "n_fields") else "")
