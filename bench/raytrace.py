# A small ray tracer: spheres, a light, diffuse shading, rendered to a
# checksum of an ASCII shade map.
class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def add(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def sub(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def mul(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def norm(self):
        return self.mul(1.0 / (self.dot(self) ** 0.5))

class Sphere:
    def __init__(self, centre, radius):
        self.centre = centre
        self.radius = radius

    def hit(self, origin, direction):
        oc = origin.sub(self.centre)
        b = oc.dot(direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return -1.0
        t = -b - disc ** 0.5
        return t if t > 1e-6 else -1.0

def render(w, h):
    spheres = [Sphere(Vec(0, 0, 5), 1.5), Sphere(Vec(2, 1, 6), 1.0), Sphere(Vec(0, -101.5, 5), 100)]
    light = Vec(-1, 2, -1).norm()
    shades = " .:-=+*#%@"
    eye = Vec(0, 0, 0)
    total = 0
    rows = []
    for j in range(h):
        row = []
        for i in range(w):
            d = Vec((i - w / 2) / w, (h / 2 - j) / h, 1).norm()
            best = 1e9
            hit = None
            for s in spheres:
                t = s.hit(eye, d)
                if 0 < t < best:
                    best = t
                    hit = s
            level = 0
            if hit is not None:
                p = eye.add(d.mul(best))
                n = p.sub(hit.centre).norm()
                lum = n.dot(light)
                level = 1 + int(max(0.0, lum) * 8.99)
            row.append(shades[level])
            total += level * (i + 1)
        rows.append("".join(row))
    return total, rows[h // 2]

for _ in range(16):
    r = render(160, 120)
print(r)
