# global lets a function rebind a module-level name.
count = 0
def bump():
    global count
    count += 1
def read():
    return count
bump()
bump()
print(count, read())
def shadow():
    count = 100
    return count
print(shadow(), count)
def make_global():
    global created
    created = 'made inside'
make_global()
print(created)
items = []
def add_item(x):
    items.append(x)
add_item(1)
add_item(2)
print(items)
def rebind():
    global items
    items = ['fresh']
rebind()
print(items)
try:
    print(undefined_name)
except NameError:
    print('NameError')
