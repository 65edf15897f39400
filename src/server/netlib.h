/*
** netlib.h — libmicrohttpd and libcurl, loaded only by the commands that
** talk HTTP (serve, submit).
**
** Linked directly, the two libraries and their ~35 dependencies (GnuTLS,
** OpenSSL, Kerberos, LDAP...) cost every process start-up ~10 ms of symbol
** resolution — more than the run itself for `polyagent run`, and every pool
** worker.  So they are dlopen'ed on first use and called through a table;
** files that use them include this header instead of the libraries' own,
** and their calls read as usual.
*/
#ifndef PA_SERVER_NETLIB_H
#define PA_SERVER_NETLIB_H

#include <stddef.h>

#define CURL_DISABLE_TYPECHECK /* curl's type-checking macros would hide our table */
#include <curl/curl.h>
#include <microhttpd.h>

#define PA_NET_FUNCS(X)                                                                              \
    X(MHD_add_response_header) X(MHD_create_response_from_buffer) X(MHD_create_response_from_callback) \
    X(MHD_destroy_response) X(MHD_get_daemon_info) X(MHD_lookup_connection_value) X(MHD_queue_response) \
    X(MHD_quiesce_daemon) X(MHD_start_daemon) X(MHD_stop_daemon)                                        \
    X(curl_easy_cleanup) X(curl_easy_getinfo) X(curl_easy_init) X(curl_easy_perform)                    \
    X(curl_easy_setopt) X(curl_easy_strerror) X(curl_global_init) X(curl_slist_append)                  \
    X(curl_slist_free_all)

typedef struct pa_netlib {
#define PA_NET_DECL(f) __typeof__(&f) f;
    PA_NET_FUNCS(PA_NET_DECL)
#undef PA_NET_DECL
} pa_netlib;

extern pa_netlib pa_net;

/* A response body collected by libcurl (CURLOPT_WRITEFUNCTION pa_net_collect,
** CURLOPT_WRITEDATA a pa_net_buf): NUL-terminated, at most `max` bytes (more
** fails the transfer).  Free p. */
typedef struct pa_net_buf {
    char *p;
    size_t len, max;
} pa_net_buf;
size_t pa_net_collect(char *data, size_t size, size_t n, void *ud);

/* Load both libraries (once; thread-safe).  0, or -1 with err set. */
int pa_netlib_load(char *err, size_t errlen);

#ifndef PA_NETLIB_IMPL
#undef curl_easy_setopt  /* curl.h's own pass-through macros */
#undef curl_easy_getinfo
#define MHD_add_response_header (pa_net.MHD_add_response_header)
#define MHD_create_response_from_buffer (pa_net.MHD_create_response_from_buffer)
#define MHD_create_response_from_callback (pa_net.MHD_create_response_from_callback)
#define MHD_destroy_response (pa_net.MHD_destroy_response)
#define MHD_get_daemon_info (pa_net.MHD_get_daemon_info)
#define MHD_lookup_connection_value (pa_net.MHD_lookup_connection_value)
#define MHD_queue_response (pa_net.MHD_queue_response)
#define MHD_quiesce_daemon (pa_net.MHD_quiesce_daemon)
#define MHD_start_daemon (pa_net.MHD_start_daemon)
#define MHD_stop_daemon (pa_net.MHD_stop_daemon)
#define curl_easy_cleanup (pa_net.curl_easy_cleanup)
#define curl_easy_getinfo (pa_net.curl_easy_getinfo)
#define curl_easy_init (pa_net.curl_easy_init)
#define curl_easy_perform (pa_net.curl_easy_perform)
#define curl_easy_setopt (pa_net.curl_easy_setopt)
#define curl_easy_strerror (pa_net.curl_easy_strerror)
#define curl_global_init (pa_net.curl_global_init)
#define curl_slist_append (pa_net.curl_slist_append)
#define curl_slist_free_all (pa_net.curl_slist_free_all)
#endif

#endif
