# KeyboardInterrupt raised by the program is an ordinary error.
# expect: status=error
# expect: exit_code=1
# expect: error.type=KeyboardInterrupt
# expect: error.message=
raise KeyboardInterrupt
