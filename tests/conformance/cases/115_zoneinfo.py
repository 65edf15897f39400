# Needs tz data (system zoneinfo or the tzdata package); skip-listed in ../skipped.txt.
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

for name in ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"]:
    z = ZoneInfo(name)
    for ts in [datetime(2024, 1, 15, 12, tzinfo=timezone.utc), datetime(2024, 7, 15, 12, tzinfo=timezone.utc)]:
        local = ts.astimezone(z)
        print(name, local.isoformat(), local.tzname(), local.utcoffset(), local.dst())
ny = ZoneInfo("America/New_York")
d = datetime(2024, 3, 10, 1, 30, tzinfo=ny)
for h in range(4):
    x = (d.astimezone(timezone.utc) + timedelta(hours=h)).astimezone(ny)
    print(x.isoformat(), x.tzname())
print(datetime(2024, 11, 3, 1, 30, fold=0, tzinfo=ny).utcoffset(), datetime(2024, 11, 3, 1, 30, fold=1, tzinfo=ny).utcoffset())
