# os._exit from inside the error path (__str__ of the uncaught exception).
# expect: status=error
# expect: exit_code=7
# expect: error.type=SystemExit
class E(Exception):
    def __str__(self):
        import os
        os._exit(7)
raise E()
