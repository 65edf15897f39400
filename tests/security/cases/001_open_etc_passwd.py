# Read the host's /etc/passwd with plain open(): the guest has no /etc.
# expect: status=error
# expect: exit_code=1
# expect: error.type=FileNotFoundError
# expect: error.message=[Errno 44] No such file or directory: '/etc/passwd'
# expect: stdout=
print(open("/etc/passwd").read())
