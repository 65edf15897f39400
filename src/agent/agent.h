/*
** agent.h — natural-language tasks become Python: a tool-calling loop with
** any OpenAI-compatible chat-completions endpoint (hosted, or a local
** llama.cpp server, Ollama, vLLM).
**
** The model gets a system prompt describing the sandbox and one tool,
** python_executor.  Each tool call is run (in the query's session, when it
** has one) and its outcome fed back, until the model answers in words or the
** step limit is reached.  Nothing here runs code itself or speaks HTTP to
** clients: the caller passes the function that executes.
*/
#ifndef PA_AGENT_AGENT_H
#define PA_AGENT_AGENT_H

#include <jansson.h>
#include <stdatomic.h>
#include <stdbool.h>

#include "server/api.h"

typedef struct pa_agent_config {
    const char *url;          /* base URL, e.g. http://127.0.0.1:8080/v1 (POLYAGENT_LLM_URL) */
    const char *model;        /* POLYAGENT_LLM_MODEL */
    const char *api_key;      /* POLYAGENT_LLM_API_KEY: sent, never logged; may be NULL */
    double timeout_s;         /* per model request; default 60 (POLYAGENT_LLM_TIMEOUT_SECONDS) */
    int max_steps;            /* model calls per query; default 8 */
    int retries;              /* on 429/5xx/network errors; default 3 */
    const atomic_bool *stop;  /* set when the service shuts down: finish early */
} pa_agent_config;

/* Settings from the environment; false (and *why) if the provider is not
** configured.  The strings point into the environment. */
bool pa_agent_from_env(pa_agent_config *c, char *why, size_t whylen);

/* Run e (a python_executor call): the execute result object, or NULL with
** *err set. */
typedef json_t *(*pa_agent_exec_fn)(void *ud, const pa_api_exec *e, pa_api_err *err);

/* Progress, for streaming: "model_step" {"step"}, "tool_call" {"tool",
** "parameters"}, "tool_result" {the execution}.  data is borrowed. */
typedef void (*pa_agent_event_fn)(void *ud, const char *event, json_t *data);

/* Answer a query: {"result": the model's answer, "tool_calls": [{"tool",
** "parameters", "result"}...], "execution": the last execution or null}.
** NULL on a provider failure, with a message in msg (HTTP 502 material).
** on_event may be NULL. */
json_t *pa_agent_answer(const pa_agent_config *c, const char *query, const char *session_id,
                        const pa_api_limits *lim, pa_agent_exec_fn exec, void *ud,
                        pa_agent_event_fn on_event, char *msg, size_t msglen);

#endif
