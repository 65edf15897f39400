/*
** base64.c — strict base64 decoding (base64.h).  The text comes from guest
** output: every character and the length are checked.
*/
#include "base64.h"

#include <stdint.h>
#include <stdlib.h>

static int value(unsigned char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

unsigned char *pa_base64_decode(const char *s, size_t n, size_t *out_len) {
    if (n % 4) return NULL;
    size_t pad = n && s[n - 1] == '=' ? (n > 1 && s[n - 2] == '=' ? 2 : 1) : 0;
    unsigned char *out = malloc(n / 4 * 3 + 1);
    if (!out) return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n; i += 4) {
        int v[4];
        for (int k = 0; k < 4; k++) {
            int last = i + 4 == n;
            v[k] = last && k >= 4 - (int)pad ? 0 : value((unsigned char)s[i + k]);
            if (v[k] < 0) {
                free(out);
                return NULL;
            }
        }
        uint32_t w = (uint32_t)v[0] << 18 | (uint32_t)v[1] << 12 | (uint32_t)v[2] << 6 | (uint32_t)v[3];
        out[o++] = (unsigned char)(w >> 16);
        out[o++] = (unsigned char)(w >> 8);
        out[o++] = (unsigned char)w;
    }
    *out_len = o - pad;
    return out;
}
