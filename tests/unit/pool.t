#!/bin/sh
# TAP wrapper for the cmocka suite test_pool (BUILD_DIR picks release or ASan;
# POLYAGENT is the binary its workers run).
CMOCKA_MESSAGE_OUTPUT=TAP exec "${BUILD_DIR:-build/rel}/test_pool"
