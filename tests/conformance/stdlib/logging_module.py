# logging: levels, handlers and formatters on a StringIO stream, logger
# hierarchy and propagation, filters, exc_info tracebacks, LoggerAdapter,
# basicConfig on stderr and lastResort.
import io
import logging
import os
import sys

buf = io.StringIO()
root = logging.getLogger()
h = logging.StreamHandler(buf)
h.setFormatter(logging.Formatter('%(levelname)s:%(name)s:%(message)s'))
root.addHandler(h)
root.setLevel(logging.DEBUG)

log = logging.getLogger('app')
child = logging.getLogger('app.db')
print(child.parent is log, log.parent is root, child.getEffectiveLevel(), logging.getLevelName(15), logging.getLevelName('ERROR'))
log.debug('debug %s', 1)
log.info('info %d%%', 50)
child.warning('from child')
log.setLevel(logging.ERROR)
child.warning('suppressed')
child.error('error with %r', {'k': 1})
log.setLevel(logging.NOTSET)
child.propagate = False
child.critical('not propagated')
child.propagate = True


class OnlyOdd(logging.Filter):
    def filter(self, record):
        return record.msg.endswith(('1', '3'))


f = OnlyOdd()
log.addFilter(f)
for i in range(4):
    log.info('n%d', i)
    log.info('m' + str(i))
log.removeFilter(f)

try:
    int('not a number')
except ValueError:
    log.exception('failed')
h2 = logging.StreamHandler(buf)
h2.setFormatter(logging.Formatter('[%(levelno)d] %(message)s | %(funcName)s %(module)s'))
log.addHandler(h2)
log.warning('two handlers')
log.removeHandler(h2)
adapter = logging.LoggerAdapter(log, {'user': 'bob'})
adapter.info('adapted')
logging.addLevelName(25, 'NOTICE')
log.log(25, 'custom level')
here = os.path.dirname(os.path.abspath(__file__)) + os.sep
print(buf.getvalue().replace(here, ''), end='')
print(logging.getLogger('app') is log, log.isEnabledFor(logging.DEBUG), logging.root is root)
print(logging.Formatter('%(message)s!').format(logging.makeLogRecord({'msg': 'hi %s', 'args': ('there',)})))
print(logging.Formatter('{levelname}-{message}', style='{').format(logging.makeLogRecord({'msg': 'x', 'levelname': 'L'})))
try:
    logging.Formatter('%(message', style='%').format(logging.makeLogRecord({}))
except ValueError as e:
    print('ValueError', e)
root.removeHandler(h)
logging.warning('to lastResort on stderr')
logging.basicConfig(level=logging.INFO, format='%(levelname)s %(message)s', stream=sys.stdout)
logging.info('basicConfig on stdout')
logging.debug('below level')
logging.shutdown()
