import string

print(repr(string.ascii_letters), repr(string.digits), repr(string.hexdigits), repr(string.octdigits))
print(repr(string.punctuation), repr(string.whitespace), len(string.printable))
print(string.capwords("hello   wide world"), string.capwords("a-b-c", "-"))
t = string.Template("$who likes ${what}s; $$5 costs $cost")
print(t.substitute(who="Tim", what="apple", cost="cheap"))
print(t.safe_substitute(who="Ann"))
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError", e)
print(t.get_identifiers(), t.is_valid())
class Pct(string.Template):
    delimiter = "%"
print(Pct("%a + %{b} = %c").substitute(a=1, b=2, c=3))
f = string.Formatter()
print(f.format("{0}-{name}-{1:>5}", "a", "b", name="N"))
print(list(f.parse("x{0!r:>4}y{k}z{{lit}}")))
class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()
print(Upper().format("{} and {:x}", "shout", 255))
print(string.ascii_lowercase.translate(str.maketrans("abc", "xyz", "def")))
rot13 = str.maketrans(string.ascii_lowercase + string.ascii_uppercase,
                      string.ascii_lowercase[13:] + string.ascii_lowercase[:13] + string.ascii_uppercase[13:] + string.ascii_uppercase[:13])
print("Hello, World!".translate(rot13), "Hello, World!".translate(rot13).translate(rot13))
caesar = lambda s, k: "".join(chr((ord(c) - 97 + k) % 26 + 97) if c.islower() else c for c in s)
for k in (1, 3, 13, 25):
    print(k, caesar("attack at dawn", k))
