from dataclasses import dataclass, field
from decimal import Decimal
from typing import List

class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount}: balance {account.balance}")
        self.account = account
        self.amount = amount
@dataclass
class Txn:
    kind: str
    amount: Decimal
    balance_after: Decimal
@dataclass
class Account:
    owner: str
    balance: Decimal = Decimal("0")
    history: List[Txn] = field(default_factory=list)
    def deposit(self, amt):
        amt = Decimal(amt)
        if amt <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amt
        self.history.append(Txn("dep", amt, self.balance))
    def withdraw(self, amt):
        amt = Decimal(amt)
        if amt > self.balance:
            raise InsufficientFunds(self, amt)
        self.balance -= amt
        self.history.append(Txn("wd", amt, self.balance))
class SavingsAccount(Account):
    rate = Decimal("0.025")
    def add_interest(self):
        interest = (self.balance * self.rate / 12).quantize(Decimal("0.01"))
        self.deposit(interest)
        return interest
class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, owner, kind=Account):
        acct = kind(owner)
        self.accounts[owner] = acct
        return acct
    def transfer(self, a, b, amt):
        src, dst = self.accounts[a], self.accounts[b]
        src.withdraw(amt)
        try:
            dst.deposit(amt)
        except Exception:
            src.deposit(amt)
            raise
    def total(self):
        return sum((a.balance for a in self.accounts.values()), Decimal(0))
bank = Bank()
alice = bank.open("alice")
bob = bank.open("bob", SavingsAccount)
alice.deposit("1000.00")
bob.deposit("250.50")
ops = [("alice", "bob", "100.25"), ("bob", "alice", "1000"), ("alice", "bob", "0"), ("bob", "alice", "50.05"), ("alice", "carol", "5")]
for a, b, amt in ops:
    try:
        bank.transfer(a, b, amt)
        print("ok", a, "->", b, amt)
    except InsufficientFunds as e:
        print("InsufficientFunds:", e)
    except ValueError as e:
        print("ValueError:", e)
    except KeyError as e:
        print("KeyError:", e)
for month in range(1, 13):
    i = bob.add_interest()
    if month % 4 == 0:
        print("month", month, "interest", i, "balance", bob.balance)
print(alice.balance, bob.balance, bank.total())
for t in alice.history:
    print(" ", t)
print(len(bob.history), bob.history[-1], isinstance(bob, Account), type(bob).__mro__[1].__name__)
