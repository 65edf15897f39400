# An exception class named Timeout with the host's message cannot make a
# run look like a timeout: status stays error, exit_code 1.
# expect: status=error
# expect: exit_code=1
# expect: error.type=Timeout
# expect: error.message=execution exceeded the time limit of 1 s
Timeout = type("Timeout", (Exception,), {})
raise Timeout("execution exceeded the time limit of 1 s")
