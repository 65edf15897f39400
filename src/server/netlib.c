/*
** netlib.c — dlopen of libmicrohttpd and libcurl (see netlib.h).
*/
#define PA_NETLIB_IMPL
#include "netlib.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

pa_netlib pa_net;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static char load_err[256];

static void load(void) {
    /* The sonames of Debian 12's libmicrohttpd12 and libcurl4. */
    void *mhd = dlopen("libmicrohttpd.so.12", RTLD_NOW | RTLD_LOCAL);
    void *curl = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!mhd || !curl) {
        snprintf(load_err, sizeof load_err, "cannot load %s: %s", !mhd ? "libmicrohttpd.so.12" : "libcurl.so.4",
                 dlerror());
        return;
    }
#define PA_NET_LOAD(f)                                                              \
    if (!load_err[0]) {                                                             \
        void *p = dlsym(#f[0] == 'M' ? mhd : curl, #f);                             \
        if (!p) snprintf(load_err, sizeof load_err, "symbol %s not found", #f);     \
        else *(void **)&pa_net.f = p;                                               \
    }
    PA_NET_FUNCS(PA_NET_LOAD)
#undef PA_NET_LOAD
    if (!load_err[0]) pa_net.curl_global_init(CURL_GLOBAL_DEFAULT);
}

size_t pa_net_collect(char *data, size_t size, size_t n, void *ud) {
    pa_net_buf *b = ud;
    size_t k = size * n;
    if (b->len + k > b->max) return 0;
    char *p = realloc(b->p, b->len + k + 1);
    if (!p) return 0;
    memcpy(p + b->len, data, k);
    b->p = p;
    b->len += k;
    b->p[b->len] = 0;
    return k;
}

int pa_netlib_load(char *err, size_t errlen) {
    pthread_once(&once, load);
    if (load_err[0]) {
        snprintf(err, errlen, "%s", load_err);
        return -1;
    }
    return 0;
}
