/*
** wasi_mem.c — the only door between host code and guest memory.
**
** Every guest (pointer, length) pair is checked here with 64-bit
** arithmetic, so ptr + len can never wrap: a range is valid iff
** ptr + len <= mem->size.  data and size are re-read on every call because
** the guest may have grown (and moved) its memory since the last one.
**
** Arrays that steer I/O (iovecs) are copied into host memory once and fully
** validated before any byte moves.  Reading them lazily would let a read
** whose destination overlaps the iovec array rewrite later entries after
** they were checked — a bug a fuzzer found in an earlier version.
**
** Guest memory is little-endian and unaligned; fields are assembled byte by
** byte so the code is right on any host.
*/
#include "wasi_impl.h"

#include <string.h>

uint8_t *pa_mem(pa_wasi *w, uint32_t ptr, uint64_t len) {
    const wasm_rt_memory_t *m = w->mem;
    if (!m || !m->data) return NULL;
    if ((uint64_t)ptr + len > (uint64_t)m->size) return NULL;
    return m->data + ptr;
}

uint32_t pa_mem_iovs(pa_wasi *w, uint32_t ptr, uint32_t count, pa_iov *iovs,
                     uint32_t *total) {
    if (count > PA_WASI_MAX_IOVS) return PA_WASI_EINVAL;
    const uint8_t *src = pa_mem(w, ptr, (uint64_t)count * PA_IOVEC_SIZE);
    if (!src) return PA_WASI_EFAULT;
    uint64_t sum = 0;
    for (uint32_t i = 0; i < count; i++) {
        iovs[i].ptr = pa_get_u32(src + i * PA_IOVEC_SIZE);
        iovs[i].len = pa_get_u32(src + i * PA_IOVEC_SIZE + 4);
    }
    /* Checked on the host copy: the guest array is not read again. */
    for (uint32_t i = 0; i < count; i++) {
        if (!pa_mem(w, iovs[i].ptr, iovs[i].len)) return PA_WASI_EFAULT;
        sum += iovs[i].len;
    }
    /* The byte count is returned as a u32; overlapping buffers could
    ** otherwise add up past it. */
    if (sum > UINT32_MAX) return PA_WASI_EINVAL;
    *total = (uint32_t)sum;
    return PA_WASI_ESUCCESS;
}

uint32_t pa_mem_path(pa_wasi *w, uint32_t ptr, uint32_t len, char *buf) {
    const uint8_t *src = pa_mem(w, ptr, len);
    if (!src) return PA_WASI_EFAULT;
    if (len > PA_VFS_PATH_MAX) return PA_WASI_ENAMETOOLONG;
    memcpy(buf, src, len);
    if (memchr(buf, '\0', len)) return PA_WASI_EINVAL;
    return PA_WASI_ESUCCESS;
}

void pa_put_u8(uint8_t *p, uint8_t v) { p[0] = v; }

void pa_put_u16(uint8_t *p, uint16_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

void pa_put_u32(uint8_t *p, uint32_t v) {
    for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> (8 * i));
}

void pa_put_u64(uint8_t *p, uint64_t v) {
    for (int i = 0; i < 8; i++) p[i] = (uint8_t)(v >> (8 * i));
}

uint16_t pa_get_u16(const uint8_t *p) {
    return (uint16_t)(p[0] | (uint16_t)p[1] << 8);
}

uint32_t pa_get_u32(const uint8_t *p) {
    uint32_t v = 0;
    for (int i = 3; i >= 0; i--) v = v << 8 | p[i];
    return v;
}

uint64_t pa_get_u64(const uint8_t *p) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--) v = v << 8 | p[i];
    return v;
}

uint32_t pa_store_u32(pa_wasi *w, uint32_t ptr, uint32_t v) {
    uint8_t *p = pa_mem(w, ptr, 4);
    if (!p) return PA_WASI_EFAULT;
    pa_put_u32(p, v);
    return PA_WASI_ESUCCESS;
}

uint32_t pa_store_u64(pa_wasi *w, uint32_t ptr, uint64_t v) {
    uint8_t *p = pa_mem(w, ptr, 8);
    if (!p) return PA_WASI_EFAULT;
    pa_put_u64(p, v);
    return PA_WASI_ESUCCESS;
}
