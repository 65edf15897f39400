import binascii

data = b"Hello, binascii! \x00\x01\xfe\xff"
print(binascii.hexlify(data), binascii.hexlify(data, "-"), binascii.hexlify(data, ":", 4), data.hex(" ", -2))
print(binascii.unhexlify("48656c6c6f"), binascii.a2b_hex(b"DEADbeef"), bytes.fromhex("de ad be ef"))
print(binascii.b2a_base64(data), binascii.b2a_base64(b"x", newline=False), binascii.a2b_base64(b"SGVsbG8=\n"))
print(binascii.crc32(b""), binascii.crc32(b"hello"), binascii.crc32(b"world", binascii.crc32(b"hello ")), binascii.crc32(b"hello world"))
print(binascii.crc_hqx(b"123456789", 0), binascii.crc_hqx(b"123456789", 0xFFFF))
print(binascii.b2a_uu(b"uuencode me"), binascii.a2b_uu(binascii.b2a_uu(b"round trip")))
print(binascii.b2a_qp(b"caf\xe9 = price\tx\n"), binascii.a2b_qp(b"caf=E9 =3D price"))
try:
    binascii.unhexlify("abc")
except binascii.Error as e:
    print("Error", e)
try:
    binascii.unhexlify("zz")
except binascii.Error as e:
    print("Error", e)
try:
    binascii.a2b_base64(b"abc", strict_mode=True)
except binascii.Error as e:
    print("Error", e)
crc = 0
for i in range(1000):
    crc = binascii.crc32(i.to_bytes(4, "little"), crc)
print("rolling crc", crc, hex(crc))
