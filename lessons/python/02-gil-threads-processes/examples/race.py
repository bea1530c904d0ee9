# The GIL protects the interpreter's own state, not your data. A read, a pause, then a write: every thread
# reads the balance before any of them writes it back, and nine withdrawals vanish.
import threading
import time


def run(withdraw) -> int:
    account = {"balance": 100}
    threads = [threading.Thread(target=withdraw, args=(account,)) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return account["balance"]


def unsafe_withdraw(account: dict) -> None:
    balance = account["balance"]  # read
    time.sleep(0.05)  # any pause here (I/O, a log call, a thread switch) lets others read the old value
    account["balance"] = balance - 10  # write


lock = threading.Lock()


def safe_withdraw(account: dict) -> None:
    with lock:  # read and write as one step
        balance = account["balance"]
        time.sleep(0.005)
        account["balance"] = balance - 10


print("without a lock:", run(unsafe_withdraw))
print("with a lock:   ", run(safe_withdraw))
