def task(i):
    if i % 2:
        raise ValueError(f"task {i} failed")
    return i * 10
results, errors = [], []
for i in range(5):
    try:
        results.append(task(i))
    except ValueError as e:
        errors.append(e)
print("results", results)
print("errors", [str(e) for e in errors])
raise ExceptionGroup("some tasks failed", errors)
