#!/bin/sh
# TAP wrapper for the cmocka suite test_runtime (BUILD_DIR picks release or ASan).
# CMOCKA_TEST_ABORT=1: cmocka must not replace our SIGSEGV handler (it
# turns guest faults into traps).
CMOCKA_TEST_ABORT=1 CMOCKA_MESSAGE_OUTPUT=TAP exec "${BUILD_DIR:-build/rel}/test_runtime"
