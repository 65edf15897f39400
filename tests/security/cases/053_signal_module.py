# The signal module: handlers can be set (in-process bookkeeping only),
# but nothing that reaches the host's timers or threads exists.
# expect: status=ok
# expect: stdout=signal ok\nSIGINT handled\nalarm False\nsetitimer False\npthread_kill False\npause False\nsigwait False\nset_wakeup_fd ValueError the fd 1 must be in non-blocking mode\n
import signal
signal.signal(signal.SIGALRM, lambda *a: None)
print("signal ok")
signal.signal(signal.SIGINT, lambda *a: print("SIGINT handled"))
signal.raise_signal(signal.SIGINT)
for name in ["alarm", "setitimer", "pthread_kill", "pause", "sigwait"]:
    print(name, hasattr(signal, name))
try:
    signal.set_wakeup_fd(1)
    print("set_wakeup_fd SUCCEEDED")
except (OSError, ValueError) as e:
    print("set_wakeup_fd", type(e).__name__, e)
