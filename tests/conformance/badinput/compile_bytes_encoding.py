# compile()/exec() of bytes: BOM, PEP 263 declarations and decoding errors.
cases = [
    b'# coding: foo\nx = 1\n',
    b'# coding: FOO\nx = 1\n',
    b'\xef\xbb\xbf# coding: latin-1\nx = 1\n',
    b'\xef\xbb\xbf# coding: cp1252\nx = 1\n',
    b'\xef\xbb\xbf# coding: utf-8\nx = "\xc3\xa9"\n',
    b'\xef\xbb\xbfx = 2\n',
    b'# coding: latin-1\nx = "\xe9"\n',
    b'# -*- coding: iso-8859-1 -*-\nx = "\xe9\xff"\n',
    b'#!/usr/bin/env python\n# vim: set fileencoding=latin_1 :\nx = "\xe9"\n',
    b'x = 3\n# coding: latin-1\ny = "\xc3\xa9"\n',
    b'\n\n# coding: latin-1\nx = "\xc3\xa9"\n',
    b'# coding: cp1252\nx = "\xe9\x80"\n',
    b'# coding: ascii\nx = "\xe9"\n',
    b'# coding: ascii\nx = "e"\n',
    b'# coding: cp1252\nx = "\x81"\n',
    b'# coding: utf8\nx = "\xc3\xa9"\n',
    b'# coding: UTF-8-sig\nx = 4\n',
]
for src in cases:
    try:
        d = {}
        exec(compile(src, 'enc.py', 'exec'), d)
        print('ok', ascii(d.get('x')), ascii(d.get('y')))
    except SyntaxError as e:
        print(type(e).__name__, e.args)
for src in cases[:3]:
    try:
        exec(src)
    except SyntaxError as e:
        print('exec', e.args)
    try:
        eval(src)
    except SyntaxError as e:
        print('eval', e.args)
# str input ignores the declaration
d = {}
exec('# coding: latin-1\nx = "\xe9"\n', d)
print(ascii(d['x']))
try:
    exec('\ufeffx = 5\n', d)
except SyntaxError as e:
    print(ascii(e.args))
