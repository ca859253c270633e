# argparse: positionals, options, types, choices, nargs, defaults, groups,
# subcommands, help output and usage errors (which exit with status 2).
import argparse
import sys

p = argparse.ArgumentParser(prog='tool', description='A test tool.', epilog='The end.')
p.add_argument('src', help='source file')
p.add_argument('dst', nargs='?', default='out.txt', help='destination (default: %(default)s)')
p.add_argument('-v', '--verbose', action='count', default=0)
p.add_argument('-n', '--number', type=int, default=3, metavar='N', help='how many')
p.add_argument('--mode', choices=['fast', 'slow'], default='fast')
p.add_argument('--tag', action='append', dest='tags')
p.add_argument('--flag', action='store_true')
p.add_argument('--no-color', action='store_false', dest='color')
p.add_argument('--pair', nargs=2, type=float)
p.add_argument('--rest', nargs='*')
p.add_argument('--const', action='store_const', const=42)
g = p.add_mutually_exclusive_group()
g.add_argument('--json', action='store_true')
g.add_argument('--xml', action='store_true')

for argv in [['a'], ['a', 'b', '-vv', '-n', '7'], ['a', '--mode=slow', '--tag', 'x', '--tag', 'y', '--flag'],
             ['a', '--pair', '1', '2.5', '--rest', 'p', 'q', '--no-color', '--const'], ['--', '-a'], ['a', '--json']]:
    ns = p.parse_args(argv)
    print(sorted(vars(ns).items()))

ns, extra = p.parse_known_args(['a', '--unknown', 'z'])
print(ns.src, extra)
print(p.format_usage(), end='')
print(p.format_help(), end='')

sub = argparse.ArgumentParser(prog='git')
sp = sub.add_subparsers(dest='cmd', required=True)
c = sp.add_parser('commit', help='record changes')
c.add_argument('-m', required=True)
s = sp.add_parser('status')
s.add_argument('--short', action='store_true')
print(sub.parse_args(['commit', '-m', 'msg']), sub.parse_args(['status', '--short']))


def fails(parser, argv):
    try:
        parser.parse_args(argv)
    except SystemExit as e:
        print('exit status', e.code)


sys.stderr = sys.stdout
fails(p, [])
fails(p, ['a', '-n', 'x'])
fails(p, ['a', '--mode', 'medium'])
fails(p, ['a', '--json', '--xml'])
fails(p, ['a', 'b', 'c'])
fails(p, ['a', '--pair', '1'])
fails(sub, [])
fails(sub, ['commit'])
fails(sub, ['push'])
sys.stderr = sys.__stderr__
try:
    p.add_argument('--verbose')
except argparse.ArgumentError as e:
    print('ArgumentError', e)
p.parse_args(['--help'])
