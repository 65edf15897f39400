# One byte more than 64 MiB of stdin: a clear usage error before any code
# runs (exit 2, message on stderr, no result object).
# stdin-size: 67108865
# expect: rc=2
# expect: host_stderr~=^polyagent: cannot read .*/stdin\.bin: larger than 64 MiB\n$
print("RAN")
