/*
** fuzz_json.c — libFuzzer harness for the CLI's result encoding
** (src/cli/result_json.c, src/cli/utf8.c).
**
** Each input describes one pa_result: status (valid or not), exit code,
** truncation flags, a duration given as raw double bits (NaN, infinities,
** negatives, subnormals), and five strings of arbitrary bytes (NULs,
** invalid UTF-8), any of which may be a NULL pointer with an arbitrary,
** even huge, length.  Buffers are allocated to exactly their length, so
** ASan catches any read past it (an encoder must go by the lengths, never
** look for a NUL, except in error_type, which has no length).
**
** Checks: the encoding exists (allocation never fails here); it parses
** back with jansson (so it is one valid JSON value, valid UTF-8, no NaN
** tokens); the object has exactly the documented keys, in order, with the
** documented types; numbers and flags round-trip; `error` is null exactly
** when status is ok; and every string equals an independent reference
** decoding of its input (below), byte for byte, NULs included.  The rest
** of the input is a session outcome (any origin value, any call count, a
** save_error of 256 arbitrary bytes, NUL-terminated or not), checked the
** same way against pa_session_outcome_json's contract.
** `make fuzz` runs it for FUZZ_SECONDS; tests/fuzz/smoke.t for seconds.
*/
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/result_json.h"
#include "runtime/pa_runtime.h"
#include "session/session.h"

/* The real one lives in src/runtime/instance.c, which would pull in the
** whole engine; this copy follows the contract in pa_runtime.h. */
const char *pa_status_name(pa_status s) {
    switch (s) {
    case PA_STATUS_OK: return "ok";
    case PA_STATUS_ERROR: return "error";
    case PA_STATUS_TIMEOUT: return "timeout";
    case PA_STATUS_MEMORY_LIMIT: return "memory_limit";
    case PA_STATUS_KILLED: return "killed";
    }
    return "killed";
}

#define CHECK(c, ...)                                                        \
    do {                                                                     \
        if (!(c)) {                                                          \
            fprintf(stderr, "fuzz_json: check failed: %s: ", #c);            \
            fprintf(stderr, __VA_ARGS__);                                    \
            fputc('\n', stderr);                                             \
            abort();                                                         \
        }                                                                    \
    } while (0)

typedef struct { const uint8_t *p; size_t n; } in_t;

static uint8_t g8(in_t *in) {
    if (!in->n) return 0;
    in->n--;
    return *in->p++;
}
static uint64_t gN(in_t *in, int bytes) {
    uint64_t v = 0;
    for (int i = 0; i < bytes; i++) v |= (uint64_t)g8(in) << (8 * i);
    return v;
}

/* ---- reference decoder ------------------------------------------------------
** Written differently from utf8.c on purpose: a prefix b[0..k) starting with
** a lead byte of an L-byte form is acceptable iff some Unicode scalar value
** of that form starts with it, i.e. the range of code points it can still
** become ([bits then 0s, bits then 1s]) meets the form's range minus the
** surrogates.  The maximal invalid subpart is the longest acceptable proper
** prefix (at least one byte); each becomes one U+FFFD. */
static int feasible(int L, uint32_t bits, int k) {
    static const uint32_t lo[5] = {0, 0, 0x80, 0x800, 0x10000};
    static const uint32_t hi[5] = {0, 0x7F, 0x7FF, 0xFFFF, 0x10FFFF};
    int rest = 6 * (L - k);
    uint32_t a = bits << rest, b = a | ((1u << rest) - 1);
    if (a < lo[L]) a = lo[L];
    if (b > hi[L]) b = hi[L];
    if (a > b) return 0;
    return L != 3 || a < 0xD800 || b > 0xDFFF;
}

static char *ref_sanitize(const uint8_t *s, size_t n, size_t *outlen) {
    char *out = malloc(3 * n + 1), *o = out;
    if (!out) abort();
    size_t i = 0;
    while (i < n) {
        uint8_t c = s[i];
        int L = c < 0x80 ? 1 : c < 0xC0 ? 0 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : c < 0xF8 ? 4 : 0;
        uint32_t bits = L == 1 ? c : L ? (uint32_t)(c & (0x7F >> L)) : 0;
        int k = 0;
        if (L && feasible(L, bits, 1)) {
            k = 1;
            while (k < L && i + (size_t)k < n && (s[i + k] & 0xC0) == 0x80 &&
                   feasible(L, bits << 6 | (s[i + k] & 0x3Fu), k + 1)) {
                bits = bits << 6 | (s[i + k] & 0x3Fu);
                k++;
            }
        }
        if (L && k == L) {
            memcpy(o, s + i, (size_t)L);
            o += L;
            i += (size_t)L;
        } else {
            memcpy(o, "\xEF\xBF\xBD", 3);
            o += 3;
            i += k ? (size_t)k : 1;
        }
    }
    *o = 0;
    *outlen = (size_t)(o - out);
    return out;
}

/* ---- building a result ----------------------------------------------------- */

/* A string field: bytes copied to a buffer of exactly their length (plus a
** NUL if `nul`), or NULL with a junk length. */
static char *take(in_t *in, size_t *len, int nul) {
    uint8_t mode = g8(in);
    if ((mode & 15) == 0) { /* NULL pointer, any length */
        *len = (mode & 16) ? (size_t)gN(in, 8) : (size_t)gN(in, 2);
        return NULL;
    }
    size_t n = (size_t)gN(in, 2);
    if (mode & 32) n %= 64;
    if (n > in->n) n = in->n;
    char *b = malloc(n + (nul ? 1 : 0) + (n == 0 && !nul));
    if (!b) abort();
    memcpy(b, in->p, n);
    if (nul) b[n] = 0;
    in->p += n;
    in->n -= n;
    *len = n;
    return b;
}

static void check_text(const json_t *j, const char *what, const char *s, size_t n) {
    CHECK(json_is_string(j), "%s is not a string", what);
    size_t want_len;
    char *want = ref_sanitize((const uint8_t *)(s ? s : ""), s ? n : 0, &want_len);
    size_t got_len = json_string_length(j);
    CHECK(got_len == want_len && memcmp(json_string_value(j), want, want_len) == 0,
          "%s differs from the reference decoding (%zu vs %zu bytes)", what, got_len, want_len);
    free(want);
}

/* A session outcome from the input, encoded and parsed back. */
static void check_outcome(in_t *in) {
    pa_session_outcome so;
    memset(&so, 0, sizeof so);
    uint8_t f = g8(in);
    int32_t origin = (int32_t)gN(in, 4);
    so.origin = (f & 8) ? (pa_session_origin)origin : (pa_session_origin)(f % 3);
    so.rolled_back = f & 1;
    so.saved = f & 2;
    so.calls = (f & 4) ? gN(in, 8) : gN(in, 1);
    for (size_t i = 0; i < sizeof so.save_error; i++) so.save_error[i] = (char)g8(in);
    if (f & 16) so.save_error[g8(in)] = 0; /* usually terminated; sometimes not */

    json_t *j = pa_session_outcome_json(&so);
    CHECK(j != NULL, "outcome encoding failed");
    char *t = json_dumps(j, JSON_COMPACT);
    json_error_t jerr;
    json_t *o = t ? json_loads(t, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &jerr) : NULL;
    CHECK(o && json_is_object(o), "outcome is not a JSON object: %.200s", t ? t : "(null)");
    static const char *origins[] = {"created", "resumed", "restored"};
    unsigned want = (unsigned)so.origin <= 2 ? (unsigned)so.origin : 0;
    const json_t *v = json_object_get(o, "origin");
    CHECK(json_is_string(v) && !strcmp(json_string_value(v), origins[want]), "origin");
    CHECK(json_is_boolean(json_object_get(o, "rolled_back")) &&
          json_is_true(json_object_get(o, "rolled_back")) == so.rolled_back, "rolled_back");
    CHECK(json_is_boolean(json_object_get(o, "saved")) && json_is_true(json_object_get(o, "saved")) == so.saved,
          "saved");
    v = json_object_get(o, "calls");
    CHECK(json_is_integer(v) && json_integer_value(v) >= 0 &&
          (uint64_t)json_integer_value(v) == (so.calls > INT64_MAX ? INT64_MAX : so.calls), "calls");
    int has_error = !so.saved && !so.rolled_back;
    CHECK(json_object_size(o) == 4u + has_error, "outcome has %zu keys", json_object_size(o));
    if (has_error)
        check_text(json_object_get(o, "save_error"), "save_error", so.save_error,
                   strnlen(so.save_error, sizeof so.save_error));
    json_decref(o);
    free(t);
    json_decref(j);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    in_t in = {data, size};
    pa_result r;
    memset(&r, 0, sizeof r);
    uint8_t st = g8(&in);
    /* Mostly valid statuses, sometimes anything an int can hold. */
    r.status = (st & 8) ? (pa_status)(int32_t)gN(&in, 4) : (pa_status)(st % 5);
    r.exit_code = (int)(int32_t)gN(&in, 4);
    r.out.truncated = st & 16;
    r.err.truncated = st & 32;
    uint64_t bits = gN(&in, 8);
    static const double special[] = {0, -0.0, 1, -1, 1e308, -1e308, 5e-324, NAN, -NAN, INFINITY, -INFINITY, 0.5, 1e15 + 0.3, 123456789.123456789};
    if (st & 64) r.duration_ms = special[bits % (sizeof special / sizeof special[0])];
    else memcpy(&r.duration_ms, &bits, sizeof bits);
    r.out.data = take(&in, &r.out.len, 0);
    r.err.data = take(&in, &r.err.len, 0);
    size_t tlen;
    r.error_type = take(&in, &tlen, 1);
    r.error_message = take(&in, &r.error_message_len, 0);
    r.traceback = take(&in, &r.traceback_len, 0);

    char *text = pa_result_json_dumps(&r);
    CHECK(text != NULL, "encoding failed");
    json_error_t jerr;
    json_t *o = json_loads(text, JSON_ALLOW_NUL | JSON_REJECT_DUPLICATES, &jerr);
    CHECK(o != NULL, "output is not JSON: %s at %d: %.200s", jerr.text, jerr.position, text);
    CHECK(json_is_object(o), "output is not an object");

    static const char *keys[] = {"status", "exit_code", "stdout", "stderr", "stdout_truncated",
                                 "stderr_truncated", "error", "duration_ms"};
    size_t k = 0;
    for (void *it = json_object_iter(o); it; it = json_object_iter_next(o, it), k++)
        CHECK(k < 8 && !strcmp(json_object_iter_key(it), keys[k]), "unexpected key #%zu %s", k,
              json_object_iter_key(it));
    CHECK(k == 8, "%zu keys", k);

    const json_t *j = json_object_get(o, "status");
    CHECK(json_is_string(j) && !strcmp(json_string_value(j), pa_status_name(r.status)), "status");
    j = json_object_get(o, "exit_code");
    CHECK(json_is_integer(j) && json_integer_value(j) == r.exit_code, "exit_code");
    CHECK(json_is_boolean(json_object_get(o, "stdout_truncated")) &&
          json_is_true(json_object_get(o, "stdout_truncated")) == r.out.truncated, "stdout_truncated");
    CHECK(json_is_boolean(json_object_get(o, "stderr_truncated")) &&
          json_is_true(json_object_get(o, "stderr_truncated")) == r.err.truncated, "stderr_truncated");
    j = json_object_get(o, "duration_ms");
    CHECK(json_is_number(j), "duration_ms is not a number");
    double want_ms = isfinite(r.duration_ms) && r.duration_ms >= 0 ? r.duration_ms : 0;
    CHECK(json_number_value(j) == want_ms, "duration_ms %.17g, want %.17g", json_number_value(j), want_ms);
    check_text(json_object_get(o, "stdout"), "stdout", r.out.data, r.out.len);
    check_text(json_object_get(o, "stderr"), "stderr", r.err.data, r.err.len);

    const json_t *e = json_object_get(o, "error");
    if (r.status == PA_STATUS_OK) {
        CHECK(json_is_null(e), "status ok but error is not null");
    } else {
        CHECK(json_is_object(e) && json_object_size(e) == 3, "error is not a 3-key object");
        const char *t = r.error_type ? r.error_type : "Error";
        check_text(json_object_get(e, "type"), "error.type", t, strlen(t));
        check_text(json_object_get(e, "message"), "error.message", r.error_message, r.error_message_len);
        check_text(json_object_get(e, "traceback"), "error.traceback", r.traceback, r.traceback_len);
    }

    check_outcome(&in);

    /* The object form is the same value (the CLI adds keys to it). */
    json_t *obj = pa_result_json(&r);
    CHECK(obj && json_equal(obj, o), "pa_result_json differs from its dump");
    json_decref(obj);
    json_decref(o);
    free(text);
    free(r.out.data);
    free(r.err.data);
    free(r.error_type);
    free(r.error_message);
    free(r.traceback);
    return 0;
}
