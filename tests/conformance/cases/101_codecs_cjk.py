s = "Grüße, 世界! 日本語 한국어 中文"
for enc in ["shift_jis", "cp932", "euc-jp", "iso2022_jp", "gb2312", "gbk", "gb18030", "big5", "euc-kr", "cp949", "hz"]:
    for errors in ["strict", "replace", "xmlcharrefreplace"]:
        try:
            b = s.encode(enc, errors)
            print(enc, errors, len(b), b.hex())
            print("  back", b.decode(enc, "replace"))
        except UnicodeEncodeError as e:
            print(enc, errors, "UnicodeEncodeError", e.start, e.end, e.reason)
print("日本語".encode("shift_jis"), "日本語".encode("euc-jp"), "中文".encode("gbk"), "中文".encode("big5"), "한국어".encode("euc-kr"))
print(b"\x93\xfa\x96\x7b".decode("shift_jis"), b"\xc6\xfc\xcb\xdc".decode("euc-jp"), b"\xd6\xd0\xce\xc4".decode("gbk"))
print("😀".encode("gb18030").hex(), b"\x954\xd6\x32".decode("gb18030", "replace"))
import codecs
dec = codecs.getincrementaldecoder("shift_jis")()
print([dec.decode(bytes([b])) for b in "日本".encode("shift_jis")])
try:
    b"\xff\xff".decode("shift_jis")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e.encoding, e.start, e.end, e.reason)
