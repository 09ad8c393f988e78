# Why threads do not speed up CPU-bound Python and processes do: the same function once, in two threads,
# and in two processes. Run it with 2 cores (Lockstep's default for a program), then uncheck GIL.
import multiprocessing
import threading
import time


def crunch(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


N = 300_000


def timed(label, body):
    started = time.perf_counter()
    body()
    took = time.perf_counter() - started
    print(f"{label}: {took * 1000:.2f} ms")
    return took


def side_by_side(kind):
    workers = [kind(target=crunch, args=(N,)) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()


if __name__ == "__main__":
    once = timed("once", lambda: crunch(N))
    threads = timed("two threads", lambda: side_by_side(threading.Thread))
    processes = timed("two processes", lambda: side_by_side(multiprocessing.Process))
    print(f"once : threads : processes = 1 : {threads / once:.2f} : {processes / once:.2f}")
