/*
** confine.c — the ordered steps of confine.h, each one small and named, in
** the manner of nsjail: do a step, check it, record it, go on.
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "confine.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

const char *pa_layer_name(unsigned bit) {
    switch (bit) {
    case PA_LAYER_USERNS: return "user-namespace";
    case PA_LAYER_MNTNS: return "mount-namespace";
    case PA_LAYER_EMPTY_ROOT: return "empty-root";
    case PA_LAYER_PIDNS: return "pid-namespace";
    case PA_LAYER_NETNS: return "net-namespace";
    case PA_LAYER_IPCNS: return "ipc-namespace";
    case PA_LAYER_UTSNS: return "uts-namespace";
    case PA_LAYER_RLIMITS: return "rlimits";
    case PA_LAYER_CLOSE_FDS: return "closed-fds";
    case PA_LAYER_NO_NEW_PRIVS: return "no-new-privs";
    case PA_LAYER_CAPS_DROPPED: return "capabilities-dropped";
    case PA_LAYER_SECCOMP: return "seccomp";
    }
    return "?";
}

/* ---- spawning ---------------------------------------------------------------- */

/* Our ids outside: once in a new user namespace, getuid() says "nobody"
** until the map that needs these values is written. */
static uid_t g_outer_uid;
static gid_t g_outer_gid;

pid_t pa_sandbox_spawn(unsigned *layers) {
    /* Most isolating first; drop what the kernel refuses.  Raw clone
    ** without a stack behaves like fork; the caller is single-threaded. */
    static const struct { unsigned long flags; unsigned layers; } tries[] = {
        {CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS,
         PA_LAYER_USERNS | PA_LAYER_MNTNS | PA_LAYER_PIDNS | PA_LAYER_NETNS | PA_LAYER_IPCNS | PA_LAYER_UTSNS},
        {CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS, /* root without userns */
         PA_LAYER_MNTNS | PA_LAYER_PIDNS | PA_LAYER_NETNS | PA_LAYER_IPCNS | PA_LAYER_UTSNS},
        {CLONE_NEWUSER | CLONE_NEWNS, PA_LAYER_USERNS | PA_LAYER_MNTNS},
        {0, 0},
    };
    g_outer_uid = getuid();
    g_outer_gid = getgid();
    for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
        pid_t pid = (pid_t)syscall(SYS_clone, tries[i].flags | SIGCHLD, NULL, NULL, NULL, NULL);
        if (pid >= 0) {
            *layers = tries[i].layers;
            return pid;
        }
        if (errno != EPERM && errno != EINVAL && errno != ENOSPC && errno != EUSERS) return -1;
    }
    return -1;
}

/* ---- 1. user namespace ------------------------------------------------------------ */

static int write_file(const char *path, const char *text) {
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0) return -errno;
    ssize_t n = write(fd, text, strlen(text));
    int rc = n == (ssize_t)strlen(text) ? 0 : -errno;
    close(fd);
    return rc;
}

/* Inside a fresh user namespace we are nobody until mapped: become root of
** the namespace (which is nobody outside it), with no supplementary groups. */
static int map_ids(uid_t uid, gid_t gid, char *err, size_t errlen) {
    char map[64];
    int rc = write_file("/proc/self/setgroups", "deny");
    snprintf(map, sizeof map, "0 %u 1", (unsigned)uid);
    if (!rc) rc = write_file("/proc/self/uid_map", map);
    snprintf(map, sizeof map, "0 %u 1", (unsigned)gid);
    if (!rc) rc = write_file("/proc/self/gid_map", map);
    if (rc) snprintf(err, errlen, "user namespace id maps: %s", strerror(-rc));
    return rc;
}

int pa_sandbox_map_ids(char *err, size_t errlen) { return map_ids(g_outer_uid, g_outer_gid, err, errlen); }

/* ---- 2. empty root ----------------------------------------------------------------- */

/* Where the new root's tmpfs is mounted before pivot_root: any directory
** will do (we are in a private mount namespace; nothing outside sees it). */
static const char *mount_point(void) {
    static const char *cands[] = {"/tmp", "/mnt", "/media", "/srv", "/opt", "/home", "/var"};
    struct stat st;
    for (size_t i = 0; i < sizeof cands / sizeof cands[0]; i++)
        if (lstat(cands[i], &st) == 0 && S_ISDIR(st.st_mode)) return cands[i];
    return NULL;
}

static int empty_root(const char *state_dir, char *err, size_t errlen) {
#define FAIL(what) do { snprintf(err, errlen, "empty root: %s: %s", what, strerror(errno)); goto fail; } while (0)
    int tree = -1;
    char path[256];
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL)) FAIL("make mounts private");
    /* Clone the state directory's mount first: the tmpfs below may cover it. */
    if (state_dir) {
        tree = (int)syscall(SYS_open_tree, AT_FDCWD, state_dir, OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC);
        if (tree < 0) FAIL("clone the state directory mount");
    }
    const char *mp = mount_point();
    if (!mp) { errno = ENOENT; FAIL("no directory to mount the new root on"); }
    if (mount("tmpfs", mp, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, "size=64k,nr_inodes=16,mode=0755"))
        FAIL("mount tmpfs");
    snprintf(path, sizeof path, "%s/.old", mp);
    if (mkdir(path, 0700)) FAIL("mkdir .old");
    if (tree >= 0) {
        snprintf(path, sizeof path, "%s/state", mp);
        if (mkdir(path, 0700)) FAIL("mkdir state");
        if (syscall(SYS_move_mount, tree, "", AT_FDCWD, path, MOVE_MOUNT_F_EMPTY_PATH)) FAIL("attach the state directory");
        close(tree);
        tree = -1;
    }
    snprintf(path, sizeof path, "%s/.old", mp);
    if (syscall(SYS_pivot_root, mp, path)) FAIL("pivot_root");
    if (chdir("/")) FAIL("chdir /");
    if (umount2("/.old", MNT_DETACH)) FAIL("detach the old root");
    if (rmdir("/.old")) FAIL("rmdir /.old");
    if (state_dir && mount(NULL, "/state", NULL, MS_REMOUNT | MS_BIND | MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL))
        FAIL("restrict /state");
    if (mount(NULL, "/", NULL, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL))
        FAIL("make the root read-only");
    return 0;
fail:
    if (tree >= 0) close(tree);
    return -1;
#undef FAIL
}

/* ---- 4. rlimits ----------------------------------------------------------------------- */

static int set_limit(int res, uint64_t v) {
    struct rlimit rl = {.rlim_cur = v ? (rlim_t)v : RLIM_INFINITY, .rlim_max = v ? (rlim_t)v : RLIM_INFINITY};
    struct rlimit cur;
    /* Never raise a limit we were given: only lower it. */
    if (getrlimit(res, &cur) == 0 && cur.rlim_max != RLIM_INFINITY &&
        (rl.rlim_max == RLIM_INFINITY || rl.rlim_max > cur.rlim_max))
        rl.rlim_cur = rl.rlim_max = cur.rlim_max;
    return setrlimit(res, &rl);
}

static int limits(const pa_confine_opts *o, char *err, size_t errlen) {
    struct { int res; uint64_t v; const char *name; } l[] = {
        {RLIMIT_CORE, 0, "core"},         {RLIMIT_NPROC, 0, "nproc"},
        {RLIMIT_MEMLOCK, 0, "memlock"},   {RLIMIT_MSGQUEUE, 0, "msgqueue"},
        {RLIMIT_NOFILE, 64, "nofile"},    {RLIMIT_DATA, o->data_bytes, "data"},
        {RLIMIT_AS, o->as_bytes, "as"},   {RLIMIT_CPU, o->cpu_seconds, "cpu"},
        {RLIMIT_FSIZE, o->file_bytes, "fsize"},
    };
    for (size_t i = 0; i < sizeof l / sizeof l[0]; i++) {
        /* 0 means "none allowed" for the first five, "no limit" after. */
        struct rlimit rl = {0, 0};
        int rc = i < 5 && l[i].v == 0 ? setrlimit(l[i].res, &rl) : set_limit(l[i].res, l[i].v);
        if (rc) {
            snprintf(err, errlen, "rlimit %s: %s", l[i].name, strerror(errno));
            return -1;
        }
    }
    return 0;
}

/* ---- 5. fds ------------------------------------------------------------------------------ */

static int close_fds(const int *keep, size_t n) {
    /* Close every gap between the fds we keep (sorted, above stderr). */
    int ks[64];
    size_t m = 0;
    for (size_t i = 0; i < n && m < 64; i++)
        if (keep[i] > 2) ks[m++] = keep[i];
    for (size_t i = 1; i < m; i++)
        for (size_t j = i; j > 0 && ks[j - 1] > ks[j]; j--) { int t = ks[j]; ks[j] = ks[j - 1]; ks[j - 1] = t; }
    unsigned lo = 3;
    for (size_t i = 0; i < m; i++) {
        if ((unsigned)ks[i] > lo && close_range(lo, (unsigned)ks[i] - 1, 0)) return -1;
        lo = (unsigned)ks[i] + 1;
    }
    return close_range(lo, ~0u, 0);
}

/* ---- 6. privileges --------------------------------------------------------------------- */

static int drop_caps(void) {
    for (int c = 0; c <= CAP_LAST_CAP; c++)
        if (prctl(PR_CAPBSET_DROP, c, 0, 0, 0) && errno != EINVAL) return -1;
    if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0)) return -1;
    struct __user_cap_header_struct h = {.version = _LINUX_CAPABILITY_VERSION_3, .pid = 0};
    struct __user_cap_data_struct d[2];
    memset(d, 0, sizeof d);
    return (int)syscall(SYS_capset, &h, d);
}

/* ---- all of it, in order ----------------------------------------------------------------- */

int pa_confine(const pa_confine_opts *o, unsigned *layers, char *err, size_t errlen) {
    unsigned on = o->spawned_layers;
    if ((on & PA_LAYER_USERNS) && !o->ids_mapped && map_ids(g_outer_uid, g_outer_gid, err, errlen)) return -1;
    if (!(on & PA_LAYER_MNTNS) && unshare(CLONE_NEWNS) == 0) on |= PA_LAYER_MNTNS;
    if (on & PA_LAYER_MNTNS) {
        if (empty_root(o->state_dir, err, errlen)) return -1;
        on |= PA_LAYER_EMPTY_ROOT;
    }
    if (!(on & PA_LAYER_NETNS) && unshare(CLONE_NEWNET) == 0) on |= PA_LAYER_NETNS;
    if (!(on & PA_LAYER_IPCNS) && unshare(CLONE_NEWIPC) == 0) on |= PA_LAYER_IPCNS;
    if (!(on & PA_LAYER_UTSNS) && unshare(CLONE_NEWUTS) == 0) on |= PA_LAYER_UTSNS;

    if (limits(o, err, errlen)) return -1;
    on |= PA_LAYER_RLIMITS;
    if (close_fds(o->keep_fds, o->nkeep)) {
        snprintf(err, errlen, "closing fds: %s", strerror(errno));
        return -1;
    }
    on |= PA_LAYER_CLOSE_FDS;
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)) {
        snprintf(err, errlen, "no_new_privs: %s", strerror(errno));
        return -1;
    }
    on |= PA_LAYER_NO_NEW_PRIVS;
    if (drop_caps()) {
        snprintf(err, errlen, "dropping capabilities: %s", strerror(errno));
        return -1;
    }
    on |= PA_LAYER_CAPS_DROPPED;
    int rc = pa_seccomp_install();
    if (rc) {
        snprintf(err, errlen, "seccomp: %s", strerror(-rc));
        return -1;
    }
    on |= PA_LAYER_SECCOMP;
    *layers = on;
    return 0;
}
