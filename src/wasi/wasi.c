/*
** wasi.c — lifetime of a pa_wasi context and the host-side setters of the
** public API (wasi.h).  Nothing here is reachable from the guest.
*/
#include "wasi_impl.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

pa_wasi *pa_wasi_new(const pa_wasi_config *cfg) {
    pa_wasi *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    uint64_t max_bytes = PA_WASI_DEFAULT_TMP_BYTES;
    uint32_t max_files = PA_WASI_DEFAULT_TMP_FILES;
    if (cfg) {
        w->write = cfg->write;
        w->write_ud = cfg->write_ud;
        if (cfg->tmp_max_bytes) max_bytes = cfg->tmp_max_bytes;
        if (cfg->tmp_max_files) max_files = cfg->tmp_max_files;
    }
    /* Offsets are signed 64-bit in POSIX; a bigger quota is meaningless. */
    if (max_bytes > (uint64_t)INT64_MAX) max_bytes = (uint64_t)INT64_MAX;
    if (pa_vfs_init(&w->vfs, max_bytes, max_files) != PA_WASI_ESUCCESS) {
        free(w);
        return NULL;
    }
    pa_fdtable_init(w);
    return w;
}

void pa_wasi_free(pa_wasi *w) {
    if (!w) return;
    pa_fdtable_close_all(w);
    pa_vfs_destroy(&w->vfs);
    free(w->stdin_data);
    free(w);
}

void pa_wasi_set_memory(pa_wasi *w, wasm_rt_memory_t *mem) { w->mem = mem; }

/* The public API speaks negative host errnos; the vfs speaks WASI's. */
static int host_errno(uint32_t wasi_errno) {
    switch (wasi_errno) {
    case PA_WASI_ESUCCESS: return 0;
    case PA_WASI_EEXIST: return -EEXIST;
    case PA_WASI_ENOTDIR: return -ENOTDIR;
    case PA_WASI_ENAMETOOLONG: return -ENAMETOOLONG;
    case PA_WASI_ENOMEM: return -ENOMEM;
    default: return -EINVAL;
    }
}

int pa_wasi_add_ro_file(pa_wasi *w, const char *path, const uint8_t *data,
                        size_t len) {
    if (!path || (!data && len)) return -EINVAL;
    return host_errno(pa_vfs_add_ro_file(&w->vfs, path, data, len));
}

int pa_wasi_add_ro_dir(pa_wasi *w, const char *path) {
    if (!path) return -EINVAL;
    return host_errno(pa_vfs_add_ro(&w->vfs, path, NULL, 0, PA_WASI_FILETYPE_DIRECTORY));
}

int pa_wasi_set_stdin(pa_wasi *w, const uint8_t *data, size_t len) {
    uint8_t *copy = NULL;
    if (len) {
        if (!data) return -EINVAL;
        copy = malloc(len);
        if (!copy) return -ENOMEM;
        memcpy(copy, data, len);
    }
    free(w->stdin_data);
    w->stdin_data = copy;
    w->stdin_len = len;
    w->stdin_pos = 0;
    return 0;
}
