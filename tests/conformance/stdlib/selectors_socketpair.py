# selectors (DefaultSelector, SelectSelector, PollSelector, EpollSelector) on
# socket.socketpair(): registration, readiness, modify/unregister, errors; and
# the socket module's wrappers (enums, makefile, sendall/recv, timeouts).
import selectors
import socket

print(selectors.DefaultSelector.__name__)
a, b = socket.socketpair()
print(a.family, a.type, a.proto, isinstance(a.family, socket.AddressFamily), int(a.type))
print(repr(a).split(' fd=')[0], a.getblocking(), a.gettimeout())
a.setblocking(False)
b.setblocking(False)

for cls in [selectors.SelectSelector, selectors.PollSelector, selectors.EpollSelector, selectors.DefaultSelector]:
    print('--', cls.__name__)
    with cls() as sel:
        key = sel.register(a, selectors.EVENT_READ, data='a-data')
        print(key.fileobj is a, key.fd == a.fileno(), key.events, key.data)
        print(sel.select(timeout=0))
        b.send(b'hello')
        ready = sel.select(timeout=1)
        print([(k.data, ev) for k, ev in ready])
        print(a.recv(100))
        sel.modify(a, selectors.EVENT_READ | selectors.EVENT_WRITE, data='rw')
        ready = sel.select(timeout=1)
        print([(k.data, ev) for k, ev in ready])
        sel.register(b, selectors.EVENT_WRITE)
        print(sorted(k.fd == b.fileno() for k in sel.get_map().values()), len(sel.get_map()))
        try:
            sel.register(a, selectors.EVENT_READ)
        except KeyError as e:
            print('KeyError', 'already registered' in str(e))
        try:
            sel.register(a, 0)
        except ValueError as e:
            print('ValueError', e)
        print(sel.get_key(a).data)
        sel.unregister(a)
        try:
            sel.get_key(a)
        except KeyError as e:
            print('KeyError', 'not registered' in str(e))
        try:
            sel.unregister(a)
        except KeyError as e:
            print('KeyError', 'not registered' in str(e))
        try:
            sel.register('not a file', selectors.EVENT_READ)
        except ValueError as e:
            print('ValueError', e)
        sel.unregister(b)
        print(sel.select(timeout=0))
    print(sel.get_map() is None)

try:
    a.recv(10)
except BlockingIOError as e:
    print('BlockingIOError', e.errno)

b.setblocking(True)
b.settimeout(0.05)
try:
    b.recv(10)
except socket.timeout as e:
    print('timeout', e, type(e).__name__)

a.sendall(b'line one\nline two\n')
b.settimeout(None)
f = b.makefile('rb')
print(f.readline(), f.readline())
f.close()
w = a.makefile('wb')
w.write(b'via makefile')
w.flush()
w.close()
print(b.recv(100))
a.close()
print(b.recv(100))
print(a.fileno(), a._closed)
b.close()
try:
    b.send(b'x')
except OSError as e:
    print(type(e).__name__, e.errno)

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as srv:
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(('127.0.0.1', 0))
    srv.listen()
    host, port = srv.getsockname()
    with socket.create_connection((host, port), timeout=5) as c:
        conn, addr = srv.accept()
        with conn:
            print(addr[0], type(conn).__name__, conn.gettimeout())
            c.sendall(b'over tcp')
            print(conn.recv(100))
            conn.shutdown(socket.SHUT_WR)
            print(c.recv(100))
print(socket.getaddrinfo('127.0.0.1', 80, socket.AF_INET, socket.SOCK_STREAM)[0][:3])
print(str(socket.AF_INET), repr(socket.SOCK_STREAM), socket.AddressFamily(1))
