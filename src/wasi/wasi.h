/*
** wasi.h — PolyAgent's WASI preview1 implementation: the public API used by
** the runtime layer.
**
** A pa_wasi is the whole world the guest can see: an in-memory file tree
** ("/" and "/lib" read-only, "/tmp" writable under a quota), stdin from a
** buffer, stdout/stderr delivered to a callback, clocks, randomness and
** sleeps.  No host path is ever opened.  The struct doubles as wasm2c's
** import-instance type (struct Z_wasi_snapshot_preview1_instance_t), so the
** runtime passes a pa_wasi* straight to the generated instantiate function;
** the import functions themselves are declared in wasi_imports.h.
**
** One pa_wasi serves one guest instance on one thread; it has no locks.
*/
#ifndef PA_WASI_H
#define PA_WASI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <wasm-rt.h>

typedef struct Z_wasi_snapshot_preview1_instance_t pa_wasi;

/* Receives guest output as it is produced: fd is 1 (stdout) or 2 (stderr).
** data points into guest memory and is only valid during the call. */
typedef void (*pa_wasi_write_fn)(void *ud, int fd, const uint8_t *data,
                                 size_t len);

typedef struct pa_wasi_config {
    pa_wasi_write_fn write; /* NULL discards output */
    void *write_ud;
    uint64_t tmp_max_bytes; /* quota of the writable /tmp; 0 = 64 MiB */
    uint32_t tmp_max_files; /* files + directories in /tmp; 0 = 1024 */
} pa_wasi_config;

#define PA_WASI_DEFAULT_TMP_BYTES ((uint64_t)64 << 20)
#define PA_WASI_DEFAULT_TMP_FILES 1024u

/* A fresh context: fds 0-2 are stdio, fd 3 is the preopened "/".
** cfg may be NULL (defaults, output discarded).  NULL on ENOMEM. */
pa_wasi *pa_wasi_new(const pa_wasi_config *cfg);
void pa_wasi_free(pa_wasi *w);

/* The guest's linear memory (borrowed).  Until it is set, every import that
** touches memory fails with EFAULT. */
void pa_wasi_set_memory(pa_wasi *w, wasm_rt_memory_t *mem);

/* Add a read-only file, e.g. "/lib/python311.zip".  path must be absolute
** and not under /tmp; missing parent directories are created read-only.
** data is borrowed and must outlive w.  Returns 0 or a negative errno
** (-EINVAL, -EEXIST, -ENOTDIR, -ENAMETOOLONG, -ENOMEM). */
int pa_wasi_add_ro_file(pa_wasi *w, const char *path, const uint8_t *data,
                        size_t len);

/* Add an empty read-only directory (e.g. an empty directory of a host tree
** shown to the guest); same rules and returns as pa_wasi_add_ro_file. */
int pa_wasi_add_ro_dir(pa_wasi *w, const char *path);

/* Replace stdin's contents (copied); reads see these bytes, then EOF.
** Returns 0 or -ENOMEM. */
int pa_wasi_set_stdin(pa_wasi *w, const uint8_t *data, size_t len);

/* ---- snapshots (wasi_state.c) ----
** The guest-visible WASI state is the /tmp tree (contents, directories,
** times, inode numbers, readdir cookies, files unlinked but still open,
** directories removed but still open) and the fd table.  Guest memory,
** stdin and output are not part of it. */

/* Serialize the guest-visible WASI state (the /tmp tree, the fd table) into
** a malloc'd buffer (*out, *out_len), owned by the caller.  0 or -ENOMEM. */
int pa_wasi_save(const pa_wasi *w, uint8_t **out, size_t *out_len);

/* Load a state saved by pa_wasi_save into `w`, which must be fresh: created
** by pa_wasi_new with the read-only files added in the same order as when
** saving, and nothing else done to it (a context brought back by
** pa_wasi_reset counts as fresh; stdin is left alone).  The read-only tree
** is checked against the saved one, never copied; its times are restored.
** The buffer is hostile (it comes from disk): every field is validated.
** Returns 0, or -EINVAL for a malformed or inconsistent buffer, -EDQUOT if
** it exceeds w's /tmp quotas, -ENOMEM; on failure w is back in its fresh
** state (still usable). */
int pa_wasi_load(pa_wasi *w, const uint8_t *buf, size_t len);

/* Back to the fresh state: every fd but stdio and the preopen closed (and
** those back in slots 0-3), /tmp empty, stdin empty, inode numbers and
** /tmp's readdir cookies starting over as in a new context.  Cheap when
** nothing was changed (it runs before every fresh execution, so it must
** not allocate or walk anything big then). */
void pa_wasi_reset(pa_wasi *w);

/* The most bytes pa_wasi_save can produce for w under its quotas: a bound
** for readers of saved state, which must not take a file's word for it. */
size_t pa_wasi_state_max(const pa_wasi *w);

/* A call into the guest begins: its CPU clocks count from here. */
void pa_wasi_begin_call(pa_wasi *w);

/* Whether the guest has read stdin since the last call; clears the flag.
** (The guest's sys.stdin buffers what it read: the runtime then tells the
** guest to drop that buffer before the next call, whose input is new.) */
bool pa_wasi_take_stdin_read(pa_wasi *w);

/* True if nothing a reset would undo has happened: /tmp empty, only the
** stdio fds and the preopen open.  (Times and inode counters may differ.) */
bool pa_wasi_is_fresh(const pa_wasi *w);

#endif
