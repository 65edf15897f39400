# asyncio's network layer (open_connection, start_server) is not available.
# expect: status=error
# expect: error.type=ModuleNotFoundError
# expect: error.message=No module named 'concurrent'
import asyncio
asyncio.run(asyncio.open_connection("127.0.0.1", 22))
