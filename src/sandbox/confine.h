/*
** confine.h — the OS walls around a process that runs guest code.
**
** WebAssembly confinement is the first wall: translated guest code can only
** touch its linear memory and call our WASI functions.  These are the walls
** behind it, for the day a bug lets guest code run as host code.  A sandbox
** process is spawned by pa_sandbox_spawn() (new namespaces where the kernel
** allows) and then calls pa_confine(), which applies, in this order:
**
**   1. user namespace: map the caller's uid/gid to root inside, no groups
**   2. mount namespace with an empty root: a tmpfs with nothing in it but,
**      optionally, one host directory bind-mounted read-write at /state
**      (session files); the host file system is unreachable afterwards
**   3. net / ipc / uts / pid namespaces (spawn-time): no network interfaces
**      but a downed loopback, no shared SysV IPC, no other process visible
**   4. rlimits: no core dumps, a cap on data and address space, CPU time,
**      file size, open files, no locked memory, no new processes
**   5. every fd closed except those the caller keeps
**   6. PR_SET_NO_NEW_PRIVS, every capability dropped (bounding, ambient,
**      effective, permitted, inheritable)
**   7. seccomp-bpf allowlist (seccomp.c), installed last: any other syscall
**      kills the process
**
** A layer the kernel refuses (e.g. user namespaces disabled) is skipped and
** reported; layers 4-7 are always required.  Must be called while the
** process is single-threaded.
*/
#ifndef PA_SANDBOX_CONFINE_H
#define PA_SANDBOX_CONFINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

enum {
    PA_LAYER_USERNS = 1u << 0,
    PA_LAYER_MNTNS = 1u << 1,
    PA_LAYER_EMPTY_ROOT = 1u << 2,
    PA_LAYER_PIDNS = 1u << 3,
    PA_LAYER_NETNS = 1u << 4,
    PA_LAYER_IPCNS = 1u << 5,
    PA_LAYER_UTSNS = 1u << 6,
    PA_LAYER_RLIMITS = 1u << 7,
    PA_LAYER_CLOSE_FDS = 1u << 8,
    PA_LAYER_NO_NEW_PRIVS = 1u << 9,
    PA_LAYER_CAPS_DROPPED = 1u << 10,
    PA_LAYER_SECCOMP = 1u << 11,
    PA_LAYER_COUNT = 12
};

typedef struct pa_confine_opts {
    const char *state_dir;    /* bind-mounted rw at /state; NULL = none */
    const int *keep_fds;      /* stay open (besides 0, 1, 2) */
    size_t nkeep;
    uint64_t data_bytes;      /* RLIMIT_DATA: writable memory in all */
    uint64_t as_bytes;        /* RLIMIT_AS: address space (reservations!) */
    uint64_t cpu_seconds;     /* RLIMIT_CPU backstop; 0 = none */
    uint64_t file_bytes;      /* RLIMIT_FSIZE: largest file written */
    unsigned spawned_layers;  /* namespaces pa_sandbox_spawn obtained */
    int (*preopen)(void);     /* run in the child before confinement; an fd
                              ** it returns (>= 0) is kept open */
    bool ids_mapped;          /* pa_sandbox_map_ids already ran (a child
                              ** that execs must map before it does) */
} pa_confine_opts;

/* Apply the layers above to the calling process.  Returns 0 and the set of
** active layers in *layers; or -1 with err set (the process must then
** exit without running guest code). */
int pa_confine(const pa_confine_opts *o, unsigned *layers, char *err, size_t errlen);

/* Fork a child in as many new namespaces (user, pid, net, ipc, uts, mount)
** as the kernel grants; *layers says which.  Returns like fork(). */
pid_t pa_sandbox_spawn(unsigned *layers);
/* In a child spawned into a new user namespace that is going to exec: map
** its ids now (exec in an unmapped namespace drops every capability, and
** with them the right to write the map).  0, or -1 with err set. */
int pa_sandbox_map_ids(char *err, size_t errlen);

/* Name of one layer bit ("user-namespace", ..., "seccomp"). */
const char *pa_layer_name(unsigned bit);

/* seccomp.c: install the allowlist (layer 7).  0 or -errno. */
int pa_seccomp_install(void);

#endif
