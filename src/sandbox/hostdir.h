/*
** hostdir.h — host directories shown read-only to the guest (the seed's
** "whitelisted paths": `--mount /srv/data:/data:ro`).
**
** The tree is read into memory before the sandbox is entered and served
** from there by the in-memory VFS, so a sandbox process never holds a path
** to the host: nothing outside the tree can be reached through it, whatever
** the guest (or a compromised worker) does.  The walk itself refuses what
** could lead outside: it never follows a symbolic link (they are skipped),
** opens every component relative to its parent's descriptor with O_NOFOLLOW
** (a link swapped in during the walk is refused, not followed), stays on
** one file system, and skips regular files with more than one hard link
** (one could be a second name of a file outside the tree).  Devices, FIFOs
** and sockets are skipped.  The walk is bounded in bytes, files and depth.
*/
#ifndef PA_SANDBOX_HOSTDIR_H
#define PA_SANDBOX_HOSTDIR_H

#include <stddef.h>
#include <stdint.h>

#include "runtime/pa_runtime.h"

typedef struct pa_hostdir {
    pa_ro_entry *e;           /* in walk order: a directory before its contents */
    size_t n, cap;
    uint64_t bytes;
    size_t skipped;      /* links, special files, multiply linked files */
} pa_hostdir;

#define PA_HOSTDIR_MAX_BYTES ((uint64_t)256 << 20)
#define PA_HOSTDIR_MAX_FILES 10000u
#define PA_HOSTDIR_MAX_DEPTH 32u

/* Add the tree at host directory `host` under guest path `guest` to *d
** (which may hold earlier mounts; all share the limits).  0, or -1 with
** err set.  `guest` must be absolute, normalized, not "/" and not under
** /lib or /tmp (checked here). */
int pa_hostdir_load(pa_hostdir *d, const char *host, const char *guest, char *err, size_t errlen);
void pa_hostdir_free(pa_hostdir *d);

#endif
