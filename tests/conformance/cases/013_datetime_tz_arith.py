import datetime as dt

utc = dt.timezone.utc
est = dt.timezone(dt.timedelta(hours=-5), "EST")
ist = dt.timezone(dt.timedelta(hours=5, minutes=30))
npt = dt.timezone(dt.timedelta(hours=5, minutes=45), "NPT")
print(utc, est, ist, npt, repr(ist), repr(utc))
a = dt.datetime(2024, 3, 10, 12, 0, tzinfo=utc)
for tz in (est, ist, npt, utc):
    b = a.astimezone(tz)
    print(b, b.tzname(), b.utcoffset(), b.isoformat(), b.strftime("%H:%M %z %Z"))
print(a == a.astimezone(est), a.astimezone(est) - a.astimezone(ist))
print(dt.datetime.fromisoformat("2024-01-01T10:00:00+02:00"), dt.datetime.fromisoformat("2024-01-01T10:00:00-07:30").utcoffset())
naive = dt.datetime(2024, 1, 1)
try:
    naive < a
except TypeError as e:
    print("TypeError", e)
print(naive.replace(tzinfo=est).timestamp(), a.timestamp())
print(dt.datetime.strptime("2024-06-01 12:00 +0530", "%Y-%m-%d %H:%M %z"))
start = dt.datetime(2024, 1, 31, 9, 30)
for n in range(0, 400, 37):
    x = start + dt.timedelta(days=n, hours=n % 24, minutes=n)
    print(n, x, x.strftime("%a %U"), (x - start).total_seconds())
def add_months(d, n):
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    last = [31, 29 if y % 4 == 0 and (y % 100 != 0 or y % 400 == 0) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
    return d.replace(year=y, month=m, day=min(d.day, last))
print([str(add_months(dt.date(2023, 1, 31), k)) for k in range(13)])
bdays = 0
d = dt.date(2024, 1, 1)
while d.year == 2024:
    if d.weekday() < 5:
        bdays += 1
    d += dt.timedelta(days=1)
print("business days 2024", bdays)
age = dt.date(2024, 6, 15) - dt.date(1990, 6, 16)
print("age days", age.days, "years", age.days // 365)
class FixedTZ(dt.tzinfo):
    def __init__(self, minutes):
        self.m = minutes
    def utcoffset(self, d):
        return dt.timedelta(minutes=self.m)
    def dst(self, d):
        return dt.timedelta(0)
    def tzname(self, d):
        return "FX%+d" % self.m
x = dt.datetime(2000, 1, 1, tzinfo=FixedTZ(-90))
print(x, x.tzname(), x.astimezone(utc))
print(dt.timezone(dt.timedelta(0)) == utc, dt.timezone.min, dt.timezone.max)
