/*
** wasi_impl.h — private to src/wasi/: the context struct, the fd table and
** the helpers shared by the import implementations.
**
** Layering, bottom up:
**   wasi_abi.h   numbers and guest struct layouts of preview1
**   vfs*.c       the in-memory tree (knows nothing about guest memory)
**   wasi_mem.c   every access to guest memory: bounds checks, iovec copies
**   fdtable.c    fd slots, stdio, the preopen
**   wasi_*.c     the imports: decode arguments, validate, call the above
**
** Rule for imports: validate every argument and every output pointer before
** the first side effect, so a call either fails cleanly or completes.
*/
#ifndef PA_WASI_IMPL_H
#define PA_WASI_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../runtime/hostcall.h"
#include "vfs.h"
#include "wasi.h"
#include "wasi_abi.h"
#include "wasi_imports.h"

#define PA_WASI_MAX_FDS 256u
#define PA_WASI_MAX_IOVS 1024u  /* IOV_MAX; more is EINVAL */
#define PA_WASI_MAX_SUBS 4096u  /* poll_oneoff subscriptions; more is EINVAL */
#define PA_WASI_PREOPEN_FD 3u

enum {
    PA_FD_FREE = 0,
    PA_FD_STDIN,
    PA_FD_STDOUT,
    PA_FD_STDERR,
    PA_FD_NODE, /* a file or directory of the vfs */
};

typedef struct pa_fd {
    uint8_t kind;
    bool preopen;         /* reports a prestat (name "/") */
    uint16_t flags;       /* fdflags */
    uint64_t rights_base, rights_inh;
    uint64_t pos;         /* file offset; <= INT64_MAX */
    pa_node *node;        /* PA_FD_NODE: one reference */
} pa_fd;

struct Z_wasi_snapshot_preview1_instance_t {
    wasm_rt_memory_t *mem;
    pa_wasi_write_fn write;
    void *write_ud;
    pa_vfs vfs;
    uint8_t *stdin_data;
    size_t stdin_len, stdin_pos;
    bool stdin_read;      /* the guest read fd 0 since the last take */
    uint64_t cpu_base;    /* thread CPU time at the start of the call */
    pa_fd fds[PA_WASI_MAX_FDS];
};

/* Run an import body between pa_rt_host_enter() and pa_rt_host_leave().
** Used as a function body: uint32_t Z_...(...) PA_HOSTCALL(impl(...)) */
#define PA_HOSTCALL(expr)                                                 \
    {                                                                     \
        pa_rt_host_enter();                                               \
        uint32_t pa_rc_ = (expr);                                         \
        pa_rt_host_leave();                                               \
        return pa_rc_;                                                    \
    }

/* ---- clocks (wasi_misc.c) ---- */

/* The guest's monotonic clock is the host's shifted to read like the
** realtime clock: the host's monotonic clock counts from boot, and the
** guest has no business knowing the machine's uptime.  One shift per
** process, so the clock never goes back within it. */
uint64_t pa_wasi_mono_to_guest(uint64_t host_ns);
uint64_t pa_wasi_mono_to_host(uint64_t guest_ns);

/* ---- wasi_mem.c: guest memory ---- */

/* A host copy of one guest iovec, already bounds-checked. */
typedef struct pa_iov {
    uint32_t ptr, len;
} pa_iov;

/* Host pointer to guest range [ptr, ptr+len), or NULL if it is not wholly
** inside memory.  Valid until the call returns. */
uint8_t *pa_mem(pa_wasi *w, uint32_t ptr, uint64_t len);
/* Copy and check an iovec array: count <= PA_WASI_MAX_IOVS (else EINVAL),
** every buffer inside memory (else EFAULT), total fits in u32 (else
** EINVAL).  iovs must hold PA_WASI_MAX_IOVS entries. */
uint32_t pa_mem_iovs(pa_wasi *w, uint32_t ptr, uint32_t count, pa_iov *iovs,
                     uint32_t *total);
/* Copy a guest path into buf (PA_VFS_PATH_MAX bytes): EFAULT, then
** ENAMETOOLONG, then EINVAL for an embedded NUL. */
uint32_t pa_mem_path(pa_wasi *w, uint32_t ptr, uint32_t len, char *buf);
void pa_put_u8(uint8_t *p, uint8_t v);
void pa_put_u16(uint8_t *p, uint16_t v);
void pa_put_u32(uint8_t *p, uint32_t v);
void pa_put_u64(uint8_t *p, uint64_t v);
uint16_t pa_get_u16(const uint8_t *p);
uint32_t pa_get_u32(const uint8_t *p);
uint64_t pa_get_u64(const uint8_t *p);
/* Store one u32/u64 result at a guest address: 0 or EFAULT. */
uint32_t pa_store_u32(pa_wasi *w, uint32_t ptr, uint32_t v);
uint32_t pa_store_u64(pa_wasi *w, uint32_t ptr, uint64_t v);

/* ---- fdtable.c ---- */

/* The open fd `fd`, or NULL (-> EBADF). */
pa_fd *pa_fd_get(pa_wasi *w, uint32_t fd);
/* Lowest free slot, or -1 (-> EMFILE). */
int pa_fd_free_slot(const pa_wasi *w);
void pa_fd_release(pa_wasi *w, pa_fd *f);
uint32_t pa_fd_renumber(pa_wasi *w, uint32_t from, uint32_t to);
void pa_fdtable_init(pa_wasi *w);
void pa_fdtable_close_all(pa_wasi *w);
/* The WASI filetype an fd reports. */
uint8_t pa_fd_filetype(const pa_fd *f);
/* Rights a file or directory fd may hold at most. */
uint64_t pa_fd_max_rights(uint8_t filetype);
/* Fill a 64-byte guest filestat for a node or a stdio fd. */
void pa_fill_filestat(uint8_t *p, const pa_fd *f, const pa_node *n);

#endif
