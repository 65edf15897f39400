/*
** base64.h — decoding the base64 a guest writes (session file downloads).
*/
#ifndef PA_SERVER_BASE64_H
#define PA_SERVER_BASE64_H

#include <stddef.h>

/* Decode standard base64 (padding required, no whitespace).  A malloc'd
** buffer of *out_len bytes, or NULL if the text is not valid base64. */
unsigned char *pa_base64_decode(const char *s, size_t n, size_t *out_len);

#endif
