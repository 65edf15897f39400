# The os functions that start, replace, signal or re-identify processes do
# not exist in the guest's os module (os.execvp, pure Python, is there but
# calls the missing execv).
# expect: status=error
# expect: error.type=AttributeError
# expect: error.message=module 'os' has no attribute 'fork'
# expect: stdout=['execvp']\nexecvp NameError name 'execv' is not defined\n
import os
names = ["system", "fork", "forkpty", "vfork", "execv", "execve", "execvp", "spawnv", "spawnve",
         "posix_spawn", "posix_spawnp", "kill", "killpg", "pidfd_open", "wait", "waitpid",
         "setuid", "seteuid", "setgid", "setgroups", "chroot", "nice", "setsid", "getppid",
         "getuid", "geteuid", "getlogin", "chown", "lchown", "mknod", "mkfifo", "openpty",
         "memfd_create", "sched_setaffinity", "plock", "dup2"]
print([n for n in names if hasattr(os, n)])
try:
    os.execvp("sh", ["sh", "-c", "id"])
except Exception as e:
    print("execvp", type(e).__name__, e)
os.fork()
