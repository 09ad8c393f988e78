import threading
import time

counter = 0
lock = threading.Lock()


def add(times):
    global counter
    for _ in range(times):
        with lock:                   # one thread at a time from read to write
            current = counter
            time.sleep(0)            # a switch here no longer matters
            counter = current + 1


t1 = threading.Thread(target=add, args=(2,), name="T1")
t2 = threading.Thread(target=add, args=(2,), name="T2")
t1.start(); t2.start()
t1.join(); t2.join()
print("counter =", counter)          # always 4
