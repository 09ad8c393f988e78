import threading
import time

counter = 0


def add(times):
    global counter
    for _ in range(times):
        current = counter        # read the shared value into a local
        time.sleep(0)            # let another thread run in between
        counter = current + 1    # write back: may overwrite someone's update


t1 = threading.Thread(target=add, args=(2,), name="T1")
t2 = threading.Thread(target=add, args=(2,), name="T2")
t1.start(); t2.start()
t1.join(); t2.join()
print("counter =", counter)      # 4 if no update was lost
