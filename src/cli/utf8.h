/*
** utf8.h — make arbitrary bytes safe to put in JSON.  Guest output is hostile
** bytes: invalid UTF-8 sequences become U+FFFD so the JSON we emit is always
** valid, the way Python's errors="replace" decodes.
*/
#ifndef PA_CLI_UTF8_H
#define PA_CLI_UTF8_H
#include <stddef.h>

/* Returns a malloc'd NUL-terminated valid UTF-8 copy of s[0..n); *outlen gets
** its length.  NULL on out of memory. */
char *pa_utf8_sanitize(const char *s, size_t n, size_t *outlen);

#endif
