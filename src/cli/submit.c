/*
** submit.c — `polyagent submit TEXT [--session ID] [--server URL]`: send a
** task to a running service's /agent/query and print the answer for a
** person: the program's stdout, its stderr on stderr, a one-line reason
** when it failed.  The exit status is the run's (as `polyagent run`).
** HTTP is libcurl's; POLYAGENT_API_KEY is sent as a bearer token.
*/
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "server/netlib.h"
#include "session/store.h"

int pa_cmd_submit(int argc, char **argv) {
    const char *text = NULL, *session = NULL, *server = getenv("POLYAGENT_SERVER");
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--session") && i + 1 < argc) session = argv[++i];
        else if (!strcmp(argv[i], "--server") && i + 1 < argc) server = argv[++i];
        else if (argv[i][0] == '-' && argv[i][1]) {
            pa_cli_error("submit: unknown option '%s'", argv[i]);
            return PA_EXIT_USAGE;
        } else if (text) {
            pa_cli_error("submit: one task at a time (quote it)");
            return PA_EXIT_USAGE;
        } else text = argv[i];
    }
    if (!text) {
        pa_cli_error("usage: polyagent submit \"Execute Python: print(2 + 2)\" [--session ID] [--server URL]");
        return PA_EXIT_USAGE;
    }
    if (session && pa_store_check_id(session)) {
        pa_cli_error("submit: --session: '%s' is not a valid id", session);
        return PA_EXIT_USAGE;
    }
    if (!server || !*server) server = "http://127.0.0.1:8000";
    char lib_err[300];
    if (pa_netlib_load(lib_err, sizeof lib_err)) {
        pa_cli_error("submit: %s", lib_err);
        return 1;
    }
    json_t *req = json_pack("{s:s}", "query", text);
    if (session) json_object_set_new(req, "session_id", json_string(session));
    char *payload = req ? json_dumps(req, JSON_COMPACT) : NULL;
    json_decref(req);
    if (!payload) {
        pa_cli_error("submit: the task is not valid UTF-8");
        return PA_EXIT_USAGE;
    }
    char url[2048], auth[1100];
    snprintf(url, sizeof url, "%s/agent/query", server);
    CURL *c = curl_easy_init();
    struct curl_slist *h = curl_slist_append(NULL, "Content-Type: application/json");
    const char *key = getenv("POLYAGENT_API_KEY");
    if (key && *key) {
        snprintf(auth, sizeof auth, "Authorization: Bearer %s", key);
        h = curl_slist_append(h, auth);
    }
    pa_net_buf b = {.max = (size_t)64 << 20}; /* a sane reply is far smaller */
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, payload);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, pa_net_collect);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &b);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 120L);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    CURLcode cc = curl_easy_perform(c);
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(h);
    curl_easy_cleanup(c);
    free(payload);
    int rc = 1;
    json_t *r = cc == CURLE_OK && b.p ? json_loadb(b.p, b.len, 0, NULL) : NULL;
    if (cc != CURLE_OK) {
        pa_cli_error("submit: cannot reach %s: %s (is `polyagent serve` running?)", server, curl_easy_strerror(cc));
    } else if (!r) {
        pa_cli_error("submit: %s answered HTTP %ld with something that is not JSON", server, status);
    } else if (status != 200) {
        const char *m = json_string_value(json_object_get(json_object_get(r, "error"), "message"));
        pa_cli_error("submit: HTTP %ld: %s", status, m ? m : "error");
    } else {
        json_t *ex = json_object_get(r, "execution");
        const char *by = json_string_value(json_object_get(r, "answered_by"));
        if (by && !strcmp(by, "model")) { /* the model's answer, in words */
            const char *answer = json_string_value(json_object_get(r, "result"));
            if (answer) printf("%s%s", answer, *answer && answer[strlen(answer) - 1] == '\n' ? "" : "\n");
            json_decref(r);
            free(b.p);
            return 0;
        }
        const char *out = json_string_value(json_object_get(ex, "stdout"));
        const char *err = json_string_value(json_object_get(ex, "stderr"));
        const char *st = json_string_value(json_object_get(ex, "status"));
        if (out) fputs(out, stdout);
        if (err) fputs(err, stderr);
        rc = (int)json_integer_value(json_object_get(ex, "exit_code"));
        if (st && strcmp(st, "ok") && strcmp(st, "error")) {
            const char *m = json_string_value(json_object_get(json_object_get(ex, "error"), "message"));
            pa_cli_error("%s: %s", st, m ? m : "");
        }
    }
    json_decref(r);
    free(b.p);
    return rc & 0xFF;
}
