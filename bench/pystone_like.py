# A Dhrystone-flavoured mix: records, procedure calls, string compares,
# integer arithmetic and array updates, in the style of the classic pystone.
class Record:
    def __init__(self, link=None, kind=0, num=0, text=""):
        self.link = link
        self.kind = kind
        self.num = num
        self.text = text

    def copy(self):
        return Record(self.link, self.kind, self.num, self.text)

def proc_a(rec, glob):
    nxt = rec.link
    nxt.num = rec.num + glob[0]
    nxt.kind = (rec.kind + 1) % 3
    if nxt.kind == 0:
        nxt.num = proc_b(nxt.num)
    rec.link = nxt.copy()
    return rec

def proc_b(value):
    v = value + 10
    while True:
        v -= 1
        if v % 3 == 0:
            return v

def compare(a, b):
    if a == b:
        return 1
    return 2 if a < b else 0

def run(loops):
    glob = [5]
    arr = [0] * 51
    head = Record(Record(None, 1, 2, "SECOND"), 0, 40, "FIRST STRING")
    score = 0
    for i in range(loops):
        head = proc_a(head, glob)
        arr[i % 51] += head.link.num & 7
        score += compare("DHRYSTONE " + str(i & 3), "DHRYSTONE 2")
        glob[0] = (glob[0] * 3 + i) % 17
    return score, sum(arr), head.link.num

print(run(2000000))
