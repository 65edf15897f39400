# What the guest can learn about its host: a fixed, synthetic identity.
# expect: status=ok
# expect: stdout=/ 42 1\nposix.uname_result(sysname='wasi', nodename='(none)', release='0.0.0', version='0.0.0', machine='wasm32')\n(none) wasi-0.0.0-wasm32-32bit\n('UTC', 'UTC') wasi\n
import os, platform, sys, time
print(os.getcwd(), os.getpid(), os.cpu_count())
print(os.uname())
print(platform.node(), platform.platform())
print(time.tzname, sys.platform)
