# Buffers too big for the machine raise MemoryError (they were allocated at
# once, aborting the process): array repetition, struct.pack of a huge format,
# socket receives with a huge buffer size; the sizes just below work.
import array
import socket
import struct


def t(label, f):
    try:
        r = f()
        if isinstance(r, (bytes, bytearray, array.array)) and len(r) > 40:
            r = (type(r).__name__, len(r), r[:3], r[-3:])
        print(label, "ok", r)
    except Exception as e:
        print(label, type(e).__name__, e)


a = array.array("b", [1, 2])
t("mul", lambda: a * 3)
t("mul big", lambda: a * 2**50)
t("mul huge", lambda: a * 2**62)
t("mul too big", lambda: a * 2**64)
t("mul negative", lambda: a * -(2**64))
t("rmul big", lambda: 2**50 * array.array("d", [1.0]))
t("mul many", lambda: array.array("h", [1, 2, 3]) * 100000)
t("mul empty", lambda: array.array("q") * 2**62)


def imul(n):
    x = array.array("i", [7, 8])
    x *= n
    return x


t("imul", lambda: imul(5))
t("imul big", lambda: imul(2**50))
x = array.array("u", "ab")
try:
    x *= 2**55
except MemoryError:
    print("imul kept", x)

t("pack", lambda: struct.pack("5x"))
t("pack big", lambda: struct.pack("1125899906842624x"))
t("pack big s", lambda: struct.pack("1125899906842624s", b"a"))
t("pack too big", lambda: struct.pack("99999999999999999999x"))
t("calcsize big", lambda: struct.calcsize("1125899906842624x"))
t("Struct big", lambda: struct.Struct("1125899906842624x").pack())
t("pack_into big", lambda: struct.pack_into("1125899906842624x", bytearray(4), 0))

s1, s2 = socket.socketpair()
with s1, s2:
    s1.sendall(b"hello")
    t("recv big", lambda: s2.recv(2**50))
    t("recv", lambda: s2.recv(100))
    s1.sendall(b"x")
    t("recvfrom big", lambda: s2.recvfrom(2**50))
    t("recvfrom", lambda: s2.recvfrom(100))
    t("recv too big", lambda: s2.recv(2**63))
    t("recv negative", lambda: s2.recv(-1))
    buf = bytearray(8)
    t("recv_into big", lambda: s2.recv_into(buf, 2**50))
    s1.sendall(b"abc")
    t("recv_into", lambda: s2.recv_into(buf))
    print(buf)
