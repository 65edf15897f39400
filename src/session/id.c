/*
** id.c — session ids (the rule is in store.h), apart from the store so that
** a supervisor that only routes sessions can check them without the engine.
*/
#include "store.h"

#include <errno.h>

int pa_store_check_id(const char *id) {
    size_t n = 0;
    if (!id || id[0] == '.' || id[0] == 0) return -EINVAL;
    for (; id[n]; n++) {
        char c = id[n];
        int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '_' || c == '-' || c == '.';
        if (!ok || n >= PA_SESSION_ID_MAX) return -EINVAL;
    }
    return 0;
}
