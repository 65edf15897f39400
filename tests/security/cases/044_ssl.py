# TLS: the ssl module cannot be imported at all.
# expect: status=error
# expect: error.type=ModuleNotFoundError
# expect: error.message=No module named '_ssl'
import ssl
ssl.create_default_context()
