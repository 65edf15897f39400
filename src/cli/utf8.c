/*
** utf8.c — lossy UTF-8 validation (see utf8.h).  Follows the Unicode
** "maximal subpart" rule: each invalid byte sequence is replaced by one
** U+FFFD per maximal invalid subpart, as CPython's decoder does.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* Length of the valid sequence at p (1..4), or 0 if the byte at p starts an
** invalid one; *skip gets the length of the maximal invalid subpart. */
static size_t seq_len(const unsigned char *p, size_t n, size_t *skip) {
    unsigned c = p[0];
    size_t need;
    unsigned lo = 0x80, hi = 0xBF;
    *skip = 1;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) need = 1;
    else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F; /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else return 0;
    for (size_t i = 1; i <= need; i++) {
        if (i >= n) return 0;
        unsigned b = p[i];
        unsigned l = i == 1 ? lo : 0x80, h = i == 1 ? hi : 0xBF;
        if (b < l || b > h) return 0;
        *skip = i + 1;
    }
    return need + 1;
}

char *pa_utf8_sanitize(const char *s, size_t n, size_t *outlen) {
    /* Worst case each byte becomes 3 bytes of U+FFFD. */
    if (n > (SIZE_MAX - 1) / 3) return NULL;
    char *out = malloc(n * 3 + 1);
    if (!out) return NULL;
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, o = 0;
    while (i < n) {
        size_t skip, len = seq_len(p + i, n - i, &skip);
        if (len) {
            memcpy(out + o, p + i, len);
            o += len;
            i += len;
        } else {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i += skip;
        }
    }
    out[o] = 0;
    *outlen = o;
    return out;
}
