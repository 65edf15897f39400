# Process and thread pools: the packages are not in the guest's stdlib.
# expect: status=ok
# expect: stdout=multiprocessing ModuleNotFoundError\nmultiprocessing.pool ModuleNotFoundError\nconcurrent.futures ModuleNotFoundError\n_multiprocessing ModuleNotFoundError\n_posixsubprocess ModuleNotFoundError\n
import importlib
for name in ["multiprocessing", "multiprocessing.pool", "concurrent.futures",
             "_multiprocessing", "_posixsubprocess"]:
    try:
        importlib.import_module(name)
        print(name, "IMPORTED")
    except ImportError as e:
        print(name, type(e).__name__)
