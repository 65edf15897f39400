import difflib

a = """one
two
three
four
five
six""".splitlines(keepends=True)
b = """zero
one
three
four and a half
five
six
seven""".splitlines(keepends=True)
print("".join(difflib.unified_diff(a, b, fromfile="a.txt", tofile="b.txt")))
print("".join(difflib.context_diff(a, b, fromfile="a.txt", tofile="b.txt", n=1)))
print("".join(difflib.ndiff(a, b)))
print(list(difflib.restore(difflib.ndiff(a, b), 2)) == b)
sm = difflib.SequenceMatcher(None, "abcdefghij", "abXdefYhij")
print(sm.ratio(), sm.quick_ratio(), sm.real_quick_ratio(), sm.get_matching_blocks(), sm.find_longest_match(0, 10, 0, 10))
for op in sm.get_opcodes():
    print(op)
print(list(sm.get_grouped_opcodes(1)))
words = ["apple", "apply", "ape", "peach", "puppy", "appeal", "applet"]
print(difflib.get_close_matches("appel", words), difflib.get_close_matches("pech", words, n=1, cutoff=0.5))
sm = difflib.SequenceMatcher(lambda x: x == " ", "private Thread currentThread;", "private volatile Thread currentThread;")
print(round(sm.ratio(), 6), sm.get_opcodes())
d = difflib.Differ()
print(list(d.compare(["ore\n", "tree\n", "emu\n"], ["ore\n", "three\n", "emu\n"])))
print(difflib.IS_CHARACTER_JUNK(" "), difflib.IS_LINE_JUNK("  #\n"))
html = difflib.HtmlDiff(wrapcolumn=40).make_table(["a b c", "d"], ["a B c", "d", "e"])
print(len(html.splitlines()), html.count("diff_chg"), html.count("diff_add"))
