# open() every interesting host file: credentials, kernel interfaces, the
# repository, devices.  None exists in the guest.
# expect: status=ok
# expect: stdout=/etc/shadow FileNotFoundError ENOENT\n/etc/hostname FileNotFoundError ENOENT\n/proc/self/maps FileNotFoundError ENOENT\n/proc/self/environ FileNotFoundError ENOENT\n/proc/self/mem FileNotFoundError ENOENT\n/proc/1/cmdline FileNotFoundError ENOENT\n/proc/kcore FileNotFoundError ENOENT\n/sys/kernel/notes FileNotFoundError ENOENT\n/dev/mem FileNotFoundError ENOENT\n/dev/sda FileNotFoundError ENOENT\n/dev/null FileNotFoundError ENOENT\n/dev/urandom FileNotFoundError ENOENT\n/dev/tty FileNotFoundError ENOENT\n/root/.ssh/id_rsa FileNotFoundError ENOENT\n/root/.bash_history FileNotFoundError ENOENT\n/work/main/README.md FileNotFoundError ENOENT\n/var/log/syslog FileNotFoundError ENOENT\n/usr/bin/python3 FileNotFoundError ENOENT\n
import errno
for p in ["/etc/shadow", "/etc/hostname", "/proc/self/maps", "/proc/self/environ",
          "/proc/self/mem", "/proc/1/cmdline", "/proc/kcore", "/sys/kernel/notes",
          "/dev/mem", "/dev/sda", "/dev/null", "/dev/urandom", "/dev/tty",
          "/root/.ssh/id_rsa", "/root/.bash_history", "/work/main/README.md",
          "/var/log/syslog", "/usr/bin/python3"]:
    try:
        with open(p, "rb") as f:
            print(p, "READ", f.read(64))
    except OSError as e:
        print(p, type(e).__name__, errno.errorcode[e.errno])
