/*
** agent.c — the tool-calling loop (agent.h).
**
** What the model sees of a run is bounded (stdout/stderr cut to a few KiB
** each, with a note saying so): a program that prints megabytes must not
** blow the model's context or our request size.  A malformed tool call (not
** JSON, wrong fields) is answered as a tool error the model can correct, not
** as a failure of the whole query.
*/
#include "agent.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "provider.h"

#define FEEDBACK_MAX 4000
#define CALLS_PER_STEP 4    /* tool calls run per model reply; more are refused */

static const char *system_prompt =
    "You are PolyAgent, an assistant that answers by running Python. You have one tool, python_executor, "
    "which runs Python 3.11 code in a sandbox: the standard library only (no pip packages), no network, "
    "no access to host files, a private writable /tmp, a time limit (30 s by default) and a memory limit. "
    "Print what you need to see: the tool returns stdout, stderr and the status. When you have the "
    "answer, reply with it in plain words and include the exact values the code printed.";

static const char *env(const char *name) {
    const char *v = getenv(name);
    return v && *v ? v : NULL;
}

bool pa_agent_from_env(pa_agent_config *c, char *why, size_t whylen) {
    memset(c, 0, sizeof *c);
    c->url = env("POLYAGENT_LLM_URL");
    c->model = env("POLYAGENT_LLM_MODEL");
    c->api_key = env("POLYAGENT_LLM_API_KEY");
    const char *t = env("POLYAGENT_LLM_TIMEOUT_SECONDS");
    c->timeout_s = t ? atof(t) : 60;
    if (!(c->timeout_s > 0 && c->timeout_s <= 600)) c->timeout_s = 60;
    c->max_steps = 8;
    c->retries = 3;
    if (!c->url || !c->model) {
        snprintf(why, whylen, "natural-language queries need a model: set POLYAGENT_LLM_URL (an OpenAI-compatible "
                              "endpoint, e.g. http://127.0.0.1:8080/v1) and POLYAGENT_LLM_MODEL (and "
                              "POLYAGENT_LLM_API_KEY if it needs one), or send code directly (\"Execute Python: ...\")");
        return false;
    }
    return true;
}

static json_t *tool_spec(void) {
    return json_pack("[{s:s,s:{s:s,s:s,s:{s:s,s:{s:{s:s,s:s}},s:[s]}}}]", "type", "function", "function", "name",
                     "python_executor", "description", "Run Python 3.11 code in the sandbox; returns stdout, stderr, status.",
                     "parameters", "type", "object", "properties", "code", "type", "string", "description",
                     "Python source to run", "required", "code");
}

/* A string cut to n bytes on a UTF-8 boundary, with a note when cut. */
static json_t *clip(const char *s, size_t n) {
    if (!s) return json_string("");
    size_t len = strlen(s);
    if (len <= n) return json_string(s);
    while (n && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
    char *t = malloc(n + 64);
    if (!t) return json_string("");
    memcpy(t, s, n);
    snprintf(t + n, 64, "\n[... %zu more bytes cut]", len - n);
    json_t *j = json_string(t);
    free(t);
    return j ? j : json_string("");
}

/* What the model is told about a run. */
static char *feedback(json_t *res) {
    json_t *err = json_object_get(res, "error");
    json_t *o = json_pack("{s:O,s:o,s:o}", "status", json_object_get(res, "status"), "stdout",
                          clip(json_string_value(json_object_get(res, "stdout")), FEEDBACK_MAX), "stderr",
                          clip(json_string_value(json_object_get(res, "stderr")), FEEDBACK_MAX));
    if (json_is_object(err))
        json_object_set_new(o, "error", json_pack("{s:O,s:o}", "type", json_object_get(err, "type"), "message",
                                                  clip(json_string_value(json_object_get(err, "message")), 1000)));
    char *s = json_dumps(o, JSON_COMPACT);
    json_decref(o);
    return s;
}

static void emit(pa_agent_event_fn fn, void *ud, const char *event, json_t *data) {
    if (fn && data) fn(ud, event, data);
    json_decref(data);
}

json_t *pa_agent_answer(const pa_agent_config *c, const char *query, const char *session_id,
                        const pa_api_limits *lim, pa_agent_exec_fn exec, void *ud,
                        pa_agent_event_fn on_event, char *msg, size_t msglen) {
    json_t *messages = json_pack("[{s:s,s:s},{s:s,s:s}]", "role", "system", "content", system_prompt, "role",
                                 "user", "content", query);
    json_t *calls = json_array(), *last = json_null(), *answer = NULL;
    if (!messages || !calls) {
        snprintf(msg, msglen, "out of memory");
        goto fail;
    }
    for (int step = 0; step < c->max_steps && !answer; step++) {
        if (c->stop && atomic_load(c->stop)) {
            snprintf(msg, msglen, "the service is shutting down");
            goto fail;
        }
        emit(on_event, ud, "model_step", json_pack("{s:i}", "step", step + 1));
        json_t *req = json_pack("{s:s,s:O,s:o,s:s}", "model", c->model, "messages", messages, "tools", tool_spec(),
                                "tool_choice", "auto");
        json_t *reply = req ? pa_provider_chat(c, req, msg, msglen) : NULL;
        json_decref(req);
        if (!reply) goto fail;
        json_t *m = json_object_get(json_array_get(json_object_get(reply, "choices"), 0), "message");
        if (!json_is_object(m)) {
            snprintf(msg, msglen, "the model's answer has no choices[0].message");
            json_decref(reply);
            goto fail;
        }
        json_t *tcs = json_object_get(m, "tool_calls");
        if (!json_is_array(tcs) || json_array_size(tcs) == 0) {
            const char *text = json_string_value(json_object_get(m, "content"));
            answer = json_string(text ? text : "");
            json_decref(reply);
            break;
        }
        /* The assistant turn as the model sent it, then one tool turn each. */
        json_array_append_new(messages, json_pack("{s:s,s:O,s:O}", "role", "assistant", "content",
                                                  json_object_get(m, "content") ? json_object_get(m, "content")
                                                                                : json_null(),
                                                  "tool_calls", tcs));
        size_t i;
        json_t *tc;
        json_array_foreach(tcs, i, tc) {
            json_t *fn = json_object_get(tc, "function");
            const char *id = json_string_value(json_object_get(tc, "id"));
            char made_up[48];
            if (!id || !*id) { /* some servers omit it; an empty one is refused upstream */
                snprintf(made_up, sizeof made_up, "call_%d_%zu", step, i);
                id = made_up;
            }
            const char *name = json_string_value(json_object_get(fn, "name"));
            json_t *raw = json_object_get(fn, "arguments");
            /* A JSON string as OpenAI sends it, or an object as some local servers do. */
            json_t *a = json_is_string(raw) ? json_loads(json_string_value(raw), 0, NULL)
                      : json_is_object(raw) ? json_incref(raw) : NULL;
            char *content = NULL;
            if (i >= CALLS_PER_STEP) {
                content = strdup("{\"error\": \"too many tool calls in one reply; make at most 4\"}");
            } else if (!name || strcmp(name, "python_executor") != 0) {
                content = strdup("{\"error\": \"unknown tool; the only tool is python_executor\"}");
            } else if (!json_is_object(a) || !json_is_string(json_object_get(a, "code"))) {
                content = strdup("{\"error\": \"arguments must be a JSON object with a string field 'code'\"}");
            } else {
                pa_api_exec e = {.code = json_string_value(json_object_get(a, "code")),
                                 .code_len = json_string_length(json_object_get(a, "code")),
                                 .session_id = session_id, .timeout_s = lim->timeout_default_s,
                                 .memory_mb = lim->memory_default_mb};
                pa_api_err err = PA_API_OK;
                emit(on_event, ud, "tool_call",
                     json_pack("{s:s,s:{s:O}}", "tool", "python_executor", "parameters", "code", json_object_get(a, "code")));
                json_t *res = exec(ud, &e, &err);
                if (res && on_event) on_event(ud, "tool_result", res);
                if (!res) {
                    content = strdup("{\"error\": \"the sandbox is busy; try again\"}");
                } else {
                    content = feedback(res);
                    json_array_append_new(calls, json_pack("{s:s,s:{s:O},s:O}", "tool", "python_executor",
                                                           "parameters", "code", json_object_get(a, "code"),
                                                           "result", res));
                    json_decref(last);
                    last = res;
                }
            }
            json_decref(a);
            json_array_append_new(messages, json_pack("{s:s,s:s,s:s}", "role", "tool", "tool_call_id", id ? id : "",
                                                      "content", content ? content : "{}"));
            free(content);
        }
        json_decref(reply);
    }
    if (!answer) answer = json_string("I could not finish within the step limit; the last run's output is in 'execution'.");
    json_decref(messages);
    return json_pack("{s:o,s:o,s:o,s:s}", "result", answer, "tool_calls", calls, "execution", last, "answered_by",
                     "model");
fail:
    json_decref(messages);
    json_decref(calls);
    json_decref(last);
    return NULL;
}
