# Threads: threading, _thread, faulthandler's watchdog thread.
# expect: status=error
# expect: error.type=RuntimeError
# expect: error.message=can't start new thread
# expect: stdout=_thread RuntimeError can't start new thread\nwatchdog RuntimeError unable to start watchdog thread\nactive 1\n
import _thread, faulthandler, threading
for label, fn in [("_thread", lambda: _thread.start_new_thread(print, ("thread",))),
                  ("watchdog", lambda: faulthandler.dump_traceback_later(1))]:
    try:
        fn()
        print(label, "STARTED")
    except RuntimeError as e:
        print(label, type(e).__name__, e)
print("active", threading.active_count())
threading.Thread(target=print, args=("thread",)).start()
