#!/bin/sh
# TAP wrapper for the cmocka suite test_sandbox (BUILD_DIR picks release or ASan).


CMOCKA_MESSAGE_OUTPUT=TAP exec "${BUILD_DIR:-build/rel}/test_sandbox"
