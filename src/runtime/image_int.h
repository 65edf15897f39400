/*
** image_int.h — private to src/runtime/: what state.c needs from image.c,
** and the little-endian helpers both file formats use.
*/
#ifndef PA_RUNTIME_IMAGE_INT_H
#define PA_RUNTIME_IMAGE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "pa_runtime.h"
#include "w2c_module.h"

#define PA_IMAGE_MAX_GLOBALS 256u

/* The module's globals as u64 values (floats by their bits), in a fixed
** order; returns how many (<= PA_IMAGE_MAX_GLOBALS). */
uint32_t pa_image_globals_get(const Z_python_instance_t *m, uint64_t *g);
void pa_image_globals_set(Z_python_instance_t *m, const uint64_t *g);

/* The image's memory, read-only; returns its size in bytes. */
size_t pa_image_view(const pa_image *img, const uint8_t **out);

static inline void pa_put_le32(uint8_t *p, uint32_t v) {
    for (int i = 0; i < 4; i++) p[i] = (uint8_t)(v >> (8 * i));
}
static inline void pa_put_le64(uint8_t *p, uint64_t v) {
    for (int i = 0; i < 8; i++) p[i] = (uint8_t)(v >> (8 * i));
}
static inline uint32_t pa_get_le32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static inline uint64_t pa_get_le64(const uint8_t *p) {
    return (uint64_t)pa_get_le32(p) | (uint64_t)pa_get_le32(p + 4) << 32;
}

#endif
