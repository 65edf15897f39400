/*
** provider.c — one chat-completions request to an OpenAI-compatible
** endpoint, with retries: libcurl for HTTP, jansson for JSON.
**
** A 429 or 5xx answer, or a network error, is retried with exponential
** backoff (a Retry-After of up to 30 s is honoured); anything else is an
** error at once.  The API key goes in the Authorization header and nowhere
** else: not in messages, not in logs.
*/
#include "provider.h"

#include "server/netlib.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define MAX_REPLY ((size_t)16 << 20)

static size_t header(char *data, size_t size, size_t n, void *ud) {
    size_t k = size * n;
    if (k > 12 && !strncasecmp(data, "Retry-After:", 12)) *(long *)ud = strtol(data + 12, NULL, 10);
    return k;
}

static void sleep_s(double s) {
    struct timespec ts = {(time_t)s, (long)((s - (double)(time_t)s) * 1e9)};
    nanosleep(&ts, NULL);
}

json_t *pa_provider_chat(const pa_agent_config *c, json_t *request, char *msg, size_t msglen) {
    char *body = json_dumps(request, JSON_COMPACT);
    if (!body) {
        snprintf(msg, msglen, "cannot encode the model request");
        return NULL;
    }
    char url[2048], auth[2048];
    snprintf(url, sizeof url, "%s/chat/completions", c->url);
    json_t *reply = NULL;
    double backoff = 0.5;
    for (int attempt = 0; attempt <= c->retries && !reply; attempt++) {
        CURL *h = curl_easy_init();
        struct curl_slist *hd = curl_slist_append(NULL, "Content-Type: application/json");
        if (c->api_key && *c->api_key) {
            snprintf(auth, sizeof auth, "Authorization: Bearer %s", c->api_key);
            hd = curl_slist_append(hd, auth);
        }
        pa_net_buf b = {.max = MAX_REPLY};
        long retry_after = -1;
        curl_easy_setopt(h, CURLOPT_URL, url);
        curl_easy_setopt(h, CURLOPT_HTTPHEADER, hd);
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, pa_net_collect);
        curl_easy_setopt(h, CURLOPT_WRITEDATA, &b);
        curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, header);
        curl_easy_setopt(h, CURLOPT_HEADERDATA, &retry_after);
        curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, (long)(c->timeout_s * 1000));
        curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
        CURLcode cc = curl_easy_perform(h);
        long status = 0;
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
        curl_slist_free_all(hd);
        curl_easy_cleanup(h);
        memset(auth, 0, sizeof auth); /* the key does not linger on our stack */
        int retry = 0;
        if (cc != CURLE_OK) {
            snprintf(msg, msglen, "the model provider at %s did not answer: %s", c->url, curl_easy_strerror(cc));
            retry = 1;
        } else if (status == 429 || status >= 500) {
            snprintf(msg, msglen, "the model provider answered HTTP %ld", status);
            retry = 1;
        } else if (status != 200) {
            snprintf(msg, msglen, "the model provider answered HTTP %ld: %.200s", status, b.p ? b.p : "");
        } else if (!(reply = json_loadb(b.p ? b.p : "", b.len, 0, NULL))) {
            snprintf(msg, msglen, "the model provider's answer is not JSON");
        }
        free(b.p);
        if (!retry || attempt == c->retries) break;
        /* Retry-After in seconds, up to 30, if it is more than our backoff
        ** (an HTTP date, or garbage, parses as 0 and is ignored). */
        double wait = retry_after > backoff && retry_after <= 30 ? (double)retry_after : backoff;
        sleep_s(wait);
        backoff *= 2;
    }
    free(body);
    return reply;
}
