import textwrap

text = ("The Zen of Python, by Tim Peters. Beautiful is better than ugly. Explicit is better than implicit. "
        "Simple is better than complex. Complex is better than complicated. Flat is better than nested. "
        "Sparse is better than dense. Readability counts.")
for w in (20, 35, 60):
    print(f"--- width {w}")
    print(textwrap.fill(text, width=w))
print(textwrap.wrap(text, 30)[:4])
print(textwrap.fill(text, 40, initial_indent="* ", subsequent_indent="  "))
print(textwrap.shorten(text, 50), "|", textwrap.shorten("Hello  world!", width=11), "|", textwrap.shorten(text, 30, placeholder=" [..]"))
block = """
    def f():
        return 1
    # comment
"""
print(repr(textwrap.dedent(block)))
print(textwrap.indent("a\nb\n\nc\n", "> "))
print(textwrap.indent("a\nb\n\nc\n", "+ ", predicate=lambda l: True))
w = textwrap.TextWrapper(width=15, break_long_words=True, max_lines=3, placeholder="...")
print(w.wrap("Supercalifragilisticexpialidocious is a very long word indeed"))
w = textwrap.TextWrapper(width=10, break_long_words=False, break_on_hyphens=True)
print(w.wrap("a well-known long-winded hyphenated-phrase"))
w = textwrap.TextWrapper(width=12, expand_tabs=True, tabsize=4, replace_whitespace=True, drop_whitespace=False)
print(w.wrap("col1\tcol2\tcol3 end"))
print(textwrap.fill("a " * 30, width=9, fix_sentence_endings=True))
print(textwrap.fill("End. Next sentence.  Another.", width=80, fix_sentence_endings=True))
