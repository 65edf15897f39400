/*
** provider.h — private to src/agent: one chat-completions call.
*/
#ifndef PA_AGENT_PROVIDER_H
#define PA_AGENT_PROVIDER_H

#include <jansson.h>

#include "agent.h"

/* POST request to {url}/chat/completions, retrying 429/5xx/network errors
** with backoff.  The parsed answer (owned by the caller), or NULL with msg. */
json_t *pa_provider_chat(const pa_agent_config *c, json_t *request, char *msg, size_t msglen);

#endif
