#!/usr/bin/env bash
# scripts/submit_task.sh "TASK" [--session ID] [--server URL] — the seed's entry
# point: send a task to the running service (make serve) and print the answer.
here=$(cd "$(dirname "$0")" && pwd)
exec "$here/../build/polyagent" submit "$@"
