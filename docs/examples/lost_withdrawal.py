import threading
import time

balance = 100


def withdraw(amount):
    global balance
    seen = balance
    time.sleep(0.1)
    balance = seen - amount


a = threading.Thread(target=withdraw, args=(30,), name="A")
b = threading.Thread(target=withdraw, args=(50,), name="B")
a.start(); b.start()
a.join(); b.join()
print("balance =", balance)
