#!/bin/sh
# Conformance: every case in cases/ must match native python3.11 byte for byte.
exec "$(dirname "$0")/run.sh"
