/*
** seccomp.c — the syscall allowlist of a sandbox process (confine.h step 7).
**
** The list is what the engine needs after confinement and nothing more:
** memory for linear memories (never executable), the stdio and session-file
** I/O the host does on the guest's behalf, clocks, randomness, the signals
** that turn faults and deadlines into traps, threads (not processes), exit.
** Anything else kills the whole process (SECCOMP_RET_KILL_PROCESS): the
** parent sees SIGSYS and reports the run as killed.  A few calls that
** libraries make on their own and that are harmless to refuse fail with an
** errno instead (ioctl on a tty check, clone3 so glibc falls back to clone).
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "confine.h"

#include <errno.h>
#include <sched.h>
#include <seccomp.h>
#include <sys/mman.h>

/* Allowed as they are. */
static const int allowed[] = {
    /* memory */
    SCMP_SYS(munmap), SCMP_SYS(madvise), SCMP_SYS(mremap), SCMP_SYS(brk),
    /* I/O on fds we hold or create under /state */
    SCMP_SYS(read), SCMP_SYS(write), SCMP_SYS(readv), SCMP_SYS(writev),
    SCMP_SYS(pread64), SCMP_SYS(pwrite64), SCMP_SYS(lseek), SCMP_SYS(close),
    SCMP_SYS(fstat), SCMP_SYS(newfstatat), SCMP_SYS(statx), SCMP_SYS(openat),
    SCMP_SYS(getdents64), SCMP_SYS(mkdir), SCMP_SYS(mkdirat), SCMP_SYS(unlink),
    SCMP_SYS(unlinkat), SCMP_SYS(rename), SCMP_SYS(renameat), SCMP_SYS(renameat2),
    SCMP_SYS(fsync), SCMP_SYS(fdatasync), SCMP_SYS(ftruncate), SCMP_SYS(flock),
    SCMP_SYS(fcntl), SCMP_SYS(utimensat), SCMP_SYS(lstat), SCMP_SYS(stat),
    SCMP_SYS(poll), SCMP_SYS(ppoll),
    /* signals: traps, the deadline timer, abort() on a host bug */
    SCMP_SYS(rt_sigaction), SCMP_SYS(rt_sigprocmask), SCMP_SYS(rt_sigreturn),
    SCMP_SYS(sigaltstack), SCMP_SYS(tgkill), SCMP_SYS(getpid), SCMP_SYS(gettid),
    /* time */
    SCMP_SYS(clock_gettime), SCMP_SYS(clock_getres), SCMP_SYS(clock_nanosleep),
    SCMP_SYS(nanosleep), SCMP_SYS(gettimeofday), SCMP_SYS(timer_create),
    SCMP_SYS(timer_settime), SCMP_SYS(timer_gettime), SCMP_SYS(timer_delete),
    /* randomness, threads, misc libc */
    SCMP_SYS(getrandom), SCMP_SYS(futex), SCMP_SYS(set_robust_list), SCMP_SYS(rseq),
    SCMP_SYS(sched_yield), SCMP_SYS(sched_getaffinity), SCMP_SYS(sysinfo),
    SCMP_SYS(getuid), SCMP_SYS(getgid), SCMP_SYS(geteuid), SCMP_SYS(getegid),
    SCMP_SYS(prlimit64), SCMP_SYS(exit), SCMP_SYS(exit_group), SCMP_SYS(restart_syscall),
};

int pa_seccomp_install(void) {
    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_KILL_PROCESS);
    if (!ctx) return -ENOMEM;
    int rc = 0;
    for (size_t i = 0; i < sizeof allowed / sizeof allowed[0] && rc == 0; i++)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, allowed[i], 0);
    /* Memory may be readable and writable, never executable: no guest bug
    ** can turn data into code. */
    if (!rc) rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(mmap), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0));
    if (!rc) rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(mprotect), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, PROT_EXEC, 0));
    /* Threads (the guest thread) but not processes: CLONE_THREAD required. */
    if (!rc) rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(clone), 1, SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, CLONE_THREAD));
    if (!rc) rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0);
    if (!rc) rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOTTY), SCMP_SYS(ioctl), 0);
    if (!rc) rc = seccomp_load(ctx);
    seccomp_release(ctx);
    return rc;
}
