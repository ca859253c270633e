accounts = {}
log = []
def open_account(name, initial=0):
    if name in accounts:
        log.append("exists: " + name)
        return False
    accounts[name] = initial
    log.append("opened " + name)
    return True
def transfer(src, dst, amount):
    if accounts.get(src, 0) < amount:
        log.append("insufficient funds in " + src)
        return False
    accounts[src] -= amount
    accounts[dst] = accounts.get(dst, 0) + amount
    log.append(src + " -> " + dst + ": " + str(amount))
    return True
open_account("alice", 100)
open_account("bob")
open_account("alice")
transfer("alice", "bob", 30)
transfer("bob", "carol", 50)
transfer("bob", "carol", 10)
print(accounts)
print("\n".join(log))
print(sum(accounts.values()), sorted(accounts, key=accounts.get))
