"""Ray tracer: a small scene of spheres over a checkered floor.

Models a Whitted-style renderer with a pinhole camera, point lights, hard
shadows, Phong highlights and recursive mirror reflections, writing 8-bit
RGB pixels. Stresses small immutable objects (a Vec class with operator
overloading), method calls, attribute access and float maths.
"""

import math

from _harness import main


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def hadamard(self, o):
        return Vec(self.x * o.x, self.y * o.y, self.z * o.z)

    def length(self):
        return math.sqrt(self.dot(self))

    def norm(self):
        return self * (1.0 / self.length())


class Ray:
    __slots__ = ("origin", "direction")

    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction

    def at(self, t):
        return self.origin + self.direction * t


class Material:
    def __init__(self, color, diffuse, specular, shininess, reflect):
        self.color = color
        self.diffuse = diffuse
        self.specular = specular
        self.shininess = shininess
        self.reflect = reflect

    def color_at(self, point):
        return self.color


class Checker(Material):
    def __init__(self, c1, c2, scale, **kw):
        Material.__init__(self, c1, **kw)
        self.other = c2
        self.scale = scale

    def color_at(self, point):
        ix = math.floor(point.x / self.scale)
        iz = math.floor(point.z / self.scale)
        return self.color if (ix + iz) % 2 == 0 else self.other


class Sphere:
    def __init__(self, center, radius, material):
        self.center = center
        self.radius = radius
        self.r2 = radius * radius
        self.material = material

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.r2
        disc = b * b - c
        if disc < 0.0:
            return None
        s = math.sqrt(disc)
        t = -b - s
        if t > 1e-6:
            return t
        t = -b + s
        if t > 1e-6:
            return t
        return None

    def normal_at(self, point):
        return (point - self.center).norm()


class Plane:
    def __init__(self, point, normal, material):
        self.point = point
        self.normal = normal.norm()
        self.material = material

    def intersect(self, ray):
        denom = self.normal.dot(ray.direction)
        if abs(denom) < 1e-9:
            return None
        t = (self.point - ray.origin).dot(self.normal) / denom
        return t if t > 1e-6 else None

    def normal_at(self, point):
        return self.normal


class Light:
    def __init__(self, position, color):
        self.position = position
        self.color = color


class Scene:
    def __init__(self):
        self.objects = []
        self.lights = []
        self.ambient = Vec(0.08, 0.08, 0.1)
        self.background = Vec(0.2, 0.3, 0.5)
        self.rays = 0

    def nearest(self, ray):
        best_t = None
        best = None
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best = obj
        return best, best_t

    def shadowed(self, point, light):
        to_light = light.position - point
        dist = to_light.length()
        ray = Ray(point, to_light * (1.0 / dist))
        for obj in self.objects:
            t = obj.intersect(ray)
            if t is not None and t < dist:
                return True
        return False

    def trace(self, ray, depth):
        self.rays += 1
        obj, t = self.nearest(ray)
        if obj is None:
            return self.background
        point = ray.at(t)
        normal = obj.normal_at(point)
        mat = obj.material
        base = mat.color_at(point)
        color = base.hadamard(self.ambient)
        for light in self.lights:
            if self.shadowed(point, light):
                continue
            l = (light.position - point).norm()
            lambert = normal.dot(l)
            if lambert > 0.0:
                color = color + base.hadamard(light.color) * (lambert * mat.diffuse)
                h = (l - ray.direction).norm()
                spec = normal.dot(h)
                if spec > 0.0:
                    p = 1.0
                    for _ in range(mat.shininess):
                        p *= spec
                    color = color + light.color * (p * mat.specular)
        if mat.reflect > 0.0 and depth < 4:
            d = ray.direction
            r = d - normal * (2.0 * d.dot(normal))
            reflected = self.trace(Ray(point, r), depth + 1)
            color = color * (1.0 - mat.reflect) + reflected * mat.reflect
        return color


def build_scene():
    scene = Scene()
    floor = Checker(Vec(0.9, 0.9, 0.9), Vec(0.15, 0.15, 0.15), 1.0,
                    diffuse=0.8, specular=0.1, shininess=8, reflect=0.25)
    scene.objects.append(Plane(Vec(0.0, 0.0, 0.0), Vec(0.0, 1.0, 0.0), floor))
    specs = [
        (Vec(0.0, 1.0, 5.0), 1.0, Vec(0.9, 0.2, 0.2), 0.4),
        (Vec(-2.2, 0.7, 6.5), 0.7, Vec(0.2, 0.8, 0.3), 0.1),
        (Vec(2.1, 0.6, 4.2), 0.6, Vec(0.3, 0.4, 0.95), 0.6),
        (Vec(0.9, 0.3, 2.9), 0.3, Vec(0.95, 0.85, 0.2), 0.0),
        (Vec(-1.0, 2.6, 8.0), 1.2, Vec(0.8, 0.8, 0.8), 0.8),
    ]
    for center, radius, color, reflect in specs:
        mat = Material(color, 0.9, 0.6, 32, reflect)
        scene.objects.append(Sphere(center, radius, mat))
    scene.lights.append(Light(Vec(-4.0, 6.0, 0.0), Vec(0.8, 0.8, 0.8)))
    scene.lights.append(Light(Vec(5.0, 4.0, 2.0), Vec(0.4, 0.35, 0.3)))
    return scene


def clamp8(v):
    if v <= 0.0:
        return 0
    if v >= 1.0:
        return 255
    return int(v * 255.0 + 0.5)


def run(size):
    scene = build_scene()
    width = size
    height = size * 3 // 4
    eye = Vec(0.0, 1.5, -2.0)
    aspect = width / height
    h = 0
    total = [0, 0, 0]
    for j in range(height):
        sy = 1.0 - 2.0 * (j + 0.5) / height
        for i in range(width):
            sx = (2.0 * (i + 0.5) / width - 1.0) * aspect
            d = Vec(sx, sy - 0.25, 1.6).norm()
            c = scene.trace(Ray(eye, d), 0)
            r, g, b = clamp8(c.x), clamp8(c.y), clamp8(c.z)
            total[0] += r
            total[1] += g
            total[2] += b
            h = (h * 16777619 ^ (r << 16 | g << 8 | b)) & 0xFFFFFFFF
    return ["image %dx%d rays %d" % (width, height, scene.rays),
            "rgb sums %d %d %d" % tuple(total),
            "hash %08x" % h]


if __name__ == "__main__":
    main(run, normal=360, short=32)
