# select and _socket used directly: pipes and socket pairs under select(),
# poll and epoll; socket timeouts, non-blocking errors, TCP on 127.0.0.1,
# address conversions, and CPython's messages.
import _socket as s
import posix
import select


def t(f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r) if ' at 0x' not in repr(r) else type(r).__name__)


r, w = posix.pipe()
t(select.select, [r], [w], [], 0)
t(select.select, [r], [w], [], -1)
t(select.select, [r], [w], [], 'x')
t(select.select, ['x'], [], [], 0)
t(select.select, [-1], [], [], 0)
t(select.select, [99999], [], [], 0)
t(select.select, 1, [], [], 0)
t(select.select, [], [], [], 0)
t(select.select, [r], [], [], 0.01)
posix.write(w, b'x')
print(select.select([r], [w], [w], 0) == ([r], [w], []))


class F:
    def fileno(self):
        return r


class G:
    def fileno(self):
        return 'x'


res = select.select([F()], [], [], 0)
print(len(res[0]), type(res[0][0]).__name__)
t(select.select, [G()], [], [], 0)

p = select.poll()
t(p.register, r)
t(p.register, w, select.POLLOUT)
print(sorted(p.poll(0)) == sorted([(r, select.POLLIN), (w, select.POLLOUT)]))
t(p.poll, 'x')
print(len(p.poll(1.5)))
t(p.modify, 12345, 1)
t(p.unregister, 12345)
t(p.unregister, w)
print(p.poll(0) == [(r, select.POLLIN)])
t(p.register, 'x')

e = select.epoll()
print(e.closed, type(e.fileno()).__name__)
t(e.register, r, select.EPOLLIN)
t(e.register, r, select.EPOLLIN)
print(e.poll(0) == [(r, select.EPOLLIN)])
t(e.poll, 0, 0)
t(e.poll, 'x')
t(e.modify, w, 1)
t(e.unregister, w)
t(e.unregister, r)
t(e.poll, 0)
t(e.register, -1)
e.close()
print(e.closed)
t(e.poll)
t(e.fileno)
e.close()
with select.epoll() as e2:
    print(e2.closed)
print(e2.closed)
print(select.EPOLLIN, select.EPOLLOUT, select.POLLIN, select.POLLNVAL, select.error,
      select.PIPE_BUF, select.EPOLL_CLOEXEC, select.EPOLLRDHUP, select.POLLRDHUP)
posix.close(r)
posix.close(w)

a, b = s.socketpair()
print(type(a).__name__, type(a).__module__, a.family, a.type, a.proto, a.timeout, a.getblocking())
print(repr(a).startswith('<socket object, fd='))
print(a.send(b'hello'), b.recv(10))
b.setblocking(False)
print(b.timeout, b.getblocking())
t(b.recv, 10)
b.settimeout(0.01)
t(b.recv, 10)
t(b.settimeout, -1)
t(b.settimeout, 'x')
print(b.gettimeout())
t(a.sendall, b'xyz')
buf = bytearray(2)
t(b.recv_into, buf)
print(buf, b.recv(5))
t(b.recv, -1)
t(a.send, 'str')
t(a.recv)
print(repr(a.getsockname()), repr(a.getpeername()))

ep = select.epoll()
ep.register(b.fileno(), select.EPOLLIN)
print(ep.poll(0))
a.send(b'!')
print(ep.poll(0) == [(b.fileno(), select.EPOLLIN)], b.recv(1))
ep.close()

d = a.detach()
print(d > 0, a.fileno())
t(a.send, b'x')
t(a.recv, 1)
a.close()
a.close()
b.close()
print(b.fileno())
posix.close(d)
t(s.socket, 99)

c = s.socket(s.AF_INET, s.SOCK_STREAM)
print(c.family, c.type, c.getsockname())
t(c.bind, 'x')
t(c.bind, ('127.0.0.1', 70000))
t(c.bind, ('127.0.0.1',))
c.bind(('127.0.0.1', 0))
print(c.getsockname()[0])
c.listen()
port = c.getsockname()[1]
d = s.socket()
d.connect(('127.0.0.1', port))
fd, addr = c._accept()
print(type(fd).__name__, addr[0], d.getpeername() == ('127.0.0.1', port))
srv = s.socket(fileno=fd)
print(srv.family, srv.type, srv.proto)
srv.sendall(b'abc' * 1000)
got = b''
while len(got) < 3000:
    got += d.recv(4096)
print(len(got), got[:6])
srv.close()
print(d.recv(10))
d.close()
c.setblocking(False)
t(c._accept)
c.close()

u = s.socket(s.AF_INET, s.SOCK_DGRAM)
u.bind(('127.0.0.1', 0))
u2 = s.socket(s.AF_INET, s.SOCK_DGRAM)
u2.sendto(b'datagram', u.getsockname())
data, frm = u.recvfrom(100)
print(data, frm == u2.getsockname())
u.close()
u2.close()

print(s.htons(1), s.ntohl(1), s.htonl(0x01020304), s.ntohs(0x0102))
print(s.inet_aton('1.2.3.4'), s.inet_aton('127.1'), s.inet_aton('0x7f.1'), s.inet_ntoa(b'\x01\x02\x03\x04'))
print(s.inet_pton(s.AF_INET6, '::1'), s.inet_ntop(s.AF_INET, b'\x7f\0\0\1'), s.inet_ntop(s.AF_INET6, bytes(15) + b'\1'))
t(s.inet_aton, 'x')
t(s.inet_aton, '1.2.3.256')
t(s.inet_pton, s.AF_INET, '1.2.3')
t(s.inet_ntoa, b'\x01')
t(s.htons, -1)
t(s.htons, 70000)
t(s.htonl, 2**32)
print(s.getdefaulttimeout())
t(s.setdefaulttimeout, -2)
s.setdefaulttimeout(2.5)
x = s.socket()
print(x.timeout, x.getblocking())
x.close()
s.setdefaulttimeout(None)
print(s.getaddrinfo('127.0.0.1', 80, s.AF_INET, s.SOCK_STREAM))
print(s.getaddrinfo('127.0.0.1', '80', s.AF_INET, s.SOCK_DGRAM, 0, s.AI_NUMERICHOST))
t(s.getaddrinfo, 'not a host', 80, 0, 0, 0, s.AI_NUMERICHOST)
t(s.htonl, -1)
t(s.htonl, 2**64)
print(s.error, s.timeout, s.gaierror.__mro__, s.herror.__bases__, s.has_ipv6, s.SocketType is s.socket)
un = s.socket(s.AF_UNIX, s.SOCK_DGRAM)
print(repr(un.getsockname()))
un.close()
