# subprocess in all its forms, and os.popen: WASI has no processes.
# expect: status=error
# expect: error.type=OSError
# expect: error.message=[Errno 58] wasi does not support processes.
# expect: stdout=run OSError ENOTSUP\ncheck_output OSError ENOTSUP\ngetoutput OSError ENOTSUP\npopen OSError ENOTSUP\n
import errno, os, subprocess
for label, fn in [("run", lambda: subprocess.run(["/bin/sh", "-c", "id"])),
                  ("check_output", lambda: subprocess.check_output("id", shell=True)),
                  ("getoutput", lambda: subprocess.getoutput("id")),
                  ("popen", lambda: os.popen("id").read())]:
    try:
        print(label, "RAN", fn())
    except OSError as e:
        print(label, type(e).__name__, errno.errorcode[e.errno])
subprocess.Popen(["/bin/sh"])
